package ai.clouvel.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.Clouvel;
import ai.clouvel.core.content.ContentSource;
import ai.clouvel.core.content.Listing;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.image.GeneratedImage;
import ai.clouvel.core.image.ImageGenerator;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.image.StoredImage;
import ai.clouvel.core.offline.PaintedImageGenerator;
import ai.clouvel.core.offline.SampleContentSource;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.PublicLinks;
import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.progress.Stage;
import ai.clouvel.core.provider.ContentRejectedException;
import ai.clouvel.core.provider.RateLimitedException;
import ai.clouvel.core.store.InMemoryCatalogStore;
import ai.clouvel.core.testing.ManualTicker;
import ai.clouvel.core.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProductPipelineTest {
  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private final ManualTicker ticker = new ManualTicker();
  private final InMemoryCatalogStore catalog = new InMemoryCatalogStore(clock);
  private final List<Progress> progress = new CopyOnWriteArrayList<>();
  private Clouvel clouvel;

  private Clouvel.Builder builder() {
    return Clouvel.builder().clock(clock).ticker(ticker).random(new Random(7))
        .publicBaseUrl("https://clouvel.test/");
  }

  @AfterEach
  void close() {
    if (clouvel != null) {
      clouvel.close();
    }
  }

  @Test
  void makesAProductEndToEndAndReportsEveryStageInOrder() {
    AtomicReference<String> stampedUrl = new AtomicReference<>();
    clouvel = builder().imageStamper((png, url) -> {
      stampedUrl.set(url);
      return png;
    }).build(catalog);

    PipelineResult result = clouvel.pipeline()
        .run(PipelineRequest.of(PostSelection.fromSubreddit("hiking")), progress::add);

    assertThat(progress).extracting(Progress::stage).containsExactly(
        Stage.POST_FETCHING, Stage.POST_FETCHED, Stage.PRODUCT_DESIGNED,
        Stage.IMAGE_GENERATION_STARTED, Stage.IMAGE_GENERATED, Stage.PUBLISHING,
        Stage.COMMISSION_COMPLETE);
    assertThat(progress).extracting(Progress::percent).containsExactly(10, 20, 30, 40, 90, 95, 100);

    Product product = result.product();
    assertThat(product.subreddit()).isEqualTo("hiking");
    assertThat(product.image().url()).as("stored as a path").isEqualTo("/images/" + product.image().id() + ".png");
    assertThat(product.links().productUrl()).isEqualTo("/p/" + product.id());
    assertThat(PublicLinks.resolve(clouvel.publicBaseUrl(), product.image().url()))
        .isEqualTo("https://clouvel.test/images/" + product.image().id() + ".png");
    assertThat(stampedUrl.get()).isEqualTo("https://clouvel.test/p/" + product.id());
    assertThat(product.imageModel()).isEqualTo(PaintedImageGenerator.MODEL);
    assertThat(product.promptVersion()).isEqualTo("template-v1");
    assertThat(product.imageQuality()).isEqualTo(ImageQuality.STANDARD);

    assertThat(catalog.products().find(product.id())).hasValue(product);
    assertThat(catalog.posts().find(product.postId())).hasValue(result.post());
    assertThat(catalog.posts().isIllustrated(product.postId())).isTrue();
    Optional<StoredImage> image = catalog.images().find(product.image().id());
    assertThat(image).isPresent();
    assertThat(image.get().bytes()).startsWith(0x89, 'P', 'N', 'G');
    assertThat(result.usage()).hasSize(3);
    assertThat(catalog.usage().totals().calls()).isEqualTo(3);
    assertThat(catalog.usage().totals().images()).isEqualTo(1);
  }

  @Test
  void neverPicksARejectedOrAlreadyIllustratedPost() {
    clouvel = builder().build(catalog);
    Set<String> used = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      Post post = clouvel.pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("cats")),
          ProgressListener.none()).post();
      assertThat(post.stickied() || post.nsfw()).isFalse();
      assertThat(used.add(post.id())).as("post %s used twice", post.id()).isTrue();
    }
    assertThatThrownBy(() -> clouvel.pipeline()
        .run(PipelineRequest.of(PostSelection.fromSubreddit("cats")), ProgressListener.none()))
        .isInstanceOfSatisfying(PipelineException.class, e -> {
          assertThat(e.stage()).isEqualTo(Stage.POST_FETCHING);
          assertThat(e.getMessage()).contains("No eligible post");
          assertThat(e.isTransient()).isFalse();
        });
    assertThat(catalog.products().list(PageRequest.first(10), "cats").total()).isEqualTo(3);
  }

  @Test
  void anySubredditPicksFromTheSuggestedOnes() {
    clouvel = builder().build(catalog);
    SampleContentSource samples = new SampleContentSource(clock);
    Set<String> subreddits = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      subreddits.add(clouvel.pipeline().run(PipelineRequest.of(PostSelection.anySubreddit()),
          ProgressListener.none()).product().subreddit());
    }
    assertThat(samples.suggestedSubreddits()).containsAll(subreddits);
    assertThat(subreddits).hasSizeGreaterThan(1);
  }

  @Test
  void aSpecificPostIsUsedAsIsOrReportedMissing() {
    clouvel = builder().build(catalog);
    PipelineResult result = clouvel.pipeline().run(PipelineRequest.of(PostSelection.post("1s2p03")),
        ProgressListener.none());
    assertThat(result.post().title()).contains("Saturn");
    assertThatThrownBy(() -> clouvel.pipeline().run(PipelineRequest.of(PostSelection.post("zzzzzz")),
        progress::add))
        .isInstanceOfSatisfying(PipelineException.class, e -> {
          assertThat(e.stage()).isEqualTo(Stage.POST_FETCHING);
          assertThat(e.getMessage()).contains("zzzzzz");
        });
  }

  @Test
  void reportsHonestProgressDuringTheImageCall() {
    PaintedImageGenerator painter = new PaintedImageGenerator();
    ImageGenerator slow = request -> {
      clock.advance(Duration.ofSeconds(10));
      ticker.tick();
      clock.advance(Duration.ofSeconds(10));
      ticker.tick();
      return painter.generate(request);
    };
    clouvel = builder().imageGenerator(slow).initialImageEstimate(Duration.ofSeconds(30))
        .progressInterval(Duration.ofSeconds(3)).build(catalog);

    clouvel.pipeline().run(PipelineRequest.of(PostSelection.post("1h1k01")), progress::add);

    List<Progress> ticks = progress.stream()
        .filter(p -> p.stage() == Stage.IMAGE_GENERATION_IN_PROGRESS).toList();
    assertThat(ticks).extracting(Progress::percent).containsExactly(40 + 49 / 3, 40 + 2 * 49 / 3);
    assertThat(ticks.get(0).message()).contains("10 s so far", "about 20 s left");
    assertThat(ticker.lastPeriod()).isEqualTo(Duration.ofSeconds(3));
    assertThat(ticker.activeCount()).as("ticks stop with the image call").isZero();
    assertThat(clouvel.pipeline().imageCallEstimate()).isEqualTo(Duration.ofSeconds(20));

    progress.clear();
    ImageGenerator slower = request -> {
      clock.advance(Duration.ofSeconds(45));
      ticker.tick();
      return painter.generate(request);
    };
    try (Clouvel other = builder().imageGenerator(slower).initialImageEstimate(Duration.ofSeconds(30)).build(catalog)) {
      other.pipeline().run(PipelineRequest.of(PostSelection.post("1h1k02")), progress::add);
    }
    Progress overdue = progress.stream().filter(p -> p.stage() == Stage.IMAGE_GENERATION_IN_PROGRESS)
        .findFirst().orElseThrow();
    assertThat(overdue.percent()).isEqualTo(89);
    assertThat(overdue.message()).contains("longer than the usual 30 s");
  }

  @Test
  void classifiesFailuresByStageAndWhetherToRetry() {
    ContentSource limited = new ContentSource() {
      @Override
      public List<Post> posts(String subreddit, Listing listing, int limit) {
        throw new RateLimitedException("reddit", "slow down", Duration.ofSeconds(5));
      }

      @Override
      public Optional<Post> post(String postId) {
        throw new RateLimitedException("reddit", "slow down", Duration.ofSeconds(5));
      }
    };
    clouvel = builder().contentSource(limited).build(catalog);
    assertThatThrownBy(() -> clouvel.pipeline().run(PipelineRequest.of(PostSelection.post("abc")),
        ProgressListener.none()))
        .isInstanceOfSatisfying(PipelineException.class, e -> {
          assertThat(e.stage()).isEqualTo(Stage.POST_FETCHING);
          assertThat(e.isTransient()).isTrue();
          assertThat(e.getCause()).isInstanceOf(RateLimitedException.class);
        });

    try (Clouvel rejecting = builder().imageGenerator(request -> {
      throw new ContentRejectedException("openai", "content policy");
    }).build(catalog)) {
      List<Progress> seen = new ArrayList<>();
      assertThatThrownBy(() -> rejecting.pipeline().run(PipelineRequest.of(PostSelection.post("1h1k01")),
          seen::add))
          .isInstanceOfSatisfying(PipelineException.class, e -> {
            assertThat(e.stage()).isEqualTo(Stage.IMAGE_GENERATION_IN_PROGRESS);
            assertThat(e.isTransient()).isFalse();
            assertThat(e.getMessage()).contains("content policy");
          });
      assertThat(seen).extracting(Progress::stage).endsWith(Stage.IMAGE_GENERATION_STARTED);
    }
    assertThat(catalog.products().list(PageRequest.first(10), null).total()).isZero();
  }

  @Test
  void aFailingListenerDoesNotStopThePipeline() {
    clouvel = builder().build(catalog);
    PipelineResult result = clouvel.pipeline().run(PipelineRequest.of(PostSelection.post("1f9e01")),
        p -> {
          throw new IllegalStateException("listener bug");
        });
    assertThat(catalog.products().find(result.product().id())).isPresent();
  }

  @Test
  void aCustomImageGeneratorFitsInALambda() {
    byte[] tinyPng = new PaintedImageGenerator().generate(
        ai.clouvel.core.image.ImageRequest.of("tiny", ImageQuality.STANDARD)).png();
    clouvel = builder()
        .imageGenerator(request -> new GeneratedImage(tinyPng, request.prompt(),
            ai.clouvel.core.usage.Usage.free("my-painter")))
        .build(catalog);
    PipelineResult result = clouvel.pipeline().run(
        PipelineRequest.of(PostSelection.post("1b6k02")).withQuality(ImageQuality.HD), ProgressListener.none());
    assertThat(result.product().imageModel()).isEqualTo("my-painter");
    assertThat(result.product().imageQuality()).isEqualTo(ImageQuality.HD);
    assertThat(catalog.images().find(result.product().image().id()).orElseThrow().bytes()).isEqualTo(tinyPng);
  }
}
