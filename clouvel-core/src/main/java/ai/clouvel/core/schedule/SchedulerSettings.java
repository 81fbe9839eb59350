package ai.clouvel.core.schedule;

import ai.clouvel.core.donation.CommissionType;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The configuration of free, scheduled commissions. Off by default.
 *
 * @param enabled whether the scheduler creates commissions
 * @param interval how often
 * @param commissionType what kind of commission it creates
 * @param subreddit the subreddit for {@code random_subreddit}, or {@code null}
 * @param lastRunAt when it last created one, or {@code null}
 */
public record SchedulerSettings(boolean enabled, Duration interval, CommissionType commissionType,
    String subreddit, Instant lastRunAt) {

  /** Off, every 6 hours, random posts of random subreddits. */
  public static final SchedulerSettings DEFAULTS =
      new SchedulerSettings(false, Duration.ofHours(6), CommissionType.RANDOM_RANDOM, null, null);

  public SchedulerSettings {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(commissionType, "commissionType");
    if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("scheduler interval must be at least a minute");
    }
    if (commissionType == CommissionType.SPECIFIC_POST) {
      throw new IllegalArgumentException("the scheduler cannot make specific_post commissions");
    }
    if (commissionType == CommissionType.RANDOM_SUBREDDIT && (subreddit == null || subreddit.isBlank())) {
      throw new IllegalArgumentException("random_subreddit needs a subreddit");
    }
  }

  /**
   * Tells when the next scheduled commission is due.
   *
   * @param now the current time
   * @return {@code lastRunAt + interval}, or {@code now} if it never ran
   */
  public Instant nextRunAt(Instant now) {
    return lastRunAt == null ? now : lastRunAt.plus(interval);
  }
}
