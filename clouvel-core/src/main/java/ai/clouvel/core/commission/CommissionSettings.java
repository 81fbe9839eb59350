package ai.clouvel.core.commission;

import ai.clouvel.core.image.ImageQuality;
import java.time.Duration;
import java.util.Objects;

/**
 * How commissions are worked on.
 *
 * @param workers how many tasks run at once
 * @param maxAttempts how many times a task is tried before it fails for good
 * @param retryBackoff the wait after the first failed attempt, doubled after each further one
 * @param maxRetryBackoff the longest wait between attempts
 * @param lease how long a worker holds a task without a heartbeat
 * @param heartbeatInterval how often a worker renews its lease
 * @param pollInterval how long an idle worker waits before looking for work again
 * @param maintenanceInterval how often abandoned tasks, due refunds and the scheduler are checked
 * @param refundRetryInterval how long to wait before trying a failed refund again
 * @param template the product template commissions are made on
 * @param freeQuality the image quality of free (scheduled or manual) commissions
 */
public record CommissionSettings(int workers, int maxAttempts, Duration retryBackoff, Duration maxRetryBackoff,
    Duration lease, Duration heartbeatInterval, Duration pollInterval, Duration maintenanceInterval,
    Duration refundRetryInterval, String template, ImageQuality freeQuality) {

  /**
   * Two workers, three attempts 30 s then 60 s apart, 30-second leases renewed every 10 s, and
   * maintenance every 20 s: a dead worker's task is claimed again within about 31 s, or failed and
   * refunded within 50 s when it has no attempts left.
   */
  public static final CommissionSettings DEFAULTS = new CommissionSettings(2, 3, Duration.ofSeconds(30),
      Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(1),
      Duration.ofSeconds(20), Duration.ofMinutes(5), "print", ImageQuality.STANDARD);

  public CommissionSettings {
    if (workers < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("workers and maxAttempts must be at least 1");
    }
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    Objects.requireNonNull(maxRetryBackoff, "maxRetryBackoff");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(maintenanceInterval, "maintenanceInterval");
    Objects.requireNonNull(refundRetryInterval, "refundRetryInterval");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(freeQuality, "freeQuality");
    if (retryBackoff.isNegative() || notPositive(lease) || notPositive(heartbeatInterval)
        || notPositive(pollInterval) || notPositive(maintenanceInterval)) {
      throw new IllegalArgumentException("lease, heartbeat, poll and maintenance intervals must be positive");
    }
    if (heartbeatInterval.compareTo(lease) >= 0) {
      throw new IllegalArgumentException("heartbeats must come more often than the lease runs out");
    }
  }

  /**
   * Returns a copy with another number of workers.
   *
   * @param count the number of workers
   * @return the changed copy
   */
  public CommissionSettings withWorkers(int count) {
    return new CommissionSettings(count, maxAttempts, retryBackoff, maxRetryBackoff, lease, heartbeatInterval,
        pollInterval, maintenanceInterval, refundRetryInterval, template, freeQuality);
  }

  /**
   * Returns a copy with another poll interval.
   *
   * @param interval the poll interval
   * @return the changed copy
   */
  public CommissionSettings withPollInterval(Duration interval) {
    return new CommissionSettings(workers, maxAttempts, retryBackoff, maxRetryBackoff, lease, heartbeatInterval,
        interval, maintenanceInterval, refundRetryInterval, template, freeQuality);
  }

  /**
   * Returns a copy with another lease and heartbeat interval.
   *
   * @param newLease how long a worker holds a task without a heartbeat
   * @param heartbeat how often a worker renews its lease; shorter than the lease
   * @return the changed copy
   */
  public CommissionSettings withLease(Duration newLease, Duration heartbeat) {
    return new CommissionSettings(workers, maxAttempts, retryBackoff, maxRetryBackoff, newLease, heartbeat,
        pollInterval, maintenanceInterval, refundRetryInterval, template, freeQuality);
  }

  /**
   * Returns a copy with other retry settings.
   *
   * @param attempts how many times a task is tried before it fails for good
   * @param backoff the wait after the first failed attempt, doubled after each further one
   * @return the changed copy
   */
  public CommissionSettings withRetries(int attempts, Duration backoff) {
    return new CommissionSettings(workers, attempts, backoff, maxRetryBackoff, lease, heartbeatInterval,
        pollInterval, maintenanceInterval, refundRetryInterval, template, freeQuality);
  }

  /**
   * Returns a copy with another maintenance interval.
   *
   * @param interval how often abandoned tasks, due refunds and the scheduler are checked
   * @return the changed copy
   */
  public CommissionSettings withMaintenanceInterval(Duration interval) {
    return new CommissionSettings(workers, maxAttempts, retryBackoff, maxRetryBackoff, lease, heartbeatInterval,
        pollInterval, interval, refundRetryInterval, template, freeQuality);
  }

  /**
   * Computes the wait before the next attempt.
   *
   * @param failedAttempts how many attempts failed, 1 or more
   * @return {@code retryBackoff * 2^(failedAttempts - 1)}, at most {@code maxRetryBackoff}
   */
  public Duration backoff(int failedAttempts) {
    long millis = retryBackoff.toMillis() << Math.min(20, Math.max(0, failedAttempts - 1));
    return Duration.ofMillis(Math.min(millis, maxRetryBackoff.toMillis()));
  }

  private static boolean notPositive(Duration duration) {
    return duration.isNegative() || duration.isZero();
  }
}
