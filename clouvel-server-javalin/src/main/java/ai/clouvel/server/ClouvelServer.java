package ai.clouvel.server;

import ai.clouvel.core.DurableClouvel;
import ai.clouvel.core.commission.CommissionActionException;
import ai.clouvel.core.commission.CommissionRejectedException;
import ai.clouvel.core.payment.InvalidWebhookException;
import ai.clouvel.core.provider.ProviderException;
import ai.clouvel.core.provider.RateLimitedException;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.store.StorageUnavailableException;
import ai.clouvel.core.time.Sleeper;
import ai.clouvel.server.api.Api;
import ai.clouvel.server.api.ServerContext;
import ai.clouvel.server.config.ClouvelWiring;
import ai.clouvel.server.config.ServerConfig;
import ai.clouvel.server.http.ApiException;
import ai.clouvel.server.http.ErrorPages;
import ai.clouvel.server.http.Guards;
import ai.clouvel.server.http.JettyErrors;
import ai.clouvel.server.http.Json;
import ai.clouvel.server.http.ResponseCache;
import ai.clouvel.server.http.SecurityHeaders;
import ai.clouvel.server.metrics.MetricsConfig;
import ai.clouvel.server.metrics.MetricsEndpoint;
import ai.clouvel.server.metrics.ServerMetrics;
import ai.clouvel.server.seed.DemoSeeder;
import ai.clouvel.server.ws.TaskUpdates;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Clouvel reference server: the REST and WebSocket API of DESIGN §6 on Javalin, around a
 * {@link DurableClouvel}. Embed it in your own application with
 * {@link #create(DurableClouvel, ServerConfig, Map)}, or let {@link #fromEnvironment(Map)} build everything
 * from environment variables.
 *
 * <pre>{@code
 * try (ClouvelServer server = ClouvelServer.fromEnvironment(System.getenv()).start()) {
 *   System.out.println("Listening on " + server.baseUrl());
 *   server.awaitStop();
 * }
 * }</pre>
 */
public final class ClouvelServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ClouvelServer.class);
  /** How often a node looks for agent runs due (each runs once per interval across all nodes). */
  private static final java.time.Duration AGENT_POLL = java.time.Duration.ofSeconds(30);

  private final DurableClouvel clouvel;
  private final ClouvelStore store;
  private final ServerConfig config;
  private final ServerContext context;
  private final TaskUpdates taskUpdates;
  private final ResponseCache cache;
  private final List<AutoCloseable> owned;
  private final ServerMetrics metrics;
  private final MetricsConfig metricsConfig;
  private final MetricsEndpoint metricsEndpoint;
  private final Javalin app;
  private volatile boolean started;
  private volatile boolean closed;
  private final java.util.concurrent.CompletableFuture<List<ai.clouvel.core.product.Product>> seeding =
      new java.util.concurrent.CompletableFuture<>();
  private Thread seeder;

  private ClouvelServer(DurableClouvel clouvel, ServerConfig config, Map<String, String> providers,
      List<AutoCloseable> owned, ServerMetrics metrics, MetricsConfig metricsConfig) {
    this.clouvel = Objects.requireNonNull(clouvel, "clouvel");
    this.store = clouvel.store();
    this.config = Objects.requireNonNull(config, "config");
    this.owned = List.copyOf(owned);
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.metricsConfig = Objects.requireNonNull(metricsConfig, "metricsConfig");
    this.metricsEndpoint = new MetricsEndpoint(metrics, metricsConfig, config.adminSecret());
    Json json = new Json();
    Guards guards = new Guards(config, clouvel.clock());
    this.cache = new ResponseCache(json, clouvel.clock(), config.cacheTtl(), 1_000, clouvel.events());
    this.context = new ServerContext(clouvel, store, config, json, guards,
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(providers)),
        clouvel.scanner(), clouvel.community(), version(), cache);
    this.taskUpdates = new TaskUpdates(clouvel.events(), store, json, config.webSocket());
    metrics.bind(store, clouvel.commissions(), clouvel.events(), taskUpdates::connectionCount);
    OpenApi openApi = new OpenApi();
    this.app = Javalin.create(javalin -> {
      javalin.startup.showJavalinBanner = false;
      // Both are noise here: the server always starts what it creates (or closes it), and the
      // Javalin version is pinned by the build, not something an operator should chase.
      javalin.startup.startupWatcherEnabled = false;
      javalin.startup.showOldJavalinVersionWarning = false;
      javalin.jetty.port = config.port();
      javalin.http.maxRequestSize = config.maxBodyBytes();
      ErrorPages errorPages = new ErrorPages(json);
      // Jetty reads request lines and headers up to 64 KiB; Guards.limitRequest refuses past 8 KiB
      // with the path known, so the answer is the JSON error under /api/ and an HTML page elsewhere.
      javalin.jetty.modifyHttpConfiguration(http -> {
        http.setRequestHeaderSize(Guards.JETTY_HEADER_LIMIT);
        http.setSendServerVersion(false);
      });
      javalin.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(errorPages)));
      // No permessage-deflate, which every browser offers: with it each subscriber's copy of an
      // event is compressed on its own (the frame shared by all subscribers cannot be), and each
      // connection keeps a zlib deflater and inflater (about 300 KB of native memory) for its
      // lifetime, for messages of a few hundred bytes.
      javalin.jetty.modifyWebSocketServletFactory(factory -> factory.getAvailableExtensionNames()
          .remove("permessage-deflate"));
      javalin.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyErrors(errorPages)));
      javalin.routes.before(metrics::requestStarted);
      javalin.routes.after(metrics::requestFinished);
      javalin.routes.before(ctx -> SecurityHeaders.apply(ctx::header));
      javalin.routes.before(guards::limitRequest);
      javalin.routes.before(guards::cors);
      javalin.routes.before(guards::limitBody);
      javalin.routes.options("/*", ctx -> ctx.status(204));
      Api.register(javalin.routes, context);
      javalin.routes.get("/openapi.json", openApi::serve);
      javalin.routes.get("/docs", openApi::docs);
      if (metricsConfig.enabled() && !metricsConfig.separatePort()) {
        javalin.routes.get("/metrics", metricsEndpoint::handle);
      }
      taskUpdates.register(javalin.routes, "/ws");
      taskUpdates.register(javalin.routes, "/ws/tasks");
      registerErrors(javalin, errorPages);
    });
  }

  /**
   * Creates a server around a Clouvel you built; you keep ownership of it and its store.
   *
   * @param clouvel a Clouvel on a store
   * @param config the server settings
   * @param providers each provider's mode for the status page, for example {@code payments=live}
   * @return the server, not yet started
   */
  public static ClouvelServer create(DurableClouvel clouvel, ServerConfig config, Map<String, String> providers) {
    return create(clouvel, config, providers, MetricsConfig.DEFAULT);
  }

  /**
   * Creates a server around a Clouvel you built, with metrics served as configured. The database
   * pools of your store are not metered: pass {@code SqlStore.Builder.poolMetrics} yourself.
   *
   * @param clouvel a Clouvel on a store
   * @param config the server settings
   * @param providers each provider's mode for the status page, for example {@code payments=live}
   * @param metricsConfig where {@code /metrics} is served
   * @return the server, not yet started
   */
  public static ClouvelServer create(DurableClouvel clouvel, ServerConfig config, Map<String, String> providers,
      MetricsConfig metricsConfig) {
    return new ClouvelServer(clouvel, config, providers, List.of(), new ServerMetrics(), metricsConfig);
  }

  /**
   * Builds the store, providers and server from environment variables (DESIGN §7). With no keys
   * this is demo mode: SQLite, offline providers, a seeded gallery and a local checkout page.
   *
   * @param env the variables, for example {@code System.getenv()}
   * @return the server, not yet started; closing it closes what it built
   * @throws ai.clouvel.server.config.ConfigurationException if a setting is missing or malformed;
   *     nothing has been started then
   */
  public static ClouvelServer fromEnvironment(Map<String, String> env) {
    ServerConfig config = ServerConfig.fromEnvironment(env);
    MetricsConfig metricsConfig = MetricsConfig.fromEnvironment(env, config.port(), config.adminEnabled());
    ServerMetrics metrics = new ServerMetrics();
    try {
      ClouvelWiring.Wired wired = ClouvelWiring.fromEnvironment(env, config, Clock.systemUTC(), Sleeper.system(),
          metrics);
      List<AutoCloseable> owned = new ArrayList<>();
      owned.add(wired.clouvel());
      owned.add(wired.live());
      if (wired.eventBus() != null) {
        owned.add(wired.eventBus());
      }
      owned.add(wired.store());
      try {
        return new ClouvelServer(wired.clouvel(), config, wired.providers(), owned, metrics, metricsConfig);
      } catch (RuntimeException e) {
        for (AutoCloseable resource : owned) {
          try {
            resource.close();
          } catch (Exception suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        throw e;
      }
    } catch (RuntimeException e) {
      metrics.close();
      throw e;
    }
  }

  /**
   * Starts listening (and on the metrics port, if it has one), starts seeding an empty demo store
   * in the background ({@link #seeding()}) and starts the workers. If listening fails, nothing else
   * has started and everything the server owns is closed.
   *
   * @return this server
   * @throws RuntimeException if a port cannot be bound (its cause chain holds a
   *     {@link java.net.BindException}); the server is closed then
   */
  public ClouvelServer start() {
    try {
      app.start(config.port());
      if (metricsConfig.separatePort()) {
        int port = metricsEndpoint.start();
        log.info("Metrics on port {} at /metrics", port);
      }
      if ("demo".equals(context.mode())) {
        log.warn("*** DEMO MODE: offline providers where no keys are set, and NO REAL PAYMENTS (local checkout page) ***");
        if (config.seedDemoGallery()) {
          seedInBackground();
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    if (config.workers() > 0) {
      clouvel.commissions().startWorkers();
      clouvel.agents().start(AGENT_POLL);
    }
    started = true;
    log.info("Clouvel {} listening on port {} ({} mode, public URL {}), {} ms after the JVM started",
        context.version(), app.port(), context.mode(), config.publicBaseUrl(),
        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    return this;
  }

  /**
   * Paints the demo gallery of an empty demo store on a thread of its own, so the server is healthy
   * and serving at once; the gallery fills as the products are made, and cached reads are
   * forgotten when it is done.
   */
  private void seedInBackground() {
    seeder = new Thread(() -> {
      try {
        List<ai.clouvel.core.product.Product> made = new DemoSeeder(clouvel, store).seedIfEmpty(12);
        if (!made.isEmpty()) {
          cache.invalidate(List.of(ResponseCache.PRODUCTS, ResponseCache.DONATIONS));
        }
        seeding.complete(made);
      } catch (RuntimeException e) {
        if (!closed) {
          log.warn("Seeding the demo gallery failed: {}", e.toString());
        }
        seeding.completeExceptionally(e);
      }
    }, "clouvel-demo-seeder");
    seeder.setDaemon(true);
    seeder.start();
  }

  /**
   * Returns the seeding of the demo gallery: done with the products made (none when the store was
   * not empty, seeding is off or the server is not in demo mode).
   *
   * @return the seeding, completed when the gallery is painted
   */
  public java.util.concurrent.CompletableFuture<List<ai.clouvel.core.product.Product>> seeding() {
    if (seeder == null && started) {
      seeding.complete(List.of());
    }
    return seeding;
  }

  /**
   * Returns the port {@code /metrics} has of its own.
   *
   * @return the port, or -1 when metrics are served on the API's port or not at all
   */
  public int metricsPort() {
    return metricsEndpoint.port();
  }

  /**
   * Returns the meters, for embedders that add their own.
   *
   * @return the server's metrics
   */
  public ServerMetrics metrics() {
    return metrics;
  }

  /**
   * Lists the routes registered with Javalin, as {@code "GET /api/status"} and {@code "WS /ws"},
   * for tools and for the test that keeps the OpenAPI description true.
   *
   * @return the routes, HTTP methods first, in registration order
   */
  public List<String> registeredRoutes() {
    List<String> routes = new ArrayList<>();
    for (var handler : app.unsafe.internalRouter.allHttpHandlers()) {
      if (handler.endpoint.method.isHttpMethod()) {
        routes.add(handler.endpoint.method.name() + " " + handler.endpoint.path);
      }
    }
    for (var handler : app.unsafe.internalRouter.allWsHandlers()) {
      String route = "WS " + handler.getPath();
      if (handler.getType() == io.javalin.websocket.WsHandlerType.WEBSOCKET && !routes.contains(route)) {
        routes.add(route);
      }
    }
    return routes;
  }

  /**
   * Returns the WebSocket relay, for its counts (connections, clients closed for being too slow,
   * final statuses sent by a recheck).
   *
   * @return the server's WebSocket relay
   */
  public TaskUpdates taskUpdates() {
    return taskUpdates;
  }

  /**
   * Returns the port the server listens on.
   *
   * @return the port, useful when the configured port was 0
   */
  public int port() {
    return app.port();
  }

  /**
   * Returns the local address of the server.
   *
   * @return {@code http://localhost:<port>}
   */
  public String baseUrl() {
    return "http://localhost:" + port();
  }

  /**
   * Returns the Clouvel the server runs.
   *
   * @return the Clouvel
   */
  public DurableClouvel clouvel() {
    return clouvel;
  }

  /**
   * Returns the server's mode.
   *
   * @return {@code demo} unless payments are real
   */
  public String mode() {
    return context.mode();
  }

  /**
   * Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes the server gracefully.
   */
  public void awaitStop() {
    java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      close();
      stopped.countDown();
    }, "clouvel-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops listening, lets tasks in flight finish (up to the grace period) and closes what it owns. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    started = false;
    app.stop();
    if (seeder != null) {
      // The seeder stops at its next product: its pipeline runs are short.
      seeder.interrupt();
      try {
        seeder.join(config.shutdownGrace().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    metricsEndpoint.close();
    taskUpdates.close();
    cache.close();
    clouvel.agents().close();
    clouvel.commissions().stopWorkers(config.shutdownGrace());
    for (AutoCloseable resource : owned) {
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("Closing {} failed", resource, e);
      }
    }
    metrics.close();
  }

  private static void registerErrors(io.javalin.config.JavalinConfig javalin, ErrorPages pages) {
    javalin.routes.exception(ApiException.class, (e, ctx) -> error(pages, ctx, e.status(), e.code(), e.getMessage(), e.details()));
    javalin.routes.exception(CommissionRejectedException.class, (e, ctx) -> {
      Map<String, String> detail = new LinkedHashMap<>();
      detail.put("field", e.field());
      detail.put("code", e.code());
      detail.put("message", e.getMessage());
      error(pages, ctx, 422, e.code(), e.getMessage(), List.of(detail));
    });
    javalin.routes.exception(StorageUnavailableException.class, (e, ctx) -> {
      log.warn("Storage failure during {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      error(pages, ctx, 503, "storage_unavailable", "the database cannot take this request right now; try again later",
          List.of());
    });
    javalin.routes.exception(CommissionActionException.class, (e, ctx) ->
        error(pages, ctx, e.isNotFound() ? 404 : 409, e.code(), e.getMessage(), List.of()));
    javalin.routes.exception(InvalidWebhookException.class, (e, ctx) ->
        error(pages, ctx, 400, "invalid_webhook", e.getMessage(), List.of()));
    javalin.routes.exception(ProviderException.class, (e, ctx) -> {
      log.warn("Provider failure during {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      if (e instanceof RateLimitedException limited) {
        limited.retryAfter().ifPresent(wait ->
            ctx.header("Retry-After", String.valueOf((wait.toMillis() + 999) / 1000)));
      }
      error(pages, ctx, e.isTransient() ? 503 : 502, "provider_unavailable",
          e.provider() + " is not available right now; try again later", List.of());
    });
    javalin.routes.exception(HttpResponseException.class, (e, ctx) -> error(pages, ctx, e.getStatus(),
        ErrorPages.code(e.getStatus()), e.getMessage(), List.of()));
    javalin.routes.exception(Exception.class, (e, ctx) -> {
      log.error("Unexpected failure in {} {}", ctx.method(), ctx.path(), e);
      error(pages, ctx, 500, "internal_error", "something went wrong on our side", List.of());
    });
    javalin.routes.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        error(pages, ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path(), List.of());
      }
    });
    javalin.routes.error(405, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        error(pages, ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path(), List.of());
      }
    });
  }

  /** The JSON error under {@code /api/} (and the machine endpoints), an HTML error page elsewhere. */
  private static void error(ErrorPages pages, Context ctx, int status, String code, String message,
      List<Map<String, String>> details) {
    ctx.header("Cache-Control", "no-store");
    if (ErrorPages.isJsonPath(ctx.path())) {
      ctx.status(status).contentType("application/json").result(pages.json(code, message, details));
    } else {
      ctx.status(status).contentType("text/html; charset=utf-8").result(ErrorPages.html(status, message));
    }
  }

  private static String version() {
    try (InputStream in = ClouvelServer.class.getResourceAsStream("/clouvel-version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
