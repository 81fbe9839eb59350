package ai.clouvel.server.metrics;

import ai.clouvel.server.config.ConfigurationException;
import java.util.Locale;
import java.util.Map;

/**
 * Where and to whom {@code /metrics} is served.
 *
 * @param enabled whether metrics are served at all ({@code METRICS_ENABLED}, default true)
 * @param port a separate port for {@code /metrics} ({@code METRICS_PORT}; {@code null}, the default,
 *     serves it on the API's port; 0 picks a free port)
 * @param requireAdmin whether a scrape needs the admin secret, as {@code X-Admin-Secret} or
 *     {@code Authorization: Bearer} ({@code METRICS_REQUIRE_ADMIN}, default false)
 */
public record MetricsConfig(boolean enabled, Integer port, boolean requireAdmin) {
  /** Metrics on the API's port, without the admin secret. */
  public static final MetricsConfig DEFAULT = new MetricsConfig(true, null, false);

  /**
   * Checks the settings.
   *
   * @param enabled whether metrics are served
   * @param port a separate port, or {@code null}
   * @param requireAdmin whether a scrape needs the admin secret
   */
  public MetricsConfig {
    if (port != null && (port < 0 || port > 65535)) {
      throw new ConfigurationException("METRICS_PORT must be between 0 and 65535, not " + port);
    }
  }

  /**
   * Reads {@code METRICS_ENABLED}, {@code METRICS_PORT} and {@code METRICS_REQUIRE_ADMIN}, and checks
   * them against the API's port and the admin secret.
   *
   * @param env the variables
   * @param apiPort the API's port ({@code PORT})
   * @param adminEnabled whether {@code ADMIN_SECRET} is set
   * @return the settings
   * @throws ConfigurationException if a variable is malformed or the settings contradict each other
   */
  public static MetricsConfig fromEnvironment(Map<String, String> env, int apiPort, boolean adminEnabled) {
    boolean enabled = bool(env, "METRICS_ENABLED", true);
    boolean requireAdmin = bool(env, "METRICS_REQUIRE_ADMIN", false);
    String portText = value(env, "METRICS_PORT");
    Integer port = null;
    if (portText != null) {
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        throw new ConfigurationException("METRICS_PORT must be a whole number, not " + portText);
      }
      if (port != 0 && port == apiPort) {
        throw new ConfigurationException("METRICS_PORT must differ from PORT (" + apiPort
            + "); leave it unset to serve /metrics on the API's port");
      }
    }
    if (enabled && requireAdmin && !adminEnabled) {
      throw new ConfigurationException("METRICS_REQUIRE_ADMIN=true needs ADMIN_SECRET to be set");
    }
    return new MetricsConfig(enabled, port, requireAdmin);
  }

  /**
   * Tells whether {@code /metrics} has a port of its own.
   *
   * @return {@code true} if {@code METRICS_PORT} is set
   */
  public boolean separatePort() {
    return enabled && port != null;
  }

  private static String value(Map<String, String> env, String key) {
    String value = env.get(key);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static boolean bool(Map<String, String> env, String key, boolean fallback) {
    String value = value(env, key);
    if (value == null) {
      return fallback;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigurationException(key + " must be true or false, not " + value);
    };
  }
}
