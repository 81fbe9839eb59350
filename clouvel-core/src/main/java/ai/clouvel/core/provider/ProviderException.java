package ai.clouvel.core.provider;

/**
 * A provider (Reddit, OpenAI, Stripe, an image host, or your own implementation of a port)
 * failed. The subclasses say what a caller can do about it: wait and retry
 * ({@link RateLimitedException}, {@link ProviderUnavailableException}), change the input
 * ({@link ContentRejectedException}), fix the request or credentials
 * ({@link ProviderRequestException}), or report a provider bug ({@link BadResponseException}).
 * Messages never contain secrets.
 */
public abstract sealed class ProviderException extends RuntimeException
    permits RateLimitedException, ProviderUnavailableException, ContentRejectedException,
        ProviderRequestException, BadResponseException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** The provider. */
  private final String provider;

  /**
   * Creates the exception.
   *
   * @param provider the provider's name, for example {@code "openai"}
   * @param message what went wrong
   * @param cause the underlying failure, or {@code null}
   */
  protected ProviderException(String provider, String message, Throwable cause) {
    super(provider + ": " + message, cause);
    this.provider = provider;
  }

  /**
   * Returns the provider's name.
   *
   * @return for example {@code "openai"} or {@code "reddit"}
   */
  public String provider() {
    return provider;
  }

  /**
   * Tells whether the same call may succeed later.
   *
   * @return {@code true} for rate limits and outages
   */
  public abstract boolean isTransient();
}
