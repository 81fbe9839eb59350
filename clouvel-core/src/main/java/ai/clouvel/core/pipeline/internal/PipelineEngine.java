package ai.clouvel.core.pipeline.internal;

import ai.clouvel.core.content.Comment;
import ai.clouvel.core.content.Listing;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.content.PostFilter;
import ai.clouvel.core.content.PostRejection;
import ai.clouvel.core.content.PostRepository;
import ai.clouvel.core.idea.CommentSummary;
import ai.clouvel.core.idea.GeneratedIdea;
import ai.clouvel.core.idea.IdeaRequest;
import ai.clouvel.core.image.GeneratedImage;
import ai.clouvel.core.image.HostedImage;
import ai.clouvel.core.image.ImageRequest;
import ai.clouvel.core.pipeline.PipelineException;
import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PipelineResult;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.pipeline.ProductPipeline;
import ai.clouvel.core.pipeline.ProgressListener;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.ProductLinks;
import ai.clouvel.core.product.PublicLinks;
import ai.clouvel.core.product.PublishRequest;
import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.progress.Stage;
import ai.clouvel.core.provider.ProviderCallListener;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.time.Ticker;
import ai.clouvel.core.usage.Usage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ProductPipeline}: fetch post, summarise comments, idea, image, stamp, host, publish,
 * save. Public so that {@link ai.clouvel.core.Clouvel} and the commission engine can build and
 * drive it (the engine saves drafts); its package is not exported.
 */
public final class PipelineEngine implements ProductPipeline {
  private static final Logger log = LoggerFactory.getLogger(PipelineEngine.class);
  private static final int CANDIDATE_POSTS = 25;
  private static final int TOP_COMMENTS = 10;
  private static final int SUBREDDITS_TO_TRY = 5;

  private final PipelineParts parts;
  private final ImageCallEstimate imageEstimate;
  private final ProviderCallListener callListener;

  /**
   * Creates a pipeline from its parts.
   *
   * @param parts the ports and settings
   */
  public PipelineEngine(PipelineParts parts) {
    this(parts, ProviderCallListener.NONE);
  }

  /**
   * Creates a pipeline from its parts that tells a listener about every model call (summary, idea,
   * image); usage is recorded by listening to the same calls.
   *
   * @param parts the ports and settings
   * @param callListener hears every model call
   */
  public PipelineEngine(PipelineParts parts, ProviderCallListener callListener) {
    this.parts = Objects.requireNonNull(parts, "parts");
    this.imageEstimate = new ImageCallEstimate(parts.initialImageEstimate());
    this.callListener = Objects.requireNonNull(callListener, "callListener");
  }

  @Override
  public PipelineResult run(PipelineRequest request, ProgressListener listener) {
    return execute(UUID.randomUUID().toString(), request, listener, false, false);
  }

  /**
   * Makes the product of a run (a commission task, say) as an unpublished draft, which the caller
   * publishes with {@link ai.clouvel.core.product.ProductRepository#publish} once it has recorded the
   * run's outcome. A run owns at most one post and one product: a retried run takes the post it
   * reserved before, and a run whose product was already saved gets it back without any provider
   * call. Usage is recorded under the run id, in one write: once the run's model calls are done
   * (before its product is saved, so a saved product's calls are always accounted), or when the run
   * fails. A process that dies between a model call and that write loses the record of that
   * attempt's calls; the attempt is made again, and its own calls are recorded.
   *
   * <p>The listener may stop the run by throwing {@link java.util.concurrent.CancellationException}
   * from a stage report; the run then stops at that stage boundary and saves nothing more.
   *
   * @param runId the run id
   * @param request what to make
   * @param listener receives progress reports
   * @return the draft product
   * @throws PipelineException if a step fails; says at which stage and whether to retry
   * @throws java.util.concurrent.CancellationException if the listener stopped the run
   */
  public PipelineResult runDraft(String runId, PipelineRequest request, ProgressListener listener) {
    return runDraft(runId, request, listener, false);
  }

  /**
   * Makes the product of a run as {@link #runDraft(String, PipelineRequest, ProgressListener)} does,
   * told whether an earlier attempt of the run may have reserved a post or saved a product.
   *
   * @param runId the run id
   * @param request what to make
   * @param listener receives progress reports
   * @param firstAttempt {@code true} if no earlier attempt of this run id ever started (a task's first
   *     claim): the run then does not look for a product or a reservation of its own, two reads
   * @return the draft product
   * @throws PipelineException if a step fails; says at which stage and whether to retry
   * @throws java.util.concurrent.CancellationException if the listener stopped the run
   */
  public PipelineResult runDraft(String runId, PipelineRequest request, ProgressListener listener,
      boolean firstAttempt) {
    return execute(Objects.requireNonNull(runId, "runId"), request, listener, true, !firstAttempt);
  }

  private PipelineResult execute(String runId, PipelineRequest request, ProgressListener listener, boolean draft,
      boolean resume) {
    Clock clock = parts.clock();
    Instant started = clock.instant();
    Reporter reporter = new Reporter(listener);
    ModelCalls calls = new ModelCalls(runId, clock, parts.catalog().usage(), callListener);
    List<Usage> usage = calls.usage();

    if (resume) {
      Optional<Product> made = parts.catalog().products().findByRun(runId);
      if (made.isPresent()) {
        Product product = made.get();
        log.info("Run {} already made product {}; reusing it", runId, product.id());
        Post post = parts.catalog().posts().find(product.postId()).orElseThrow(() -> new PipelineException(
            Stage.POST_FETCHING, "The post of product " + product.id() + " is missing", false, null));
        reporter.report(Progress.at(Stage.COMMISSION_COMPLETE, "\"" + product.idea().imageTitle() + "\" is ready"));
        return new PipelineResult(product, post, usage, Duration.between(started, clock.instant()));
      }
    }

    try {
      return make(runId, request, draft, resume, reporter, calls, started);
    } catch (RuntimeException e) {
      // The calls answered before the failure were paid for: they are recorded even though no
      // product came of them (a retry makes its own calls, recorded again).
      try {
        calls.flush();
      } catch (RuntimeException flushFailed) {
        e.addSuppressed(flushFailed);
        log.warn("Run {}: the usage of its model calls could not be recorded: {}", runId, flushFailed.toString());
      }
      throw e;
    }
  }

  private PipelineResult make(String runId, PipelineRequest request, boolean draft, boolean resume,
      Reporter reporter, ModelCalls calls, Instant started) {
    Clock clock = parts.clock();
    reporter.report(Progress.at(Stage.POST_FETCHING, describe(request.selection())));
    Post post = step(Stage.POST_FETCHING, () -> selectPost(runId, request.selection(), resume));
    reporter.report(Progress.at(Stage.POST_FETCHED,
        "Found \"" + post.title() + "\" in r/" + post.subreddit()));

    GeneratedIdea idea = step(Stage.PRODUCT_DESIGNED, () -> {
      List<Comment> comments = parts.content().topComments(post.id(), TOP_COMMENTS);
      CommentSummary summary = calls.call("summary", parts.summarizer(),
          () -> parts.summarizer().summarize(post, comments), CommentSummary::usage);
      return calls.call("idea", parts.ideas(),
          () -> parts.ideas().generate(new IdeaRequest(post, summary.text(), request.commissionMessage())),
          GeneratedIdea::usage);
    });
    reporter.report(Progress.at(Stage.PRODUCT_DESIGNED,
        "Designed \"" + idea.idea().theme() + "\""));

    reporter.report(Progress.at(Stage.IMAGE_GENERATION_STARTED,
        "Painting \"" + idea.idea().imageTitle() + "\""));
    GeneratedImage image = step(Stage.IMAGE_GENERATION_IN_PROGRESS,
        () -> calls.call("image", parts.images(), () -> paint(idea, request, reporter), GeneratedImage::usage));
    reporter.report(Progress.at(Stage.IMAGE_GENERATED, "The image is painted"));

    reporter.report(Progress.at(Stage.PUBLISHING, "Publishing the product"));
    Product product = step(Stage.PUBLISHING, () -> publish(runId, draft, post, idea, image, request, clock,
        accountAndNumber(calls)));
    reporter.report(Progress.at(Stage.COMMISSION_COMPLETE,
        "\"" + product.idea().imageTitle() + "\" is ready"));
    return new PipelineResult(product, post, calls.usage(), Duration.between(started, clock.instant()));
  }

  @Override
  public Duration imageCallEstimate() {
    return imageEstimate.estimate();
  }

  @SuppressWarnings("try") // the ticker is held only for its scope: closing it stops the progress ticks
  private GeneratedImage paint(GeneratedIdea idea, PipelineRequest request, Reporter reporter) {
    Clock clock = parts.clock();
    Instant started = clock.instant();
    ImageRequest imageRequest = ImageRequest.of(idea.idea().imageDescription(), request.quality());
    GeneratedImage image;
    try (Ticker.Ticking ticks = parts.ticker().start(parts.progressInterval(),
        () -> reporter.tick(imageEstimate.progressAfter(Duration.between(started, clock.instant()))))) {
      image = parts.images().generate(imageRequest);
    } finally {
      reporter.endTicks();
    }
    imageEstimate.record(Duration.between(started, clock.instant()));
    return image;
  }

  /**
   * Every model call is done: writes the run's usage, before the product so that a saved product's
   * calls are always accounted, and takes the product's id. On a store with transactions both are
   * one write.
   */
  private long accountAndNumber(ModelCalls calls) {
    if (parts.catalog() instanceof ClouvelStore store) {
      return calls.flushWith(store, tx -> tx.products().nextId());
    }
    calls.flush();
    return parts.catalog().products().nextId();
  }

  private Product publish(String runId, boolean draft, Post post, GeneratedIdea idea, GeneratedImage image,
      PipelineRequest request, Clock clock, long productId) {
    String pageUrl = parts.publicBaseUrl() + "/p/" + productId;
    byte[] stamped = parts.stamper().stamp(image.png(), pageUrl);
    HostedImage hosted = parts.host().host(stamped, productId);
    // A publisher gets the image's address of now (Zazzle fetches it); the product keeps the path.
    HostedImage published = new HostedImage(hosted.id(), PublicLinks.resolve(parts.publicBaseUrl(), hosted.url()));
    ProductLinks links = parts.publisher().publish(
        new PublishRequest(productId, post, idea.idea(), published, request.template()));
    Product product = new Product(productId, post.id(), post.subreddit(), post.title(), idea.idea(),
        hosted, links, idea.promptVersion(), idea.usage().model(), image.usage().model(),
        request.quality(), clock.instant());
    if (draft) {
      return parts.catalog().products().saveDraft(runId, product);
    }
    parts.catalog().products().save(product);
    return product;
  }

  /**
   * Picks the run's post, reserves it and saves it. A retried run keeps the post it reserved,
   * whatever the selection would pick now; a first attempt does not look for one up front, but a
   * run holds at most one reservation, so if one was left under its id (a task cancelled and
   * retried while its worker still ran) its reservations of other posts fail, and it looks then.
   */
  private Post selectPost(String runId, PostSelection selection, boolean resume) {
    PostRepository posts = parts.catalog().posts();
    Optional<Post> held = resume ? heldPost(runId) : Optional.empty();
    if (held.isPresent()) {
      return held.get();
    }
    if (selection instanceof PostSelection.SpecificPost specific) {
      Post post = parts.content().post(specific.postId()).orElseThrow(() -> new PipelineException(
          Stage.POST_FETCHING, "Post " + specific.postId() + " was not found", false, null));
      if (!posts.reserveAndSave(post, runId)) {
        Optional<Post> kept = resume ? Optional.empty() : heldPost(runId);
        if (kept.isPresent()) {
          return kept.get();
        }
        throw new PipelineException(Stage.POST_FETCHING,
            "Post " + post.id() + " is already illustrated or being illustrated", false, null);
      }
      return post;
    }
    List<String> subreddits = selection instanceof PostSelection.FromSubreddit from
        ? List.of(from.subreddit())
        : shuffledSubreddits();
    // The cheap checks on every candidate; whether a post was already illustrated (a read) only on
    // the one drawn, which is still a uniform draw among the candidates not yet illustrated.
    PostFilter filter = parts.postFilter();
    String why = "";
    for (String subreddit : subreddits) {
      List<Post> candidates = parts.content().posts(subreddit, Listing.HOT, CANDIDATE_POSTS);
      Map<PostRejection, Integer> rejected = new EnumMap<>(PostRejection.class);
      List<Post> eligible = new ArrayList<>();
      for (Post post : candidates) {
        Optional<PostRejection> rejection = filter.check(post, parts.clock());
        if (rejection.isPresent()) {
          rejected.merge(rejection.get(), 1, Integer::sum);
        } else {
          eligible.add(post);
        }
      }
      int taken = 0;
      while (!eligible.isEmpty()) {
        Post candidate = eligible.remove(parts.random().nextInt(eligible.size()));
        if (posts.isIllustrated(candidate.id())) {
          rejected.merge(PostRejection.ALREADY_ILLUSTRATED, 1, Integer::sum);
          continue;
        }
        if (posts.reserveAndSave(candidate, runId)) {
          return candidate;
        }
        Optional<Post> kept = resume ? Optional.empty() : heldPost(runId);
        if (kept.isPresent()) {
          return kept.get();
        }
        taken++;
        log.debug("Post {} was taken by another run; trying another", candidate.id());
      }
      why = whyNone(candidates.size(), rejected, taken);
      log.debug("No eligible post in r/{}: {}", subreddit, why);
    }
    throw new PipelineException(Stage.POST_FETCHING,
        "No eligible post found in " + (subreddits.size() == 1 ? "r/" + subreddits.get(0) + ": " + why
            : subreddits.size() + " subreddits"), false, null);
  }

  /** The post a run already reserved, saved again as it is now; empty if the run holds none. */
  private Optional<Post> heldPost(String runId) {
    PostRepository posts = parts.catalog().posts();
    Optional<String> reserved = posts.reservation(runId);
    if (reserved.isEmpty()) {
      return Optional.empty();
    }
    Post post = posts.find(reserved.get()).or(() -> parts.content().post(reserved.get()))
        .orElseThrow(() -> new PipelineException(Stage.POST_FETCHING,
            "Post " + reserved.get() + " was not found", false, null));
    posts.save(post);
    return Optional.of(post);
  }

  /** Why a subreddit had no post to use, for people: "of its 7 posts, 6 were already illustrated and 1 is stickied". */
  static String whyNone(int fetched, Map<PostRejection, Integer> rejected, int taken) {
    if (fetched == 0) {
      return "it has no posts (is the name right?)";
    }
    List<String> reasons = new ArrayList<>();
    rejected.forEach((reason, count) -> reasons.add(count + " " + reason.message().replaceFirst("^post ", "")
        .replaceFirst("^is ", count == 1 ? "is " : "are ").replaceFirst("^was ", count == 1 ? "was " : "were ")
        .replaceFirst("^has ", count == 1 ? "has " : "have ")));
    if (taken > 0) {
      reasons.add(taken + " " + (taken == 1 ? "is" : "are") + " being illustrated by another commission");
    }
    String list = reasons.size() == 1 ? reasons.get(0)
        : String.join(", ", reasons.subList(0, reasons.size() - 1)) + " and " + reasons.get(reasons.size() - 1);
    return "of its " + fetched + (fetched == 1 ? " post, " : " posts, ") + list;
  }

  private List<String> shuffledSubreddits() {
    List<String> all = new ArrayList<>(parts.subreddits().isEmpty()
        ? parts.content().suggestedSubreddits() : parts.subreddits());
    if (all.isEmpty()) {
      throw new PipelineException(Stage.POST_FETCHING, "No subreddits configured", false, null);
    }
    for (int i = all.size() - 1; i > 0; i--) {
      int j = parts.random().nextInt(i + 1);
      all.set(j, all.set(i, all.get(j)));
    }
    return all.subList(0, Math.min(SUBREDDITS_TO_TRY, all.size()));
  }

  private static String describe(PostSelection selection) {
    if (selection instanceof PostSelection.SpecificPost specific) {
      return "Fetching post " + specific.postId();
    }
    if (selection instanceof PostSelection.FromSubreddit from) {
      return "Looking for a post in r/" + from.subreddit();
    }
    return "Looking for a post";
  }

  private static <T> T step(Stage stage, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      throw PipelineException.wrap(stage, e);
    }
  }

  /** Delivers reports in order, and drops image ticks that arrive after the image call ended. */
  private static final class Reporter {
    private final ProgressListener listener;
    private boolean ticking = true;

    Reporter(ProgressListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Stage reports: the listener may stop the run here by throwing CancellationException. */
    synchronized void report(Progress progress) {
      try {
        listener.onProgress(progress);
      } catch (CancellationException e) {
        throw e;
      } catch (RuntimeException e) {
        log.warn("Progress listener failed at {}", progress.stage(), e);
      }
    }

    synchronized void tick(Progress progress) {
      if (ticking) {
        deliver(progress);
      }
    }

    synchronized void endTicks() {
      ticking = false;
    }

    private void deliver(Progress progress) {
      try {
        listener.onProgress(progress);
      } catch (RuntimeException e) {
        log.warn("Progress listener failed at {}", progress.stage(), e);
      }
    }
  }
}
