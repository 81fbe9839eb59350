package ai.clouvel.agents.http;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long to wait before trying a failed call again: exponential backoff from
 * {@code baseDelay}, doubled each attempt up to {@code maxDelay}, with jitter that takes away up
 * to {@code jitter} of each delay so that clients do not retry in step. A provider's
 * {@code Retry-After} is honoured when it asks for longer; if it asks for more than
 * {@code maxRetryAfter} the call gives up at once and reports the wait to the caller.
 *
 * @param maxAttempts attempts in all, the first included; 1 disables retries
 * @param baseDelay the delay before the second attempt
 * @param maxDelay the longest computed delay
 * @param jitter the fraction, 0 to 1, of each delay that is random
 * @param maxRetryAfter the longest {@code Retry-After} worth waiting for inside one call
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, double jitter,
    Duration maxRetryAfter) {

  /** Four attempts, 1 s doubling to 20 s, half of each delay random, Retry-After up to 60 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(20), 0.5, Duration.ofSeconds(60));

  /** One attempt, no retries. */
  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be between 0 and 1");
    }
  }

  /**
   * Computes the backoff before an attempt, without jitter.
   *
   * @param failedAttempts how many attempts failed so far, 1 or more
   * @return {@code baseDelay * 2^(failedAttempts - 1)}, at most {@code maxDelay}
   */
  public Duration backoff(int failedAttempts) {
    long factor = 1L << Math.min(30, Math.max(0, failedAttempts - 1));
    long millis = baseDelay.toMillis() * factor;
    if (millis < 0 || millis > maxDelay.toMillis()) {
      millis = maxDelay.toMillis();
    }
    return Duration.ofMillis(millis);
  }
}
