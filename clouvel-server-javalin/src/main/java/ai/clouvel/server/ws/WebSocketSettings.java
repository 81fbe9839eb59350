package ai.clouvel.server.ws;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Limits and keepalive of the WebSocket endpoint.
 *
 * @param idleTimeout a connection with no traffic either way for this long is closed
 *     ({@code WS_IDLE_TIMEOUT_SECONDS}, default 60)
 * @param pingInterval the server pings a connection that has sent and received nothing for this
 *     long ({@code WS_PING_INTERVAL_SECONDS}, default 20; 0 turns pings off); must be shorter than
 *     the idle timeout, so a quiet subscriber is never closed for being idle
 * @param maxQueuedMessages how many messages may wait for one client; a client further behind is
 *     closed with {@link TaskUpdates#CLOSE_TOO_SLOW} ({@code WS_MAX_QUEUED_MESSAGES}, default 512).
 *     Progress updates of one task replace each other while they wait, so they take one place.
 * @param maxMessageBytes the largest message a client may send; a larger one closes the connection
 *     with 1009 ({@code WS_MAX_MESSAGE_BYTES}, default 4096)
 * @param recheckInterval a subscribed task that has had no update for this long is read from the
 *     store, and its final status sent to its subscribers if the event that carried it never came
 *     (its server died between recording the status and announcing it)
 *     ({@code WS_RECHECK_SECONDS}, default 10; 0 turns rechecks off)
 */
public record WebSocketSettings(Duration idleTimeout, Duration pingInterval, int maxQueuedMessages,
    int maxMessageBytes, Duration recheckInterval) {

  /** The defaults. */
  public static final WebSocketSettings DEFAULTS =
      new WebSocketSettings(Duration.ofSeconds(60), Duration.ofSeconds(20), 512, 4096, Duration.ofSeconds(10));

  public WebSocketSettings {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(pingInterval, "pingInterval");
    Objects.requireNonNull(recheckInterval, "recheckInterval");
    if (idleTimeout.toMillis() < 100) {
      throw new IllegalArgumentException("WS_IDLE_TIMEOUT_SECONDS must be at least 0.1");
    }
    if (pingInterval.isNegative()) {
      throw new IllegalArgumentException("WS_PING_INTERVAL_SECONDS must not be negative");
    }
    if (pingsEnabled(pingInterval) && pingInterval.compareTo(idleTimeout) >= 0) {
      throw new IllegalArgumentException("WS_PING_INTERVAL_SECONDS must be shorter than WS_IDLE_TIMEOUT_SECONDS");
    }
    if (recheckInterval.isNegative()) {
      throw new IllegalArgumentException("WS_RECHECK_SECONDS must not be negative");
    }
    if (maxQueuedMessages < 8) {
      throw new IllegalArgumentException("WS_MAX_QUEUED_MESSAGES must be at least 8");
    }
    if (maxMessageBytes < 256 || maxMessageBytes > 1024 * 1024) {
      throw new IllegalArgumentException("WS_MAX_MESSAGE_BYTES must be between 256 and 1048576");
    }
  }

  /**
   * Reads the settings from environment variables; seconds may have decimals ({@code 0.5}).
   *
   * @param env the variables
   * @return the settings, defaults where a variable is unset
   * @throws IllegalArgumentException if a variable is malformed
   */
  public static WebSocketSettings fromEnvironment(Map<String, String> env) {
    return new WebSocketSettings(
        seconds(env, "WS_IDLE_TIMEOUT_SECONDS", DEFAULTS.idleTimeout),
        seconds(env, "WS_PING_INTERVAL_SECONDS", DEFAULTS.pingInterval),
        integer(env, "WS_MAX_QUEUED_MESSAGES", DEFAULTS.maxQueuedMessages),
        integer(env, "WS_MAX_MESSAGE_BYTES", DEFAULTS.maxMessageBytes),
        seconds(env, "WS_RECHECK_SECONDS", DEFAULTS.recheckInterval));
  }

  /**
   * Tells whether the server pings quiet connections.
   *
   * @return false if the ping interval is zero
   */
  public boolean pingsEnabled() {
    return pingsEnabled(pingInterval);
  }

  /**
   * Tells whether quiet subscribed tasks are re-read from the store.
   *
   * @return false if the recheck interval is zero
   */
  public boolean rechecksEnabled() {
    return !recheckInterval.isZero();
  }

  private static boolean pingsEnabled(Duration interval) {
    return !interval.isZero();
  }

  private static Duration seconds(Map<String, String> env, String key, Duration fallback) {
    String value = env.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      BigDecimal seconds = new BigDecimal(value.strip());
      if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(86_400)) > 0) {
        throw new IllegalArgumentException(key + " must be between 0 and 86400 seconds, not " + value.strip());
      }
      return Duration.ofMillis(seconds.movePointRight(3).longValue());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number of seconds, not " + value.strip());
    }
  }

  private static int integer(Map<String, String> env, String key, int fallback) {
    String value = env.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not " + value.strip());
    }
  }
}
