package ai.clouvel.server.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves {@code GET /metrics}: on the API's port as a Javalin handler, or on a port of its own.
 * With {@code METRICS_REQUIRE_ADMIN=true} a scrape needs the admin secret, as {@code X-Admin-Secret}
 * or as {@code Authorization: Bearer <secret>} (what Prometheus's {@code authorization} setting sends),
 * compared in constant time.
 */
public final class MetricsEndpoint implements AutoCloseable {
  private static final String FORBIDDEN = "{\"error\":{\"code\":\"forbidden\",\"message\":"
      + "\"a valid X-Admin-Secret or Authorization: Bearer header is required\",\"details\":[]}}";

  private final ServerMetrics metrics;
  private final MetricsConfig config;
  private final byte[] adminSecret;
  private HttpServer server;
  private ExecutorService executor;

  /**
   * Creates the endpoint.
   *
   * @param metrics what to serve
   * @param config where and to whom
   * @param adminSecret the admin secret, or {@code null}
   */
  public MetricsEndpoint(ServerMetrics metrics, MetricsConfig config, String adminSecret) {
    this.metrics = metrics;
    this.config = config;
    this.adminSecret = adminSecret == null ? null : adminSecret.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Answers a scrape on the API's port.
   *
   * @param ctx the request
   */
  public void handle(Context ctx) {
    if (!allowed(ctx.header("X-Admin-Secret"), ctx.header("Authorization"))) {
      ctx.status(403).contentType("application/json").result(FORBIDDEN);
      return;
    }
    ctx.status(200).contentType(metrics.contentType()).result(metrics.scrape());
  }

  private boolean allowed(String secretHeader, String authorization) {
    if (!config.requireAdmin()) {
      return true;
    }
    if (adminSecret == null) {
      return false;
    }
    String given = secretHeader;
    if (given == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      given = authorization.substring(7).strip();
    }
    return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), adminSecret);
  }

  /**
   * Starts serving on the configured separate port, on the same interfaces as the API.
   *
   * @return the port it listens on
   * @throws UncheckedIOException if the port cannot be bound
   */
  public synchronized int start() {
    try {
      server = HttpServer.create(new InetSocketAddress(config.port()), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on METRICS_PORT " + config.port(), e);
    }
    executor = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "clouvel-metrics");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
    return server.getAddress().getPort();
  }

  /**
   * Returns the separate port.
   *
   * @return the port, or -1 when not listening on one
   */
  public synchronized int port() {
    return server == null ? -1 : server.getAddress().getPort();
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      int status;
      String type;
      String body;
      if (!exchange.getRequestURI().getPath().equals("/metrics")) {
        status = 404;
        type = "application/json";
        body = "{\"error\":{\"code\":\"not_found\",\"message\":\"only /metrics is served here\",\"details\":[]}}";
      } else if (!exchange.getRequestMethod().equals("GET")) {
        status = 405;
        type = "application/json";
        body = "{\"error\":{\"code\":\"method_not_allowed\",\"message\":\"use GET\",\"details\":[]}}";
      } else if (!allowed(exchange.getRequestHeaders().getFirst("X-Admin-Secret"),
          exchange.getRequestHeaders().getFirst("Authorization"))) {
        status = 403;
        type = "application/json";
        body = FORBIDDEN;
      } else {
        status = 200;
        type = metrics.contentType();
        body = metrics.scrape();
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Stops the separate port, if any. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }
}
