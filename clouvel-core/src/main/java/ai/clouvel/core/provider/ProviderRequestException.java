package ai.clouvel.core.provider;

/**
 * The provider refused the request itself (bad credentials, unknown model, invalid parameters:
 * HTTP 4xx other than 408 and 429). Fix the configuration; retrying will not help. Not transient.
 */
public final class ProviderRequestException extends ProviderException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** The status. */
  private final int status;

  /**
   * Creates the exception.
   *
   * @param provider the provider's name
   * @param status the HTTP status
   * @param message what went wrong
   */
  public ProviderRequestException(String provider, int status, String message) {
    super(provider, "HTTP " + status + ": " + message, null);
    this.status = status;
  }

  /**
   * Returns the HTTP status the provider answered with.
   *
   * @return for example 401
   */
  public int status() {
    return status;
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
