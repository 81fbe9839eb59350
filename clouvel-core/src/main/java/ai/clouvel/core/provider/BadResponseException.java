package ai.clouvel.core.provider;

/**
 * The provider answered, but not with something we can use (malformed JSON, missing fields, an
 * image that is not a PNG). Not transient.
 */
public final class BadResponseException extends ProviderException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param provider the provider's name
   * @param message what was wrong with the response
   * @param cause the underlying failure, or {@code null}
   */
  public BadResponseException(String provider, String message, Throwable cause) {
    super(provider, message, cause);
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
