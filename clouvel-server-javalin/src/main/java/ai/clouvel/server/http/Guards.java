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
  /** The longest request line and header block Jetty reads; longer ones get Jetty's answer (see {@link JettyErrors}). */
  public static final int JETTY_HEADER_LIMIT = 64 * 1024;
  /** The longest address (path and query) the server accepts: 414 past it. */
  public static final int MAX_URI_CHARS = 8 * 1024;
  /** The most header bytes (names, values and separators) the server accepts: 431 past it. */
  public static final int MAX_HEADER_BYTES = 8 * 1024;

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
    if (!isAdmin(ctx)) {
      throw new ApiException(403, "forbidden", config.adminEnabled()
          ? "a valid X-Admin-Secret header is required" : "admin endpoints are disabled: ADMIN_SECRET is not set");
    }
  }

  /**
   * Tells whether the request carries the right {@code X-Admin-Secret} (constant-time comparison).
   *
   * @param ctx the request
   * @return {@code false} when admin is off or the header is missing or wrong
   */
  public boolean isAdmin(Context ctx) {
    String given = ctx.header("X-Admin-Secret");
    return config.adminEnabled() && given != null && MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), config.adminSecret().getBytes(StandardCharsets.UTF_8));
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

  /**
   * Refuses addresses longer than {@value #MAX_URI_CHARS} characters (414) and header blocks over
   * {@value #MAX_HEADER_BYTES} bytes (431), here where the path is known, so the answer has the
   * path's error shape.
   */
  public void limitRequest(Context ctx) {
    String query = ctx.req().getQueryString();
    int uri = ctx.req().getRequestURI().length() + (query == null ? 0 : query.length() + 1);
    if (uri > MAX_URI_CHARS) {
      throw new ApiException(414, "uri_too_long", "the address may be at most " + MAX_URI_CHARS + " characters");
    }
    int headers = 0;
    for (var names = ctx.req().getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      for (var values = ctx.req().getHeaders(name); values.hasMoreElements(); ) {
        headers += name.length() + values.nextElement().length() + 4;
      }
    }
    if (headers > MAX_HEADER_BYTES) {
      throw new ApiException(431, "headers_too_large", "the request headers may be at most " + MAX_HEADER_BYTES + " bytes");
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
