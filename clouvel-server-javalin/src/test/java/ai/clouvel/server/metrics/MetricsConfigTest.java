package ai.clouvel.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.server.config.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsConfigTest {
  @Test
  void byDefaultMetricsAreOnTheApiPortAndOpen() {
    MetricsConfig config = MetricsConfig.fromEnvironment(Map.of(), 8000, false);
    assertThat(config).isEqualTo(MetricsConfig.DEFAULT);
    assertThat(config.separatePort()).isFalse();
  }

  @Test
  void aPortOfTheirOwnAndTheAdminSecretAreRead() {
    MetricsConfig config = MetricsConfig.fromEnvironment(
        Map.of("METRICS_PORT", "9100", "METRICS_REQUIRE_ADMIN", "TRUE"), 8000, true);
    assertThat(config).isEqualTo(new MetricsConfig(true, 9100, true));
    assertThat(config.separatePort()).isTrue();
    assertThat(MetricsConfig.fromEnvironment(Map.of("METRICS_ENABLED", "false", "METRICS_PORT", "9100"), 8000, false)
        .separatePort()).isFalse();
  }

  @Test
  void mistakesAreConfigurationErrorsThatNameTheSetting() {
    assertThatThrownBy(() -> MetricsConfig.fromEnvironment(Map.of("METRICS_PORT", "91oo"), 8000, false))
        .isInstanceOf(ConfigurationException.class).hasMessage("METRICS_PORT must be a whole number, not 91oo");
    assertThatThrownBy(() -> MetricsConfig.fromEnvironment(Map.of("METRICS_PORT", "70000"), 8000, false))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("METRICS_PORT must be between 0 and 65535");
    assertThatThrownBy(() -> MetricsConfig.fromEnvironment(Map.of("METRICS_PORT", "8000"), 8000, false))
        .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("METRICS_PORT must differ from PORT");
    assertThatThrownBy(() -> MetricsConfig.fromEnvironment(Map.of("METRICS_REQUIRE_ADMIN", "yes"), 8000, true))
        .isInstanceOf(ConfigurationException.class).hasMessage("METRICS_REQUIRE_ADMIN must be true or false, not yes");
    assertThatThrownBy(() -> MetricsConfig.fromEnvironment(Map.of("METRICS_REQUIRE_ADMIN", "true"), 8000, false))
        .isInstanceOf(ConfigurationException.class).hasMessage("METRICS_REQUIRE_ADMIN=true needs ADMIN_SECRET to be set");
  }
}
