package ai.clouvel.core;

import ai.clouvel.core.agent.CommunityPublisher;
import ai.clouvel.core.agent.DecisionMaker;
import ai.clouvel.core.commission.CommissionSettings;
import ai.clouvel.core.content.ContentSource;
import ai.clouvel.core.content.PostFilter;
import ai.clouvel.core.donation.CommissionRules;
import ai.clouvel.core.event.EventBus;
import ai.clouvel.core.event.InMemoryEventBus;
import ai.clouvel.core.idea.CommentSummarizer;
import ai.clouvel.core.idea.IdeaGenerator;
import ai.clouvel.core.image.ImageGenerator;
import ai.clouvel.core.image.ImageHost;
import ai.clouvel.core.image.ImageStamper;
import ai.clouvel.core.offline.DemoPaymentGateway;
import ai.clouvel.core.offline.ExcerptCommentSummarizer;
import ai.clouvel.core.offline.LocalProductPublisher;
import ai.clouvel.core.offline.PaintedImageGenerator;
import ai.clouvel.core.offline.RuleDecisionMaker;
import ai.clouvel.core.offline.SampleContentSource;
import ai.clouvel.core.offline.TemplateIdeaGenerator;
import ai.clouvel.core.payment.PaymentGateway;
import ai.clouvel.core.pipeline.ProductPipeline;
import ai.clouvel.core.pipeline.internal.PipelineEngine;
import ai.clouvel.core.pipeline.internal.PipelineParts;
import ai.clouvel.core.product.ProductPublisher;
import ai.clouvel.core.provider.ProviderCallListener;
import ai.clouvel.core.store.CatalogStore;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.store.InMemoryCatalogStore;
import ai.clouvel.core.store.StoreImageHost;
import ai.clouvel.core.time.ScheduledTicker;
import ai.clouvel.core.time.Sleeper;
import ai.clouvel.core.time.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * One configured Clouvel: the ports wired together. Build one with {@link #builder()}; every
 * port not given falls back to an offline default, so {@code Clouvel.builder().build()} works
 * with no keys and no network:
 *
 * <pre>{@code
 * try (Clouvel clouvel = Clouvel.builder().build()) {
 *   PipelineResult result = clouvel.pipeline()
 *       .run(PipelineRequest.of(PostSelection.fromSubreddit("hiking")), System.out::println);
 * }
 * }</pre>
 *
 * <p>Storage is the one argument of {@code build}: none (an in-memory catalog), a
 * {@link CatalogStore} (products, posts, images, usage), or a {@link ClouvelStore}, which also
 * keeps donations and tasks and therefore gives a {@link DurableClouvel} with commissions. Which
 * one you have is known at compile time.
 *
 * <p>A Clouvel is immutable: the builder's settings are copied at {@code build}, so changing the
 * builder afterwards changes nothing. Instances are independent: nothing is static, and settings
 * such as models, limits and dry-run flags belong to one instance. Close it to stop the threads
 * it owns; stores and providers given to the builder stay open, since their owner passed them in.
 */
public sealed class Clouvel implements AutoCloseable permits DurableClouvel {
  private final CatalogStore catalog;
  private final EventBus events;
  private final ContentSource content;
  private final PipelineEngine pipeline;
  private final ScheduledTicker ownedTicker;
  private final Ticker ticker;
  private final CommunityPublisher communityPublisher;
  private final DecisionMaker decisionMaker;
  private final PostFilter postFilter;
  private final CommissionRules commissionRules;
  private final String publicBaseUrl;
  private final Clock clock;
  private final Sleeper sleeper;

  Clouvel(Builder builder, CatalogStore catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.publicBaseUrl = builder.publicBaseUrl;
    this.postFilter = builder.postFilter;
    this.commissionRules = builder.commissionRules;
    this.communityPublisher = builder.communityPublisher;
    this.decisionMaker = builder.decisionMaker != null ? builder.decisionMaker : new RuleDecisionMaker();
    this.events = builder.eventBus != null ? builder.eventBus : new InMemoryEventBus();
    this.content = builder.contentSource != null ? builder.contentSource
        : new SampleContentSource(builder.clock);
    this.ownedTicker = builder.ticker == null ? new ScheduledTicker() : null;
    this.ticker = builder.ticker != null ? builder.ticker : ownedTicker;
    this.pipeline = new PipelineEngine(new PipelineParts(
        content,
        orDefault(builder.commentSummarizer, ExcerptCommentSummarizer::new),
        orDefault(builder.ideaGenerator, TemplateIdeaGenerator::new),
        orDefault(builder.imageGenerator, PaintedImageGenerator::new),
        orDefault(builder.imageStamper, ImageStamper::none),
        builder.imageHost != null ? builder.imageHost
            : new StoreImageHost(catalog.images()),
        builder.productPublisher != null ? builder.productPublisher
            : new LocalProductPublisher(),
        catalog,
        builder.postFilter,
        builder.subreddits,
        builder.publicBaseUrl,
        builder.clock,
        ticker,
        builder.progressInterval,
        builder.initialImageEstimate,
        builder.random), builder.callListener);
  }

  /**
   * Starts configuring a Clouvel.
   *
   * @return a builder with every default in place
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the product pipeline.
   *
   * @return the pipeline
   */
  public ProductPipeline pipeline() {
    return pipeline;
  }

  /**
   * Returns the account that posts to the community, if one is configured.
   *
   * @return the publisher, or empty: agents then only do dry runs
   */
  public Optional<CommunityPublisher> communityPublisher() {
    return Optional.ofNullable(communityPublisher);
  }

  /**
   * Returns where posts come from.
   *
   * @return the content source
   */
  public ContentSource content() {
    return content;
  }

  /**
   * Returns the storage of products, posts, images and usage.
   *
   * @return the catalog store
   */
  public CatalogStore catalog() {
    return catalog;
  }

  /**
   * Returns the event bus.
   *
   * @return the bus
   */
  public EventBus events() {
    return events;
  }

  /**
   * Returns the money rules of donations and commissions.
   *
   * @return the rules
   */
  public CommissionRules commissionRules() {
    return commissionRules;
  }

  /**
   * Returns the clock every component uses.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns the sleeper every wait goes through.
   *
   * @return the sleeper
   */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * Returns the public address of the server products and images point at.
   *
   * @return the address, without a trailing slash
   */
  public String publicBaseUrl() {
    return publicBaseUrl;
  }

  /** Stops the threads this instance owns. */
  @Override
  public void close() {
    if (ownedTicker != null) {
      ownedTicker.close();
    }
  }

  PipelineEngine pipelineEngine() {
    return pipeline;
  }

  Ticker ticker() {
    return ticker;
  }

  PostFilter postFilter() {
    return postFilter;
  }

  DecisionMaker decisionMaker() {
    return decisionMaker;
  }

  private static <T> T orDefault(T given, java.util.function.Supplier<T> fallback) {
    return given != null ? given : fallback.get();
  }

  /**
   * Configures a {@link Clouvel}. Every setting has a default; see each setter. Not thread-safe;
   * build once and share the result.
   */
  public static final class Builder {
    private ContentSource contentSource;
    private CommentSummarizer commentSummarizer;
    private IdeaGenerator ideaGenerator;
    private ImageGenerator imageGenerator;
    private ImageStamper imageStamper;
    private ImageHost imageHost;
    private ProductPublisher productPublisher;
    private EventBus eventBus;
    private PostFilter postFilter = PostFilter.defaults();
    private List<String> subreddits = List.of();
    private String publicBaseUrl = "http://localhost:8000";
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private Ticker ticker;
    private Duration progressInterval = Duration.ofSeconds(2);
    private Duration initialImageEstimate = Duration.ofSeconds(30);
    private RandomGenerator random = new Random();
    private CommissionRules commissionRules = CommissionRules.defaults();
    private PaymentGateway paymentGateway;
    private CommissionSettings commissionSettings;
    private CommunityPublisher communityPublisher;
    private ProviderCallListener callListener = ProviderCallListener.NONE;
    private DecisionMaker decisionMaker;

    private Builder() {
    }

    /**
     * Sets who hears every model call of the pipeline (summary, idea, image): the request, then
     * the response with its usage and cost, or the error. Default: nobody. Usage is recorded in the
     * catalog either way. For the HTTP attempts of live providers, give the listener to their
     * builders too.
     *
     * @param listener the listener; use {@link ProviderCallListener#all} for several
     * @return this builder
     */
    public Builder callListener(ProviderCallListener listener) {
      this.callListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets who decides what the community and promoter agents do. Default: a
     * {@link RuleDecisionMaker}, which needs no model.
     *
     * @param decisions the decision maker, for example {@code OpenAiDecisionMaker} from {@code clouvel-agents}
     * @return this builder
     */
    public Builder decisionMaker(DecisionMaker decisions) {
      this.decisionMaker = Objects.requireNonNull(decisions, "decisions");
      return this;
    }

    /**
     * Sets the account agents post to Reddit with. Default: none, so agents only do dry runs;
     * except with the default sample content, where live runs post to an in-memory
     * {@link ai.clouvel.core.offline.OfflineCommunityPublisher}.
     *
     * @param publisher the publisher, for example a Reddit account
     * @return this builder
     */
    public Builder communityPublisher(CommunityPublisher publisher) {
      this.communityPublisher = Objects.requireNonNull(publisher, "publisher");
      return this;
    }

    /**
     * Sets the payment gateway of commissions. Default: a {@link DemoPaymentGateway} with a local
     * checkout page. Only a {@link DurableClouvel} takes payments, so {@link #build(ClouvelStore)}
     * is then the way to build.
     *
     * @param gateway the gateway, for example {@code StripePaymentGateway} from {@code clouvel-stripe}
     * @return this builder
     */
    public Builder paymentGateway(PaymentGateway gateway) {
      this.paymentGateway = Objects.requireNonNull(gateway, "gateway");
      return this;
    }

    /**
     * Sets how commissions are worked on. Default: {@link CommissionSettings#DEFAULTS}. Only a
     * {@link DurableClouvel} has commissions, so {@link #build(ClouvelStore)} is then the way to build.
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder commissionSettings(CommissionSettings settings) {
      this.commissionSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Sets where posts come from. Default: bundled sample posts ({@link SampleContentSource}).
     *
     * @param source the content source
     * @return this builder
     */
    public Builder contentSource(ContentSource source) {
      this.contentSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Sets the comment summarizer. Default: quotes of the best comments.
     *
     * @param summarizer the summarizer
     * @return this builder
     */
    public Builder commentSummarizer(CommentSummarizer summarizer) {
      this.commentSummarizer = Objects.requireNonNull(summarizer, "summarizer");
      return this;
    }

    /**
     * Sets the idea generator. Default: templates filled with the post's words.
     *
     * @param generator the idea generator
     * @return this builder
     */
    public Builder ideaGenerator(IdeaGenerator generator) {
      this.ideaGenerator = Objects.requireNonNull(generator, "generator");
      return this;
    }

    /**
     * Sets the image generator. Default: procedural Java2D paintings.
     *
     * @param generator the image generator
     * @return this builder
     */
    public Builder imageGenerator(ImageGenerator generator) {
      this.imageGenerator = Objects.requireNonNull(generator, "generator");
      return this;
    }

    /**
     * Sets the image stamper. Default: none, images are left as they are.
     *
     * @param stamper the stamper
     * @return this builder
     */
    public Builder imageStamper(ImageStamper stamper) {
      this.imageStamper = Objects.requireNonNull(stamper, "stamper");
      return this;
    }

    /**
     * Sets the image host. Default: the catalog store, served at the path {@code /images/{id}.png}
     * (stored as a path, shown with the public base URL of the moment: {@link ai.clouvel.core.product.PublicLinks}).
     *
     * @param host the image host
     * @return this builder
     */
    public Builder imageHost(ImageHost host) {
      this.imageHost = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * Sets the product publisher. Default: a local product page at the path {@code /p/{id}}. A
     * publisher is given the image's absolute address ({@code {publicBaseUrl}/images/...}).
     *
     * @param publisher the publisher
     * @return this builder
     */
    public Builder productPublisher(ProductPublisher publisher) {
      this.productPublisher = Objects.requireNonNull(publisher, "publisher");
      return this;
    }

    /**
     * Sets the event bus. Default: an {@link InMemoryEventBus}.
     *
     * @param bus the bus
     * @return this builder
     */
    public Builder eventBus(EventBus bus) {
      this.eventBus = Objects.requireNonNull(bus, "bus");
      return this;
    }

    /**
     * Sets which posts are eligible. Default: {@link PostFilter#defaults()}.
     *
     * @param filter the filter
     * @return this builder
     */
    public Builder postFilter(PostFilter filter) {
      this.postFilter = Objects.requireNonNull(filter, "filter");
      return this;
    }

    /**
     * Sets the subreddits to pick from when a commission asks for any subreddit. Default: the
     * content source's suggestions.
     *
     * @param names subreddit names without {@code r/}
     * @return this builder
     */
    public Builder subreddits(List<String> names) {
      this.subreddits = List.copyOf(names);
      return this;
    }

    /**
     * Sets the public address of the server, used in QR codes, image and product links.
     * Default: {@code http://localhost:8000}.
     *
     * @param url an http(s) address
     * @return this builder
     */
    public Builder publicBaseUrl(String url) {
      String trimmed = Objects.requireNonNull(url, "url").strip();
      if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://")) {
        throw new IllegalArgumentException("public base URL must be http(s): " + url);
      }
      this.publicBaseUrl = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
      return this;
    }

    /**
     * Sets the clock. Default: the system clock in UTC.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the sleeper every wait goes through. Default: {@link Sleeper#system()}.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the ticker that paces image-progress reports. Default: a {@link ScheduledTicker}
     * owned and closed by the Clouvel.
     *
     * @param ticker the ticker
     * @return this builder
     */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * Sets how often progress is reported during the image call. Default: every 2 seconds.
     *
     * @param interval the interval
     * @return this builder
     */
    public Builder progressInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("progress interval must be positive");
      }
      this.progressInterval = interval;
      return this;
    }

    /**
     * Sets how long to assume an image call takes before any call has finished. Default: 30 s.
     *
     * @param estimate the first estimate
     * @return this builder
     */
    public Builder initialImageEstimate(Duration estimate) {
      if (estimate.isNegative()) {
        throw new IllegalArgumentException("image estimate must not be negative");
      }
      this.initialImageEstimate = estimate;
      return this;
    }

    /**
     * Sets the randomness used to pick posts. Default: a new {@link Random}.
     *
     * @param random a thread-safe random generator
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Sets the tiers, amount limits and commission minimums. Default:
     * {@link CommissionRules#defaults()}.
     *
     * @param rules the rules
     * @return this builder
     */
    public Builder commissionRules(CommissionRules rules) {
      this.commissionRules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /**
     * Builds a Clouvel whose products, posts, images and usage live in memory and are lost on exit.
     *
     * @return a new instance; close it when done
     * @throws IllegalStateException if a payment gateway or commission settings were set: they need
     *     a durable store, so use {@link #build(ClouvelStore)}
     */
    public Clouvel build() {
      return build(new InMemoryCatalogStore(clock));
    }

    /**
     * Builds a Clouvel that saves products, posts, images and usage in {@code catalog}. Without
     * donations and tasks it has no commissions; a {@link ClouvelStore} gives them.
     *
     * @param catalog where products, posts, images and usage are saved
     * @return a new instance; close it when done
     * @throws IllegalStateException if a payment gateway or commission settings were set: they need
     *     a durable store, so use {@link #build(ClouvelStore)}
     */
    public Clouvel build(CatalogStore catalog) {
      if (paymentGateway != null || commissionSettings != null) {
        throw new IllegalStateException("a payment gateway and commission settings need a ClouvelStore: "
            + "build with build(ClouvelStore)");
      }
      return new Clouvel(this, catalog);
    }

    /**
     * Builds a Clouvel on a durable store, with commissions, payments, tasks and agents.
     *
     * @param store where everything is kept, for example {@code SqlStore} from {@code clouvel-store}
     * @return a new instance; close it when done (the store stays open)
     */
    public DurableClouvel build(ClouvelStore store) {
      PaymentGateway gateway = paymentGateway != null ? paymentGateway
          : new DemoPaymentGateway(publicBaseUrl, clock);
      return new DurableClouvel(this, store, gateway,
          commissionSettings != null ? commissionSettings : CommissionSettings.DEFAULTS);
    }
  }
}
