package ai.clouvel.server.config;

import ai.clouvel.agents.LiveProviders;
import ai.clouvel.core.Clouvel;
import ai.clouvel.core.payment.PaymentGateway;
import ai.clouvel.core.time.Sleeper;
import ai.clouvel.core.offline.DemoPaymentGateway;
import ai.clouvel.store.PostgresEventBus;
import ai.clouvel.store.SqlStore;
import ai.clouvel.stripe.StripePaymentGateway;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link Clouvel} from environment variables: the store from {@code DATABASE_URL}, each
 * live provider when its keys are present (see {@link LiveProviders}), Stripe when
 * {@code STRIPE_SECRET_KEY} is set (then {@code STRIPE_WEBHOOK_SECRET} is required), and the
 * offline implementations for everything else. On PostgreSQL the events go through a
 * {@link PostgresEventBus}, so that several servers may share the database; demo checkouts are
 * kept in the database either way.
 */
public final class ClouvelWiring {
  private static final Logger log = LoggerFactory.getLogger(ClouvelWiring.class);

  private ClouvelWiring() {
  }

  /**
   * What was built.
   *
   * @param clouvel the configured Clouvel
   * @param store the store it owns
   * @param providers each provider's mode, {@code live} or {@code demo}
   * @param eventBus the PostgreSQL event bus to close with the server, or {@code null} on SQLite
   */
  public record Wired(Clouvel clouvel, SqlStore store, Map<String, String> providers, PostgresEventBus eventBus) {
    /**
     * Tells whether payments are real.
     *
     * @return {@code false} in demo mode
     */
    public boolean livePayments() {
      return "live".equals(providers.get("payments"));
    }
  }

  /**
   * Builds everything from environment variables.
   *
   * @param env the variables
   * @param config the server settings
   * @param clock the clock
   * @param sleeper the sleeper
   * @return the wired Clouvel; close its store when done
   */
  public static Wired fromEnvironment(Map<String, String> env, ServerConfig config, Clock clock, Sleeper sleeper) {
    LiveProviders live = LiveProviders.fromEnvironment(env, clock, sleeper);
    SqlStore store = SqlStore.builder().databaseUrl(config.databaseUrl()).clock(clock).build();
    PostgresEventBus bus = null;
    try {
      Clouvel.Builder builder = Clouvel.builder()
          .store(store)
          .clock(clock)
          .sleeper(sleeper)
          .publicBaseUrl(config.publicBaseUrl())
          .commissionSettings(config.commissions().withWorkers(Math.max(1, config.workers())));
      live.applyTo(builder);
      if (store.isPostgresql()) {
        PostgresEventBus.Builder events = PostgresEventBus.builder(store).clock(clock).sleeper(sleeper);
        String nodeId = env.get("NODE_ID");
        if (nodeId != null && !nodeId.isBlank()) {
          events.nodeId(nodeId.strip());
        }
        bus = events.build().start();
        builder.eventBus(bus);
      }
      Map<String, String> providers = new LinkedHashMap<>(live.describe());
      PaymentGateway stripe = stripe(env, clock);
      builder.paymentGateway(stripe != null ? stripe
          : new DemoPaymentGateway(config.publicBaseUrl(), clock, store.demoCheckouts()));
      providers.put("payments", stripe != null ? "live" : "demo");
      Clouvel clouvel = builder.build();
      log.info("Clouvel wired: store {}, providers {}, events {}", store.describe(), providers,
          bus == null ? "in memory (one node)" : "PostgreSQL LISTEN/NOTIFY as node " + bus.nodeId());
      return new Wired(clouvel, store, providers, bus);
    } catch (RuntimeException e) {
      if (bus != null) {
        bus.close();
      }
      store.close();
      throw e;
    }
  }

  private static PaymentGateway stripe(Map<String, String> env, Clock clock) {
    String key = env.get("STRIPE_SECRET_KEY");
    if (key == null || key.isBlank()) {
      return null;
    }
    String webhookSecret = env.get("STRIPE_WEBHOOK_SECRET");
    if (webhookSecret == null || webhookSecret.isBlank()) {
      throw new IllegalStateException("STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY: "
          + "webhooks must be verified outside demo mode");
    }
    StripePaymentGateway.Builder stripe = StripePaymentGateway.builder().secretKey(key)
        .webhookSecret(webhookSecret).clock(clock);
    String apiBase = env.get("STRIPE_API_BASE");
    if (apiBase != null && !apiBase.isBlank()) {
      stripe.apiBase(apiBase);
    }
    return stripe.build();
  }
}
