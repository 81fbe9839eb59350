package ai.clouvel.test.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.Clouvel;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.pipeline.PipelineException;
import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PipelineResult;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.provider.RateLimitedException;
import ai.clouvel.core.store.CatalogStore;
import ai.clouvel.core.store.InMemoryCatalogStore;
import ai.clouvel.core.usage.UsageRecord;
import ai.clouvel.test.data.TestData;
import ai.clouvel.test.time.ManualTicker;
import ai.clouvel.test.time.MutableClock;
import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fakes make a real pipeline run, record what they were asked, and fail when told to. */
class FakesTest {
  private final MutableClock clock = MutableClock.at("2026-12-01T09:00:00Z");
  private final FakeContentSource content = new FakeContentSource()
      .add(TestData.newPost("p1a2b3", "space", clock.instant().minusSeconds(600)),
          TestData.newPost("p4d5e6", "space", clock.instant().minusSeconds(900)));
  private final FakeIdeaGenerator ideas = new FakeIdeaGenerator();
  private final FakeImageGenerator images = new FakeImageGenerator();
  private final FakeImageHost host = new FakeImageHost();
  private final FakeProductPublisher publisher = new FakeProductPublisher();
  private final RecordingImageStamper stamper = new RecordingImageStamper();
  private final FakeCommentSummarizer summarizer = new FakeCommentSummarizer();
  private final CallRecorder recorder = new CallRecorder();
  private final CatalogStore catalog = recorder.wrap(CatalogStore.class, new InMemoryCatalogStore(clock));

  private Clouvel clouvel() {
    return Clouvel.builder().clock(clock).ticker(new ManualTicker()).contentSource(content)
        .commentSummarizer(summarizer).ideaGenerator(ideas).imageGenerator(images).imageStamper(stamper)
        .imageHost(host).productPublisher(publisher).publicBaseUrl("https://my.app").build(catalog);
  }

  @Test
  void aPipelineRunsOnFakesOnly() throws Exception {
    try (Clouvel clouvel = clouvel()) {
      PipelineResult result = clouvel.pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("space")),
          p -> { });
      assertThat(result.product().links().productUrl()).isEqualTo("https://shop.test/p/" + result.product().id());
      assertThat(content.calls()).contains("posts space HOT", "comments " + result.post().id());
      assertThat(summarizer.posts()).extracting(p -> p.id()).containsExactly(result.post().id());
      assertThat(images.requests()).singleElement()
          .satisfies(r -> assertThat(r.prompt()).contains("A granite peak glowing pink"));
      assertThat(stamper.urls()).containsExactly("https://my.app/p/" + result.product().id());
      assertThat(ImageIO.read(new ByteArrayInputStream(host.image(result.product().image().id()).orElseThrow())))
          .isNotNull();
      assertThat(publisher.requests()).hasSize(1);
      assertThat(recorder.calls("UsageRepository.recordAll")).as("the run's usage in one write").singleElement()
          .satisfies(c -> assertThat((List<?>) c.args().get(1)).extracting(r -> ((UsageRecord) r).purpose())
              .containsExactly("summary", "idea", "image"));
      assertThat(recorder.calls("UsageRepository.record")).isEmpty();
      assertThat(recorder.calls("ProductRepository.save")).hasSize(1);
    }
  }

  @Test
  void aScriptedFailureFailsTheNextCallOnly() {
    ideas.failNext(new RateLimitedException("fake", "slow down", null));
    try (Clouvel clouvel = clouvel()) {
      assertThatThrownBy(() -> clouvel.pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("space")),
          p -> { })).isInstanceOf(PipelineException.class).hasRootCauseInstanceOf(RateLimitedException.class);
      assertThat(clouvel.pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("space")), p -> { })
          .product()).isNotNull();
    }
    // (A failed ad-hoc run keeps its post reserved, so the second run illustrates the other post.)
    assertThat(ideas.requests()).extracting(r -> r.post().id()).doesNotHaveDuplicates().hasSize(2);
  }

  @Test
  void theRecordingBusDeliversAndRemembers() {
    RecordingEventBus bus = new RecordingEventBus();
    java.util.List<ClouvelEvent> heard = new java.util.ArrayList<>();
    bus.subscribe(heard::add);
    ClouvelEvent event = new ClouvelEvent.ProductCreated(TestData.newProduct(1, "p1", "space", clock.instant()), clock.instant());
    bus.publish(event);
    assertThat(heard).containsExactly(event);
    assertThat(bus.published(ClouvelEvent.ProductCreated.class)).containsExactly((ClouvelEvent.ProductCreated) event);
  }

  @Test
  void theCommunityPublisherPostsNowhereButRemembers() {
    RecordingCommunityPublisher community = new RecordingCommunityPublisher();
    assertThat(community.comment("abc123", "Nice!")).isEqualTo("t1_fake1");
    community.failNext(new RateLimitedException("reddit", "later", null));
    assertThatThrownBy(() -> community.submit("clouvel", "New", "https://x")).isInstanceOf(RateLimitedException.class);
    assertThat(community.posted()).containsExactly("comment on abc123: Nice!");
  }
}
