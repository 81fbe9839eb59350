package ai.clouvel.agents;

import static ai.clouvel.agents.testing.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.agents.testing.Pngs;
import ai.clouvel.core.Clouvel;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PipelineResult;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.progress.Stage;
import ai.clouvel.core.store.InMemoryCatalogStore;
import ai.clouvel.test.openai.FakeOpenAi;
import ai.clouvel.test.reddit.FakeReddit;
import ai.clouvel.test.time.ManualTicker;
import ai.clouvel.test.time.MutableClock;
import ai.clouvel.test.time.RecordingSleeper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The core pipeline with every live provider, each talking to MockWebServer. */
class LivePipelineTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final MutableClock clock = new MutableClock(java.time.Instant.ofEpochSecond(1763967600L + 3600));
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  private void fakeRedditAndOpenAi(String ideaJson) {
    FakeReddit reddit = new FakeReddit();
    FakeOpenAi openAi = new FakeOpenAi().ideaAnswer(ideaJson).usage(120, 60)
        .summary("Commenters admire the persistence and the pink light.").png(Pngs.painting("live"));
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        return request.getUrl().encodedPath().startsWith("/v1/") ? openAi.dispatch(request) : reddit.dispatch(request);
      }
    });
  }

  private Map<String, String> env() {
    return Map.of(
        "OPENAI_API_KEY", "sk-live-test-123456",
        "OPENAI_BASE_URL", server.url("/v1").toString(),
        "OPENAI_IDEA_MODEL", "gpt-4.1-mini",
        "OPENAI_IMAGE_MODEL", "dall-e-3",
        "REDDIT_CLIENT_ID", "cid",
        "REDDIT_CLIENT_SECRET", "csecret-456",
        "REDDIT_USER_AGENT", "server:ai.clouvel.test:1.0 (by /u/tester)",
        "REDDIT_BASE_URL", server.url("/").toString(),
        "REDDIT_SUBREDDITS", "hiking",
        "ZAZZLE_AFFILIATE_ID", "238000000000000001");
  }

  @Test
  void makesAProductWithEveryLiveProvider() throws Exception {
    fakeRedditAndOpenAi("{\"theme\":\"Summit glow\",\"image_title\":\"Whitney at Dawn\","
        + "\"image_description\":\"A granite peak glowing pink above a sea of clouds.\"}");
    LiveProviders live = LiveProviders.fromEnvironment(env(), clock, new RecordingSleeper(clock));
    InMemoryCatalogStore catalog = new InMemoryCatalogStore(clock);
    List<Progress> progress = new ArrayList<>();
    try (Clouvel clouvel = live.applyTo(Clouvel.builder()).clock(clock).ticker(new ManualTicker())
        .publicBaseUrl("https://clouvel.example").build(catalog)) {
      PipelineResult result = clouvel.pipeline().run(
          new PipelineRequest(PostSelection.anySubreddit(), ImageQuality.HD, "print", ""), progress::add);

      Product product = result.product();
      assertThat(result.post().id()).isEqualTo("1h1k01");
      assertThat(product.idea().imageTitle()).isEqualTo("Whitney at Dawn");
      assertThat(product.ideaModel()).isEqualTo("gpt-4.1-mini");
      assertThat(product.imageModel()).isEqualTo("dall-e-3");
      assertThat(product.promptVersion()).isEqualTo("openai-idea-v1");
      assertThat(product.links().productUrl()).startsWith("https://www.zazzle.com/api/create/at-238000000000000001?")
          .contains("t_image1_url=https%3A%2F%2Fclouvel.example%2Fimages%2F" + product.image().id() + ".png");
      assertThat(progress).extracting(Progress::stage).endsWith(Stage.COMMISSION_COMPLETE);

      byte[] stored = catalog.images().find(product.image().id()).orElseThrow().bytes();
      String qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
          new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(stored)))))).getText();
      assertThat(qr).isEqualTo("https://clouvel.example/p/" + product.id());
      assertThat(catalog.usage().totals().costMicros()).isGreaterThanOrEqualTo(80_000);
    }
    List<String> paths = requests.stream().map(r -> r.getMethod() + " " + r.getUrl().encodedPath()).toList();
    assertThat(paths).containsExactly("POST /api/v1/access_token", "GET /r/hiking/hot", "GET /comments/1h1k01",
        "POST /v1/chat/completions", "POST /v1/chat/completions", "POST /v1/images/generations");
    assertThat(body(requests.get(3))).contains("\"model\":\"gpt-4.1-mini\"", "comment_summary");
    assertThat(body(requests.get(4))).contains("Commenters admire the persistence");
    assertThat(body(requests.get(5))).contains("\"quality\":\"hd\"");
  }

  @Test
  void aMalformedIdeaFailsTheRunAtTheDesignStage() {
    fakeRedditAndOpenAi("{\"theme\":\"\",\"image_title\":\"x\",\"image_description\":\"y\"}");
    LiveProviders live = LiveProviders.fromEnvironment(env(), clock, new RecordingSleeper(clock));
    try (Clouvel clouvel = live.applyTo(Clouvel.builder()).clock(clock).ticker(new ManualTicker()).build()) {
      assertThatThrownBy(() -> clouvel.pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("hiking")),
          p -> { }))
          .isInstanceOfSatisfying(ai.clouvel.core.pipeline.PipelineException.class, e -> {
            assertThat(e.stage()).isEqualTo(Stage.PRODUCT_DESIGNED);
            assertThat(e.isTransient()).isFalse();
          });
    }
  }

  @Test
  void providersAreChosenOneByOne() {
    LiveProviders onlyOpenAi = LiveProviders.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-x-123456",
        "REDDIT_CLIENT_ID", " "), clock, new RecordingSleeper());
    assertThat(onlyOpenAi.describe()).containsEntry("ideas", "live").containsEntry("content", "demo")
        .containsEntry("publisher", "demo").containsEntry("community", "dry_run");
    assertThat(onlyOpenAi.reddit()).isEmpty();
    assertThat(onlyOpenAi.redditAccount()).isEmpty();
    Map<String, String> account = Map.of("REDDIT_CLIENT_ID", "a", "REDDIT_CLIENT_SECRET", "b",
        "REDDIT_USER_AGENT", "server:ai.clouvel:1 (by /u/c)", "REDDIT_USERNAME", "bot");
    assertThat(LiveProviders.fromEnvironment(account, clock, new RecordingSleeper()).redditAccount())
        .as("no password, no account").isEmpty();
    Map<String, String> withPassword = new java.util.HashMap<>(account);
    withPassword.put("REDDIT_PASSWORD", "pw-123");
    LiveProviders posting = LiveProviders.fromEnvironment(withPassword, clock, new RecordingSleeper());
    assertThat(posting.redditAccount()).isPresent();
    assertThat(posting.describe()).containsEntry("community", "live");
    assertThatThrownBy(() -> LiveProviders.fromEnvironment(Map.of("REDDIT_CLIENT_ID", "a", "REDDIT_CLIENT_SECRET", "b"),
        clock, new RecordingSleeper()).reddit()).hasMessageContaining("REDDIT_USER_AGENT");
  }
}
