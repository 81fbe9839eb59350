package ai.clouvel.core.provider;

/**
 * The provider could not be reached or failed on its side (timeouts, connection errors, HTTP 408
 * and 5xx), and retries ran out. Transient.
 */
public final class ProviderUnavailableException extends ProviderException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param provider the provider's name
   * @param message what went wrong
   * @param cause the underlying failure, or {@code null}
   */
  public ProviderUnavailableException(String provider, String message, Throwable cause) {
    super(provider, message, cause);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
