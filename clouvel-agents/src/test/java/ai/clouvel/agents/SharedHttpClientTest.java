package ai.clouvel.agents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.agents.testing.Pngs;
import ai.clouvel.core.Clouvel;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.provider.ProviderCallListener;
import ai.clouvel.core.provider.ProviderResponse;
import ai.clouvel.core.store.InMemoryCatalogStore;
import ai.clouvel.test.openai.FakeOpenAi;
import ai.clouvel.test.reddit.FakeReddit;
import ai.clouvel.test.time.ManualTicker;
import ai.clouvel.test.time.MutableClock;
import ai.clouvel.test.fakes.RecordingCallListener;
import ai.clouvel.test.time.RecordingSleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Every live provider shares one OkHttp client, closed with the providers' bundle unless it is the
 * caller's; every model call and every HTTP attempt is heard by a listener.
 */
class SharedHttpClientTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final MutableClock clock = new MutableClock(java.time.Instant.ofEpochSecond(1763967600L + 3600));
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final RecordingCallListener modelCalls = new RecordingCallListener();
  private final RecordingCallListener httpCalls = new RecordingCallListener();

  private void fakeProviders() {
    FakeReddit reddit = new FakeReddit();
    FakeOpenAi openAi = new FakeOpenAi().png(Pngs.painting("shared"));
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        String path = request.getUrl().encodedPath();
        if (path.equals("/v1/images/generations")) {
          clock.advance(Duration.ofSeconds(12)); // the painting takes a while, on the injected clock
        }
        if (path.startsWith("/v1/")) {
          return openAi.dispatch(request);
        }
        if (path.equals("/3/image") || path.equals("/ping")) {
          return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(path.equals("/ping")
              ? "{}" : "{\"data\":{\"id\":\"sHaReD1\",\"link\":\"https://i.imgur.com/sHaReD1.png\"},"
              + "\"success\":true,\"status\":200}").build();
        }
        return reddit.dispatch(request);
      }
    });
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("OPENAI_API_KEY", "sk-shared-test-123456");
    env.put("OPENAI_BASE_URL", server.url("/v1").toString());
    env.put("OPENAI_IDEA_MODEL", "gpt-4o-mini");
    env.put("REDDIT_CLIENT_ID", "cid");
    env.put("REDDIT_CLIENT_SECRET", "csecret-456");
    env.put("REDDIT_USER_AGENT", "server:ai.clouvel.test:1.0 (by /u/tester)");
    env.put("REDDIT_BASE_URL", server.url("/").toString());
    env.put("REDDIT_SUBREDDITS", "hiking");
    env.put("IMGUR_CLIENT_ID", "imgur-client-789");
    env.put("IMGUR_BASE_URL", server.url("/").toString());
    return env;
  }

  @Test
  void everyProviderTalksOverOneConnectionAndClosingStopsTheClientsThreads() throws Exception {
    fakeProviders();
    LiveProviders live = LiveProviders.fromEnvironment(env(), clock, new RecordingSleeper(clock), httpCalls);
    InMemoryCatalogStore catalog = new InMemoryCatalogStore(clock);
    try (Clouvel clouvel = live.applyTo(Clouvel.builder()).clock(clock).ticker(new ManualTicker())
        .callListener(modelCalls).build(catalog)) {
      clouvel.pipeline().run(new PipelineRequest(PostSelection.anySubreddit(), ImageQuality.HD, "print", ""),
          p -> { });
    }
    // Reddit (JRAW), OpenAI and Imgur, one after another, on one pooled connection.
    assertThat(requests).extracting(r -> r.getUrl().encodedPath()).contains("/api/v1/access_token",
        "/v1/chat/completions", "/v1/images/generations", "/3/image");
    assertThat(requests).extracting(RecordedRequest::getConnectionIndex).containsOnly(0);
    OkHttpClient shared = live.httpClient();
    assertThat(shared.connectionPool().connectionCount()).isEqualTo(1);

    // An embedder's asynchronous call starts the shared dispatcher's thread.
    CountDownLatch answered = new CountDownLatch(1);
    shared.newCall(new Request.Builder().url(server.url("/ping")).build()).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        answered.countDown();
      }

      @Override
      public void onResponse(Call call, Response response) {
        response.close();
        answered.countDown();
      }
    });
    assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(dispatcherThreads()).isNotEmpty();

    live.close();

    assertThat(shared.dispatcher().executorService().awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    for (Thread thread : dispatcherThreads()) {
      thread.join(10_000);
    }
    assertThat(dispatcherThreads()).isEmpty();
    assertThat(shared.connectionPool().connectionCount()).isZero();
  }

  @Test
  void modelCallsCarryUsageAndCostWhileHttpAttemptsCarryProviderAndDuration() {
    fakeProviders();
    InMemoryCatalogStore catalog = new InMemoryCatalogStore(clock);
    try (LiveProviders live = LiveProviders.fromEnvironment(env(), clock, new RecordingSleeper(clock),
            httpCalls);
         Clouvel clouvel = live.applyTo(Clouvel.builder()).clock(clock).ticker(new ManualTicker())
             .callListener(modelCalls).build(catalog)) {
      clouvel.pipeline().run(new PipelineRequest(PostSelection.anySubreddit(), ImageQuality.HD, "print", ""),
          p -> { });
    }
    List<ProviderResponse> models = modelCalls.responses();
    assertThat(models).extracting(r -> r.call().operation()).containsExactly("summary", "idea", "image");
    assertThat(models).extracting(r -> r.call().model()).containsExactly("gpt-4o-mini", "gpt-4o-mini", "dall-e-3");
    ProviderResponse image = models.get(2);
    assertThat(image.call().provider()).isEqualTo("OpenAiImageGenerator");
    assertThat(image.usage().costMicros()).isEqualTo(80_000);
    assertThat(image.costCents()).isEqualTo(8);
    assertThat(image.duration()).isEqualTo(Duration.ofSeconds(12));
    assertThat(catalog.usage().totals().costMicros())
        .isEqualTo(models.stream().mapToLong(r -> r.usage().costMicros()).sum());

    List<ProviderResponse> http = httpCalls.responses();
    assertThat(http).extracting(r -> r.call().provider()).contains("reddit", "openai", "imgur");
    assertThat(http).extracting(r -> r.call().operation()).contains("POST /v1/images/generations", "POST /3/image",
        "GET /r/hiking/hot");
    ProviderResponse imageHttp = http.stream().filter(r -> r.call().operation().endsWith("/images/generations"))
        .findFirst().orElseThrow();
    assertThat(imageHttp.call().model()).isEqualTo("dall-e-3");
    assertThat(imageHttp.call().attempt()).isEqualTo(1);
    assertThat(imageHttp.duration()).isEqualTo(Duration.ofSeconds(12));
    assertThat(imageHttp.usage().costMicros()).as("cost is reported once, on the model call").isZero();
    assertThat(httpCalls.requests()).hasSameSizeAs(http);
    assertThat(List.of(httpCalls.requests(), httpCalls.responses(), httpCalls.errors()).toString()).doesNotContain("sk-shared-test-123456", "csecret-456", "imgur-client-789");
  }

  @Test
  void aClientGivenByTheCallerIsSharedButLeftOpen() {
    fakeProviders();
    OkHttpClient mine = new OkHttpClient();
    try {
      LiveProviders live = LiveProviders.fromEnvironment(env(), clock, new RecordingSleeper(clock),
          ProviderCallListener.NONE, mine);
      assertThat(live.reddit().orElseThrow().posts("hiking", ai.clouvel.core.content.Listing.HOT, 5)).isNotEmpty();
      assertThat(mine.connectionPool().connectionCount()).as("the providers used the caller's pool").isEqualTo(1);
      live.close();
      assertThat(mine.dispatcher().executorService().isShutdown()).isFalse();
      assertThat(mine.connectionPool().connectionCount()).isEqualTo(1);
    } finally {
      mine.dispatcher().executorService().shutdown();
      mine.connectionPool().evictAll();
    }
  }

  /**
   * The threads of OkHttp dispatchers: idle ones are named "OkHttp Dispatcher", busy ones after
   * their call's URL. (OkHttp's task runner threads, which close idle connections, are shared by
   * every client in the JVM and end on their own after a minute idle; they are not the client's.)
   */
  private static List<Thread> dispatcherThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .filter(t -> t.getName().equals("OkHttp Dispatcher") || t.getName().startsWith("OkHttp http")).toList();
  }


}
