package ai.clouvel.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.agents.LiveProviders;
import ai.clouvel.core.Clouvel;
import ai.clouvel.core.content.Comment;
import ai.clouvel.core.pipeline.PipelineException;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.provider.ContentRejectedException;
import ai.clouvel.core.store.InMemoryCatalogStore;
import ai.clouvel.test.data.TestData;
import ai.clouvel.test.fakes.FakeContentSource;
import ai.clouvel.test.fakes.FakeIdeaGenerator;
import ai.clouvel.test.fakes.FakeImageGenerator;
import ai.clouvel.test.fakes.FakeImageHost;
import ai.clouvel.test.fakes.RecordingCallListener;
import ai.clouvel.test.fakes.RecordingCommunityPublisher;
import ai.clouvel.test.openai.FakeOpenAi;
import ai.clouvel.test.reddit.FakeReddit;
import ai.clouvel.test.time.ManualTicker;
import ai.clouvel.test.time.MutableClock;
import ai.clouvel.test.time.RecordingSleeper;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * How a user tests their own code on Clouvel with nothing but {@code clouvel-test}: fakes of the
 * ports for fast, exact tests; the fake OpenAI and Reddit APIs to run the same code through the real
 * live clients.
 */
class ProductOfTheDayTest {
  private final MutableClock clock = MutableClock.at("2026-12-01T09:00:00Z");
  private final FakeContentSource reddit = new FakeContentSource()
      .add(TestData.newPost("abc123", "hiking", clock.instant().minusSeconds(3600)))
      .comments("abc123", new Comment("c1", "tess", "What a view!", 12));
  private final FakeIdeaGenerator ideas = new FakeIdeaGenerator();
  private final FakeImageGenerator images = new FakeImageGenerator();
  private final FakeImageHost host = new FakeImageHost();
  private final RecordingCommunityPublisher community = new RecordingCommunityPublisher();
  private final RecordingCallListener calls = new RecordingCallListener();

  private Clouvel.Builder withFakes() {
    return Clouvel.builder().clock(clock).ticker(new ManualTicker()).contentSource(reddit).ideaGenerator(ideas)
        .imageGenerator(images).imageHost(host).callListener(calls);
  }

  @Test
  void announcesTheProductItMade() {
    try (Clouvel clouvel = withFakes().build()) {
      Product product = new ProductOfTheDay(clouvel, community, "clouvel").run("hiking");

      assertThat(product.postId()).isEqualTo("abc123");
      assertThat(ideas.requests()).singleElement().satisfies(r -> assertThat(r.post().id()).isEqualTo("abc123"));
      assertThat(host.count()).isEqualTo(1);
      assertThat(community.posted()).containsExactly("submit to r/clouvel: Product of the day: Whitney at Dawn"
          + " (from r/hiking) " + product.links().productUrl());
      assertThat(calls.responses()).extracting(r -> r.call().operation()).containsExactly("summary", "idea", "image");
      assertThat(calls.costMicros()).isEqualTo(40_045);
    }
  }

  @Test
  void announcesNothingWhenThePaintingIsRefused() {
    images.failNext(new ContentRejectedException("painter", "not this one"));
    try (Clouvel clouvel = withFakes().build()) {
      assertThatThrownBy(() -> new ProductOfTheDay(clouvel, community, "clouvel").run("hiking"))
          .isInstanceOf(PipelineException.class);
    }
    assertThat(community.posted()).isEmpty();
    assertThat(calls.errors()).singleElement().satisfies(e -> assertThat(e.call().operation()).isEqualTo("image"));
  }

  @StartStop
  private final MockWebServer openAiServer = new MockWebServer();
  @StartStop
  private final MockWebServer redditServer = new MockWebServer();

  @Test
  void worksWithTheLiveProvidersAgainstTheFakeApis() {
    FakeOpenAi openAi = new FakeOpenAi().idea("Dawn glow", "Granite Sunrise", "A peak at first light");
    openAiServer.setDispatcher(openAi);
    redditServer.setDispatcher(new FakeReddit().postedAt(clock.instant().minusSeconds(3600)));
    Map<String, String> env = Map.of(
        "OPENAI_API_KEY", "sk-example-123456", "OPENAI_BASE_URL", openAiServer.url("/v1").toString(),
        "REDDIT_CLIENT_ID", "id", "REDDIT_CLIENT_SECRET", "secret-123",
        "REDDIT_USER_AGENT", "server:ai.clouvel.example:1.0 (by /u/example)",
        "REDDIT_BASE_URL", redditServer.url("/").toString());
    try (LiveProviders live = LiveProviders.fromEnvironment(env, clock, new RecordingSleeper(clock));
         Clouvel clouvel = live.applyTo(Clouvel.builder()).clock(clock).ticker(new ManualTicker())
             .build(new InMemoryCatalogStore(clock))) {
      Product product = new ProductOfTheDay(clouvel, community, "clouvel").run(FakeReddit.SUBREDDIT);

      assertThat(product.postId()).isEqualTo(FakeReddit.POST_ID);
      assertThat(product.idea().imageTitle()).isEqualTo("Granite Sunrise");
      assertThat(openAi.chatCalls()).isEqualTo(2);
      assertThat(openAi.imageCalls()).isEqualTo(1);
      assertThat(community.posted()).singleElement().asString().contains("Granite Sunrise", "r/hiking");
    }
  }
}
