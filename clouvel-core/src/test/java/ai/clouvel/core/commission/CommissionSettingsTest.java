package ai.clouvel.core.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.schedule.SchedulerSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommissionSettingsTest {
  private static CommissionSettings withBackoff(Duration first, Duration max) {
    return new CommissionSettings(2, 5, first, max, Duration.ofMinutes(2), Duration.ofSeconds(20),
        Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5), "print", ImageQuality.STANDARD);
  }

  @Test
  void theWaitBetweenAttemptsDoublesUpToTheLongestWait() {
    CommissionSettings settings = withBackoff(Duration.ofSeconds(30), Duration.ofMinutes(3));
    assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.backoff(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(settings.backoff(4)).as("capped").isEqualTo(Duration.ofMinutes(3));
    assertThat(settings.backoff(60)).as("no overflow however many attempts").isEqualTo(Duration.ofMinutes(3));
    assertThat(settings.backoff(0)).as("never below the first wait").isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void theDefaultsAreTwoWorkersThreeAttemptsThirtySecondsApart() {
    CommissionSettings defaults = CommissionSettings.DEFAULTS;
    assertThat(defaults.workers()).isEqualTo(2);
    assertThat(defaults.maxAttempts()).isEqualTo(3);
    assertThat(defaults.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.backoff(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.lease()).as("a dead worker's task is reclaimed within a minute").isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void copiesChangeOnlyWhatTheyName() {
    CommissionSettings base = withBackoff(Duration.ofSeconds(7), Duration.ofMinutes(9));
    CommissionSettings more = base.withWorkers(6);
    assertThat(more.workers()).isEqualTo(6);
    assertThat(more).usingRecursiveComparison().ignoringFields("workers").isEqualTo(base);
    CommissionSettings faster = base.withPollInterval(Duration.ofMillis(5));
    assertThat(faster.pollInterval()).isEqualTo(Duration.ofMillis(5));
    assertThat(faster).usingRecursiveComparison().ignoringFields("pollInterval").isEqualTo(base);
  }

  @Test
  void nonsenseSettingsAreRefused() {
    CommissionSettings d = CommissionSettings.DEFAULTS;
    assertThatThrownBy(() -> d.withWorkers(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(d.withWorkers(1).workers()).isEqualTo(1);
    assertThatThrownBy(() -> new CommissionSettings(1, 0, d.retryBackoff(), d.maxRetryBackoff(), d.lease(),
        d.heartbeatInterval(), d.pollInterval(), d.maintenanceInterval(), d.refundRetryInterval(), "print",
        ImageQuality.STANDARD)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new CommissionSettings(1, 1, d.retryBackoff(), d.maxRetryBackoff(), d.lease(),
        d.heartbeatInterval(), d.pollInterval(), d.maintenanceInterval(), d.refundRetryInterval(), "print",
        ImageQuality.STANDARD).maxAttempts()).isEqualTo(1);
    assertThatThrownBy(() -> new CommissionSettings(1, 1, d.retryBackoff(), d.maxRetryBackoff(), d.lease(),
        d.lease(), d.pollInterval(), d.maintenanceInterval(), d.refundRetryInterval(), "print",
        ImageQuality.STANDARD)).as("heartbeats no more often than the lease").isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSchedulerIsOffByDefaultAndRunsAtItsInterval() {
    assertThat(SchedulerSettings.DEFAULTS.enabled()).isFalse();
    Instant now = Instant.parse("2026-11-24T12:00:00Z");
    assertThat(SchedulerSettings.DEFAULTS.nextRunAt(now)).as("never ran: due now").isEqualTo(now);
    SchedulerSettings ran = new SchedulerSettings(true, Duration.ofHours(2), CommissionType.RANDOM_RANDOM, null, now);
    assertThat(ran.nextRunAt(now.plusSeconds(5))).isEqualTo(now.plus(Duration.ofHours(2)));
    assertThat(new SchedulerSettings(true, Duration.ofMinutes(1), CommissionType.RANDOM_SUBREDDIT, "cats", null)
        .subreddit()).isEqualTo("cats");
    assertThatThrownBy(() -> new SchedulerSettings(true, Duration.ofSeconds(59), CommissionType.RANDOM_RANDOM,
        null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SchedulerSettings(true, Duration.ofHours(1), CommissionType.SPECIFIC_POST,
        null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SchedulerSettings(true, Duration.ofHours(1), CommissionType.RANDOM_SUBREDDIT,
        " ", null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SchedulerSettings(true, Duration.ofHours(1), CommissionType.RANDOM_SUBREDDIT,
        null, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
