package ai.clouvel.server.config;

import ai.clouvel.agents.LiveProviders;
import ai.clouvel.agents.openai.OpenAiCommentSummarizer;
import ai.clouvel.agents.openai.OpenAiDecisionMaker;
import ai.clouvel.agents.openai.OpenAiIdeaGenerator;
import ai.clouvel.agents.openai.OpenAiImageGenerator;
import ai.clouvel.agents.qr.QrCodeStamper;
import ai.clouvel.core.Clouvel;
import ai.clouvel.core.DurableClouvel;
import ai.clouvel.core.offline.DemoPaymentGateway;
import ai.clouvel.core.payment.PaymentGateway;
import ai.clouvel.core.time.Sleeper;
import ai.clouvel.server.metrics.MeteredProviders;
import ai.clouvel.server.metrics.ModelSpendListener;
import ai.clouvel.server.metrics.ServerMetrics;
import ai.clouvel.store.DatabaseUrl;
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
   * @param live the live providers, whose shared HTTP client closes with the server
   */
  public record Wired(DurableClouvel clouvel, SqlStore store, Map<String, String> providers, PostgresEventBus eventBus,
      LiveProviders live) {
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
   * Builds everything from environment variables, without metrics.
   *
   * @param env the variables
   * @param config the server settings
   * @param clock the clock
   * @param sleeper the sleeper
   * @return the wired Clouvel; close its store when done
   * @throws ConfigurationException if a provider's settings are missing or malformed
   */
  public static Wired fromEnvironment(Map<String, String> env, ServerConfig config, Clock clock, Sleeper sleeper) {
    return fromEnvironment(env, config, clock, sleeper, null);
  }

  /**
   * Builds everything from environment variables. Every provider's settings are checked before the
   * database is opened, so a configuration mistake is reported before anything starts.
   *
   * @param env the variables
   * @param config the server settings
   * @param clock the clock
   * @param sleeper the sleeper
   * @param metrics where provider calls and database pools are metered, or {@code null}
   * @return the wired Clouvel; close its store when done
   * @throws ConfigurationException if a provider's settings are missing or malformed
   */
  public static Wired fromEnvironment(Map<String, String> env, ServerConfig config, Clock clock, Sleeper sleeper,
      ServerMetrics metrics) {
    LiveProviders live = LiveProviders.fromEnvironment(env, clock, sleeper);
    Clouvel.Builder builder = Clouvel.builder()
        .clock(clock)
        .sleeper(sleeper)
        .publicBaseUrl(config.publicBaseUrl())
        .commissionSettings(config.commissions().withWorkers(Math.max(1, config.workers())));
    PaymentGateway stripe;
    DatabaseUrl databaseUrl;
    try {
      if (metrics == null) {
        live.applyTo(builder);
      } else {
        applyMetered(live, builder, new MeteredProviders(metrics));
        builder.callListener(new ModelSpendListener(metrics));
      }
      stripe = stripe(env, clock);
      databaseUrl = databaseUrl(config.databaseUrl());
    } catch (ConfigurationException e) {
      live.close();
      throw e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      live.close();
      throw new ConfigurationException(e.getMessage(), e);
    }
    Map<String, String> providers = new LinkedHashMap<>(live.describe());
    providers.put("payments", stripe != null ? "live" : "demo");
    SqlStore.Builder storeBuilder = SqlStore.builder().databaseUrl(databaseUrl).clock(clock);
    try {
      poolSizes(env, storeBuilder);
    } catch (ConfigurationException e) {
      live.close();
      throw e;
    }
    if (metrics != null) {
      storeBuilder.poolMetrics(metrics.registry());
    }
    SqlStore store;
    try {
      store = storeBuilder.build();
    } catch (RuntimeException e) {
      live.close();
      throw e;
    }
    PostgresEventBus bus = null;
    try {
      if (store.isPostgresql()) {
        PostgresEventBus.Builder events = PostgresEventBus.builder(store).clock(clock).sleeper(sleeper);
        String nodeId = env.get("NODE_ID");
        if (nodeId != null && !nodeId.isBlank()) {
          events.nodeId(nodeId.strip());
        }
        bus = events.build().start();
        builder.eventBus(bus);
      }
      builder.paymentGateway(stripe == null ? new DemoPaymentGateway(config.publicBaseUrl(), clock, store.demoCheckouts())
          : metrics == null ? stripe : new MeteredProviders(metrics).payments("stripe", stripe));
      DurableClouvel clouvel = builder.build(store);
      log.info("Clouvel wired: store {}, providers {}, events {}", store.describe(), providers,
          bus == null ? "in memory (one node)" : "PostgreSQL LISTEN/NOTIFY as node " + bus.nodeId());
      return new Wired(clouvel, store, providers, bus, live);
    } catch (RuntimeException e) {
      if (bus != null) {
        bus.close();
      }
      store.close();
      live.close();
      throw e;
    }
  }

  /** What {@link LiveProviders#applyTo} does, with every networked provider metered. */
  private static void applyMetered(LiveProviders live, Clouvel.Builder builder, MeteredProviders metered) {
    builder.imageStamper(new QrCodeStamper());
    live.reddit().ifPresent(reddit -> builder.contentSource(metered.content("reddit", reddit)));
    live.redditAccount().ifPresent(account -> builder.communityPublisher(metered.community("reddit", account)));
    live.openAi().ifPresent(client -> builder
        .ideaGenerator(metered.ideas("openai", new OpenAiIdeaGenerator(client, live.ideaModel())))
        .commentSummarizer(metered.summaries("openai", new OpenAiCommentSummarizer(client, live.summaryModel())))
        .imageGenerator(metered.images("openai", new OpenAiImageGenerator(client, live.imageModel())))
        .decisionMaker(metered.decisions("openai", new OpenAiDecisionMaker(client, live.agentModel()))));
    live.zazzle().ifPresent(builder::productPublisher);
    live.imgur().ifPresent(imgur -> builder.imageHost(metered.host("imgur", imgur)));
  }

  /**
   * The pools' sizes, when set: on two cores a pool of 4 served 18% more gallery and bulk-donation
   * requests than the default 10 (the read-path benchmark), so they are the operator's to fit.
   */
  private static void poolSizes(Map<String, String> env, SqlStore.Builder store) {
    Integer pool = positiveInteger(env, "DATABASE_POOL_SIZE");
    if (pool != null) {
      store.maximumPoolSize(pool);
    }
    Integer readers = positiveInteger(env, "SQLITE_READERS");
    if (readers != null) {
      store.sqliteReaders(readers);
    }
  }

  private static Integer positiveInteger(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new ConfigurationException(name + " must be a whole number above 0, not " + value.strip());
  }

  private static DatabaseUrl databaseUrl(String url) {
    try {
      return DatabaseUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("DATABASE_URL: " + e.getMessage(), e);
    }
  }

  private static PaymentGateway stripe(Map<String, String> env, Clock clock) {
    String key = env.get("STRIPE_SECRET_KEY");
    if (key == null || key.isBlank()) {
      return null;
    }
    String webhookSecret = env.get("STRIPE_WEBHOOK_SECRET");
    if (webhookSecret == null || webhookSecret.isBlank()) {
      throw new ConfigurationException("STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY: "
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
