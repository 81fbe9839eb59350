package ai.clouvel.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.commission.CommissionSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

  @Test
  void defaultLeaseAndHeartbeatReclaimADeadWorkersTaskWithinAMinute() {
    CommissionSettings tasks = ServerConfig.fromEnvironment(Map.of()).commissions();

    assertThat(tasks.lease()).isEqualTo(Duration.ofSeconds(30));
    assertThat(tasks.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
    // Another worker claims an expired lease at its next poll; a task with no attempts left is
    // failed (and refunded) by the next maintenance round.
    assertThat(tasks.lease().plus(tasks.pollInterval())).isLessThanOrEqualTo(Duration.ofSeconds(60));
    assertThat(tasks.lease().plus(tasks.maintenanceInterval())).isLessThanOrEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void taskTimingsComeFromTheEnvironment() {
    CommissionSettings tasks = ServerConfig.fromEnvironment(Map.of(
        "TASK_LEASE_SECONDS", "4", "TASK_HEARTBEAT_SECONDS", "1", "TASK_MAX_ATTEMPTS", "5",
        "TASK_RETRY_BACKOFF_SECONDS", "2", "TASK_POLL_MILLIS", "50", "TASK_MAINTENANCE_SECONDS", "3",
        "WORKERS", "7")).commissions();

    assertThat(tasks.lease()).isEqualTo(Duration.ofSeconds(4));
    assertThat(tasks.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(tasks.maxAttempts()).isEqualTo(5);
    assertThat(tasks.retryBackoff()).isEqualTo(Duration.ofSeconds(2));
    assertThat(tasks.pollInterval()).isEqualTo(Duration.ofMillis(50));
    assertThat(tasks.maintenanceInterval()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aHeartbeatThatIsNotShorterThanTheLeaseIsRefused() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of(
        "TASK_LEASE_SECONDS", "10", "TASK_HEARTBEAT_SECONDS", "10")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TASK_HEARTBEAT_SECONDS (10) must be shorter than TASK_LEASE_SECONDS (10)");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("TASK_HEARTBEAT_SECONDS", "45")))
        .hasMessage("TASK_HEARTBEAT_SECONDS (45) must be shorter than TASK_LEASE_SECONDS (30)");
  }

  @Test
  void nonPositiveOrMalformedTimingsAreRefusedByName() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("TASK_LEASE_SECONDS", "0")))
        .hasMessage("TASK_LEASE_SECONDS must be at least 1, not 0");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("TASK_POLL_MILLIS", "-5")))
        .hasMessage("TASK_POLL_MILLIS must be at least 1, not -5");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("TASK_MAX_ATTEMPTS", "three")))
        .hasMessage("TASK_MAX_ATTEMPTS must be a whole number, not three");
  }

  @Test
  void theSubredditListIsReadAgainAfterAnHourOrAsConfigured() {
    assertThat(ServerConfig.fromEnvironment(Map.of()).subredditsMaxAge()).isEqualTo(java.time.Duration.ofHours(1));
    assertThat(ServerConfig.fromEnvironment(Map.of("SUBREDDITS_REFRESH_SECONDS", "90")).subredditsMaxAge())
        .isEqualTo(java.time.Duration.ofSeconds(90));
    assertThat(ServerConfig.fromEnvironment(Map.of("SUBREDDITS_REFRESH_SECONDS", "90")).withPort(1234).subredditsMaxAge())
        .isEqualTo(java.time.Duration.ofSeconds(90));
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SUBREDDITS_REFRESH_SECONDS", "0")))
        .hasMessage("SUBREDDITS_REFRESH_SECONDS must be at least 1, not 0");
  }
}
