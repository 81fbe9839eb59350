package ai.clouvel.server.metrics;

import ai.clouvel.core.commission.Commissions;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationTotals;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.event.EventBus;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.core.usage.Usage;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's meters, in one Prometheus registry. HTTP requests are timed by route template (never
 * by raw path, so ids do not explode the series); task outcomes, refunds and model spend are counted
 * from the events this node sees and from the provider calls it makes; queue depth, refund totals and
 * recorded spend are read from the store when scraped, so they agree across nodes.
 */
public final class ServerMetrics implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServerMetrics.class);
  private static final String STARTED = ServerMetrics.class.getName() + ".started";

  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final List<EventBus.Subscription> subscriptions = new ArrayList<>();

  /** Creates a registry with the JVM's meters bound. */
  public ServerMetrics() {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /**
   * Returns the registry, for binding more meters (the database pools report to it).
   *
   * @return the registry
   */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * Renders every meter in the Prometheus text format.
   *
   * @return the exposition
   */
  public String scrape() {
    return registry.scrape();
  }

  /**
   * Returns the content type of {@link #scrape()}.
   *
   * @return the Prometheus text format's content type
   */
  public String contentType() {
    return "text/plain; version=0.0.4; charset=utf-8";
  }

  /**
   * Binds the gauges read from the store and the workers, the WebSocket connection gauge, and the
   * counters fed by events.
   *
   * @param store the store
   * @param commissions whose workers are measured
   * @param events the event bus
   * @param webSocketConnections how many WebSocket clients are connected
   */
  public void bind(ClouvelStore store, Commissions commissions, EventBus events, IntSupplier webSocketConnections) {
    storeGauge("clouvel.tasks.queue.depth", null, "Tasks waiting to be worked on", store, s -> s.tasks().depth());
    Gauge.builder("clouvel.workers.busy", commissions, c -> c.workerStatus().busy())
        .description("Commission workers working on a task").register(registry);
    Gauge.builder("clouvel.workers.size", commissions,
        c -> c.workerStatus().running() ? c.workerStatus().workers() : 0)
        .description("Commission workers running").register(registry);
    storeGauge("clouvel.donations.refunded", null, "Donations refunded (store, all nodes)", store,
        s -> s.donations().totals().refunded());
    storeGauge("clouvel.donations.refunded.amount", "usd", "Money refunded in USD (store, all nodes)", store,
        s -> cents(s.donations().totals()));
    storeGauge("clouvel.usage.cost", "usd", "Model spend recorded in the store in USD (all nodes)", store,
        s -> s.usage().totals().costMicros() / 1_000_000.0);
    Gauge.builder("clouvel.websocket.connections", webSocketConnections, IntSupplier::getAsInt)
        .description("Open WebSocket connections").strongReference(true).register(registry);
    subscriptions.add(events.subscribe(this::onEvent));
  }

  private static double cents(DonationTotals totals) {
    return totals.refundedTotal().cents() / 100.0;
  }

  private void storeGauge(String name, String unit, String description, ClouvelStore store,
      ToDoubleFunction<ClouvelStore> read) {
    Gauge.builder(name, store, s -> {
      try {
        return read.applyAsDouble(s);
      } catch (RuntimeException e) {
        log.warn("Metric {} could not be read from the store: {}", name, e.toString());
        return Double.NaN;
      }
    }).baseUnit(unit).description(description).register(registry);
  }

  private void onEvent(ClouvelEvent event) {
    if (event instanceof ClouvelEvent.TaskCreated created) {
      Counter.builder("clouvel.tasks.enqueued").description("Tasks enqueued")
          .tag("commission_type", created.task().spec().type().wireName()).register(registry).increment();
    } else if (event instanceof ClouvelEvent.TaskUpdated update && update.status() != TaskStatus.IN_PROGRESS) {
      Counter.builder("clouvel.tasks.outcomes")
          .description("Task status changes other than progress: completed, failed, cancelled, pending (retry)")
          .tag("status", update.status().wireName()).register(registry).increment();
    } else if (event instanceof ClouvelEvent.DonationUpdated donation
        && (donation.donation().status() == DonationStatus.REFUND_PENDING
            || donation.donation().status() == DonationStatus.REFUNDED)) {
      Counter.builder("clouvel.refunds").description("Refunds requested (refund_pending) and confirmed (refunded)")
          .tag("status", donation.donation().status().wireName()).register(registry).increment();
    }
  }

  /**
   * Records one call to an external provider.
   *
   * @param provider the provider, for example {@code openai}
   * @param operation what was asked, for example {@code image}
   * @param outcome {@code success} or the kind of failure
   * @param nanos how long it took
   */
  void recordProviderCall(String provider, String operation, String outcome, long nanos) {
    Timer.builder("clouvel.provider.calls").description("Calls to external providers, retries included")
        .tag("provider", provider).tag("operation", operation).tag("outcome", outcome)
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5))
        .maximumExpectedValue(Duration.ofMinutes(3)).register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Records what a model call consumed and cost.
   *
   * @param usage the usage the provider reported
   */
  void recordUsage(Usage usage) {
    Counter.builder("clouvel.model.spend").baseUnit("usd").description("Model spend in USD, by model")
        .tag("model", usage.model()).register(registry).increment(usage.costMicros() / 1_000_000.0);
    Counter.builder("clouvel.model.tokens").description("Model tokens, by model and direction")
        .tag("model", usage.model()).tag("direction", "input").register(registry).increment(usage.inputTokens());
    Counter.builder("clouvel.model.tokens").description("Model tokens, by model and direction")
        .tag("model", usage.model()).tag("direction", "output").register(registry).increment(usage.outputTokens());
    Counter.builder("clouvel.model.images").description("Images generated, by model")
        .tag("model", usage.model()).register(registry).increment(usage.images());
  }

  /**
   * Returns the monotonic time of the registry's clock, for timing calls.
   *
   * @return nanoseconds
   */
  long monotonicTime() {
    return registry.config().clock().monotonicTime();
  }

  /**
   * Notes when a request started; install as a {@code before} handler.
   *
   * @param ctx the request
   */
  public void requestStarted(Context ctx) {
    ctx.attribute(STARTED, monotonicTime());
  }

  /**
   * Times a finished request by method, route template, status and outcome; install as an
   * {@code after} handler.
   *
   * @param ctx the request
   */
  public void requestFinished(Context ctx) {
    Long started = ctx.attribute(STARTED);
    if (started == null) {
      return;
    }
    int status = ctx.statusCode();
    Timer.builder("http.server.requests").description("HTTP requests by route template and status")
        .tag("method", ctx.method().name())
        .tag("uri", route(ctx, status))
        .tag("status", String.valueOf(status))
        .tag("outcome", outcome(status))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry)
        .record(monotonicTime() - started, TimeUnit.NANOSECONDS);
  }

  private static String route(Context ctx, int status) {
    Endpoint endpoint = null;
    try {
      endpoint = ctx.endpoints().matchedHttpEndpoint();
    } catch (RuntimeException e) {
      // No endpoint matched.
    }
    if (endpoint != null) {
      return endpoint.path;
    }
    return status == 404 ? "NOT_FOUND" : "UNKNOWN";
  }

  private static String outcome(int status) {
    if (status < 200) {
      return "INFORMATIONAL";
    } else if (status < 300) {
      return "SUCCESS";
    } else if (status < 400) {
      return "REDIRECTION";
    } else if (status < 500) {
      return "CLIENT_ERROR";
    }
    return "SERVER_ERROR";
  }

  /** Stops listening to events and closes the registry. */
  @Override
  public void close() {
    subscriptions.forEach(EventBus.Subscription::close);
    subscriptions.clear();
    gc.close();
    registry.close();
  }
}
