package ai.clouvel.core.store;

/** A record with the same unique key already exists. */
public class DuplicateKeyException extends RuntimeException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which key
   * @param cause the driver's exception
   */
  public DuplicateKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
