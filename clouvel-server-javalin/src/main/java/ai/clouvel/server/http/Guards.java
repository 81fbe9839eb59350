package ai.clouvel.server.http;

import ai.clouvel.server.config.ServerConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The server's protections: the admin secret, CORS, the body size limit and a per-IP rate limit. */
public final class Guards {
  private static final int MAX_TRACKED_CLIENTS = 10_000;

  private final ServerConfig config;
  private final Set<String> corsOrigins;
  private final Clock clock;
  private final Map<String, Deque<Instant>> recentCheckouts = new ConcurrentHashMap<>();

  public Guards(ServerConfig config, Clock clock) {
    this.config = config;
    this.corsOrigins = Set.copyOf(config.corsOrigins());
    this.clock = clock;
  }

  /**
   * Lets the request through only with the right {@code X-Admin-Secret}, compared in constant
   * time. Without a configured secret, admin is off and every admin request is refused.
   */
  public void requireAdmin(Context ctx) {
    String given = ctx.header("X-Admin-Secret");
    if (!config.adminEnabled() || given == null || !MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), config.adminSecret().getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(403, "forbidden", config.adminEnabled()
          ? "a valid X-Admin-Secret header is required" : "admin endpoints are disabled: ADMIN_SECRET is not set");
    }
  }

  /** Adds CORS headers for allowed origins, and answers their preflight requests. */
  public void cors(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || !corsOrigins.contains(origin)) {
      return;
    }
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Vary", "Origin");
    if ("OPTIONS".equals(ctx.method().name())) {
      ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      ctx.header("Access-Control-Allow-Headers", "Content-Type, X-Admin-Secret, Stripe-Signature");
      ctx.header("Access-Control-Max-Age", "600");
    }
  }

  /** Refuses bodies larger than the limit before they are read. */
  public void limitBody(Context ctx) {
    long length = ctx.req().getContentLengthLong();
    if (length > config.maxBodyBytes()) {
      throw new ApiException(413, "payload_too_large",
          "the request body may be at most " + config.maxBodyBytes() + " bytes");
    }
  }

  /** Allows each client IP a number of checkouts per rolling minute. */
  public void limitCheckouts(Context ctx) {
    if (recentCheckouts.size() > MAX_TRACKED_CLIENTS) {
      recentCheckouts.clear();
    }
    Instant now = clock.instant();
    Deque<Instant> times = recentCheckouts.computeIfAbsent(ctx.ip(), ip -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(Duration.ofMinutes(1)))) {
        times.removeFirst();
      }
      if (times.size() >= config.checkoutsPerMinute()) {
        ctx.header("Retry-After", "60");
        throw new ApiException(429, "rate_limited", "too many checkouts from this address; try again in a minute");
      }
      times.addLast(now);
    }
  }
}
