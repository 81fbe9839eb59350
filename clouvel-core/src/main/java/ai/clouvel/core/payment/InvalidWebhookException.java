package ai.clouvel.core.payment;

/** A webhook whose signature does not verify, is too old, or whose payload is malformed. */
public class InvalidWebhookException extends RuntimeException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, safe to return to the caller
   * @param cause the underlying failure, or {@code null}
   */
  public InvalidWebhookException(String message, Throwable cause) {
    super(message, cause);
  }
}
