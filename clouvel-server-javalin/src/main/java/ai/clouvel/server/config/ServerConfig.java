package ai.clouvel.server.config;

import ai.clouvel.core.commission.CommissionSettings;
import ai.clouvel.server.ws.WebSocketSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The reference server's own settings, read from environment variables (DESIGN §7).
 *
 * @param port the HTTP port ({@code PORT}, default 8000; 0 picks a free one)
 * @param publicBaseUrl where the server is reachable from outside ({@code PUBLIC_BASE_URL},
 *     default {@code http://localhost:<port>})
 * @param adminSecret the admin secret ({@code ADMIN_SECRET}); {@code null} turns admin endpoints off
 * @param corsOrigins origins allowed to call the API from a browser ({@code CORS_ORIGINS}, comma separated)
 * @param maxBodyBytes the largest request body accepted ({@code MAX_BODY_BYTES}, default 64 KiB)
 * @param databaseUrl the store ({@code DATABASE_URL}; default SQLite {@code ./data/clouvel.db})
 * @param workers commission workers ({@code WORKERS}, default 2; 0 runs none)
 * @param seedDemoGallery whether an empty demo store is seeded with products ({@code SEED_DEMO}, default true)
 * @param checkoutsPerMinute how many checkouts one client IP may start per minute ({@code CHECKOUT_RATE_LIMIT})
 * @param shutdownGrace how long stopping waits for tasks in flight
 * @param cacheTtl how long read-mostly answers may be served from memory ({@code CACHE_TTL_SECONDS},
 *     default 5; 0 turns the cache off). Changes made through this server empty the cache at once.
 * @param webSocket limits and keepalive of the WebSocket endpoint ({@code WS_*} variables)
 * @param commissions how tasks are leased and retried: {@code TASK_LEASE_SECONDS} (default 30),
 *     {@code TASK_HEARTBEAT_SECONDS} (10, shorter than the lease), {@code TASK_MAX_ATTEMPTS} (3),
 *     {@code TASK_RETRY_BACKOFF_SECONDS} (30), {@code TASK_POLL_MILLIS} (1000) and
 *     {@code TASK_MAINTENANCE_SECONDS} (20); the number of workers is {@code workers}
 * @param subredditsMaxAge how old the cached list of subreddits ({@code GET /api/subreddits}) may get before
 *     it is read again from the content source ({@code SUBREDDITS_REFRESH_SECONDS}, default 3600)
 */
public record ServerConfig(int port, String publicBaseUrl, String adminSecret, List<String> corsOrigins,
    long maxBodyBytes, String databaseUrl, int workers, boolean seedDemoGallery, int checkoutsPerMinute,
    Duration shutdownGrace, Duration cacheTtl, WebSocketSettings webSocket, CommissionSettings commissions,
    Duration subredditsMaxAge) {

  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("PORT must be between 0 and 65535");
    }
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    corsOrigins = List.copyOf(corsOrigins);
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("MAX_BODY_BYTES must be at least 1024");
    }
    if (workers < 0) {
      throw new IllegalArgumentException("WORKERS must not be negative");
    }
    adminSecret = adminSecret == null || adminSecret.isBlank() ? null : adminSecret;
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    if (Objects.requireNonNull(cacheTtl, "cacheTtl").isNegative()) {
      throw new IllegalArgumentException("CACHE_TTL_SECONDS must not be negative");
    }
    Objects.requireNonNull(webSocket, "webSocket");
    Objects.requireNonNull(commissions, "commissions");
  }

  /**
   * Reads the settings from environment variables.
   *
   * @param env the variables, for example {@code System.getenv()}
   * @return the settings
   * @throws ConfigurationException if a variable is malformed
   */
  public static ServerConfig fromEnvironment(Map<String, String> env) {
    try {
      return read(env);
    } catch (ConfigurationException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage(), e);
    }
  }

  private static ServerConfig read(Map<String, String> env) {
    int port = integer(env, "PORT", 8000);
    String base = value(env, "PUBLIC_BASE_URL");
    if (base != null && !base.matches("https?://[^\\s/]+.*")) {
      throw new ConfigurationException("PUBLIC_BASE_URL must be an http(s) URL, not " + base);
    }
    return new ServerConfig(
        port,
        base == null ? "http://localhost:" + port : stripSlash(base),
        value(env, "ADMIN_SECRET"),
        list(value(env, "CORS_ORIGINS")),
        integer(env, "MAX_BODY_BYTES", 64 * 1024),
        value(env, "DATABASE_URL"),
        integer(env, "WORKERS", 2),
        !"false".equalsIgnoreCase(value(env, "SEED_DEMO")),
        integer(env, "CHECKOUT_RATE_LIMIT", 30),
        Duration.ofSeconds(integer(env, "SHUTDOWN_GRACE_SECONDS", 20)),
        Duration.ofSeconds(integer(env, "CACHE_TTL_SECONDS", 5)),
        WebSocketSettings.fromEnvironment(env),
        commissions(env),
        Duration.ofSeconds(positive(env, "SUBREDDITS_REFRESH_SECONDS", 3600)));
  }

  /**
   * Reads the task lease, heartbeat, retry and polling settings; see the {@code commissions} component.
   *
   * @param env the variables
   * @return the commission settings, with the default number of workers
   * @throws IllegalArgumentException if a value is malformed, not positive, or the heartbeat is not
   *     shorter than the lease
   */
  static CommissionSettings commissions(Map<String, String> env) {
    CommissionSettings defaults = CommissionSettings.DEFAULTS;
    Duration lease = Duration.ofSeconds(positive(env, "TASK_LEASE_SECONDS", defaults.lease().toSeconds()));
    Duration heartbeat = Duration.ofSeconds(positive(env, "TASK_HEARTBEAT_SECONDS",
        defaults.heartbeatInterval().toSeconds()));
    if (heartbeat.compareTo(lease) >= 0) {
      throw new IllegalArgumentException("TASK_HEARTBEAT_SECONDS (" + heartbeat.toSeconds()
          + ") must be shorter than TASK_LEASE_SECONDS (" + lease.toSeconds() + ")");
    }
    int attempts = (int) positive(env, "TASK_MAX_ATTEMPTS", defaults.maxAttempts());
    Duration backoff = Duration.ofSeconds(positive(env, "TASK_RETRY_BACKOFF_SECONDS",
        defaults.retryBackoff().toSeconds()));
    Duration poll = Duration.ofMillis(positive(env, "TASK_POLL_MILLIS", defaults.pollInterval().toMillis()));
    Duration maintenance = Duration.ofSeconds(positive(env, "TASK_MAINTENANCE_SECONDS",
        defaults.maintenanceInterval().toSeconds()));
    return defaults.withLease(lease, heartbeat).withRetries(attempts, backoff).withPollInterval(poll)
        .withMaintenanceInterval(maintenance);
  }

  /**
   * Returns a copy on another port, keeping a derived public base URL in step.
   *
   * @param newPort the port
   * @return the changed copy
   */
  public ServerConfig withPort(int newPort) {
    String base = publicBaseUrl.equals("http://localhost:" + port) ? "http://localhost:" + newPort : publicBaseUrl;
    return new ServerConfig(newPort, base, adminSecret, corsOrigins, maxBodyBytes, databaseUrl, workers,
        seedDemoGallery, checkoutsPerMinute, shutdownGrace, cacheTtl, webSocket, commissions, subredditsMaxAge);
  }

  /**
   * Tells whether admin endpoints are on.
   *
   * @return {@code true} if an admin secret is set
   */
  public boolean adminEnabled() {
    return adminSecret != null;
  }

  private static String value(Map<String, String> env, String key) {
    String value = env.get(key);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static int integer(Map<String, String> env, String key, int fallback) {
    String value = value(env, key);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ConfigurationException(key + " must be a whole number, not " + value);
    }
  }

  private static long positive(Map<String, String> env, String key, long fallback) {
    long value = integer(env, key, (int) fallback);
    if (value < 1) {
      throw new IllegalArgumentException(key + " must be at least 1, not " + value);
    }
    return value;
  }

  private static List<String> list(String value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .map(ServerConfig::stripSlash).toList();
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
