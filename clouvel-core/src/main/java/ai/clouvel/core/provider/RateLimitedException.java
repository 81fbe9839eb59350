package ai.clouvel.core.provider;

import java.time.Duration;
import java.util.Optional;

/** The provider asked us to slow down (HTTP 429), and retries ran out. Transient. */
public final class RateLimitedException extends ProviderException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** The retry after. */
  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param provider the provider's name
   * @param message what went wrong
   * @param retryAfter how long the provider asked us to wait, or {@code null} if it did not say
   */
  public RateLimitedException(String provider, String message, Duration retryAfter) {
    super(provider, message, null);
    this.retryAfter = retryAfter;
  }

  /**
   * Returns how long the provider asked us to wait.
   *
   * @return the wait, or empty if the provider did not say
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
