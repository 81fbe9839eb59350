package ai.clouvel.agents.http;

import static ai.clouvel.agents.testing.Responses.json;
import static ai.clouvel.agents.testing.Responses.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.provider.ContentRejectedException;
import ai.clouvel.core.provider.ProviderCall;
import ai.clouvel.core.provider.ProviderCallListener;
import ai.clouvel.core.provider.ProviderError;
import ai.clouvel.core.provider.ProviderRequestException;
import ai.clouvel.core.provider.ProviderResponse;
import ai.clouvel.core.provider.ProviderUnavailableException;
import ai.clouvel.core.provider.RateLimitedException;
import ai.clouvel.test.time.MutableClock;
import ai.clouvel.test.time.RecordingSleeper;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class ResilientHttpTest {
  private static final RandomGenerator NO_JITTER = () -> 0L;

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);

  private ResilientHttp.Builder http() {
    return ResilientHttp.builder("test").clock(clock).sleeper(sleeper).random(NO_JITTER)
        .settings(new HttpSettings(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(5),
            RetryPolicy.DEFAULT));
  }

  private Request get() {
    return new Request.Builder().url(server.url("/thing")).build();
  }

  @Test
  void returnsASuccessfulResponse() throws Exception {
    server.enqueue(json("{\"ok\":true}"));
    HttpResult result = http().build().call(get());
    assertThat(result.text()).isEqualTo("{\"ok\":true}");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/thing");
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void waitsAsLongAsRetryAfterSaysOn429() throws Exception {
    server.enqueue(status(429, "Retry-After", "7"));
    server.enqueue(json("{}"));
    http().build().call(get());
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void readsRetryAfterAsAnHttpDateAndAsMilliseconds() {
    String inNinetySeconds = DateTimeFormatter.RFC_1123_DATE_TIME
        .format(clock.instant().plusSeconds(30).atOffset(ZoneOffset.UTC));
    server.enqueue(status(503, "Retry-After", inNinetySeconds));
    server.enqueue(status(429, "retry-after-ms", "2500"));
    server.enqueue(json("{}"));
    http().build().call(get());
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofMillis(2500));
  }

  @Test
  void backsOffExponentiallyOn5xxThenGivesUp() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(503, "{\"error\":\"down\"}"));
    }
    assertThatThrownBy(() -> http().build().call(get()))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("HTTP 503 after 4 attempt(s)");
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void jitterTakesAwayUpToItsShareOfTheDelay() {
    server.enqueue(json(500, "{}"));
    server.enqueue(json("{}"));
    RandomGenerator maximal = () -> -1L;
    http().random(maximal).build().call(get());
    Duration slept = sleeper.sleeps().get(0);
    assertThat(slept).isBetween(Duration.ofMillis(500), Duration.ofMillis(501));
  }

  @Test
  void retriesATimeout() {
    server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("late").build());
    server.enqueue(json("{\"ok\":1}"));
    assertThat(http().build().call(get()).text()).isEqualTo("{\"ok\":1}");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.sleeps()).hasSize(1);
  }

  @Test
  void reportsTimeoutsAsUnavailableWhenRetriesRunOut() {
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("late").build());
    }
    ResilientHttp twoAttempts = http().settings(new HttpSettings(Duration.ofSeconds(2), Duration.ofMillis(200),
        Duration.ofSeconds(5), new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(5), 0, Duration.ofMinutes(1))))
        .build();
    assertThatThrownBy(() -> twoAttempts.call(get()))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("after 2 attempts");
  }

  @Test
  void doesNotRetryOtherClientErrors() {
    server.enqueue(json(400, "{\"error\":\"bad parameter\"}"));
    assertThatThrownBy(() -> http().build().call(get()))
        .isInstanceOfSatisfying(ProviderRequestException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps()).isEmpty();

    server.enqueue(json(404, "{}"));
    assertThat(http().build().exchange(get()).status()).isEqualTo(404);
  }

  @Test
  void everyAttemptIsHeardRetriedFailuresAsRetriedErrors() {
    List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    ProviderCallListener listener = new ProviderCallListener() {
      @Override
      public void onRequest(ProviderCall call) {
        heard.add("request " + call.attempt() + " " + call.operation() + " " + call.model());
      }

      @Override
      public void onResponse(ProviderResponse response) {
        heard.add("response " + response.call().attempt() + " after " + response.duration());
      }

      @Override
      public void onError(ProviderError error) {
        heard.add("error " + error.call().attempt() + " " + error.error().getClass().getSimpleName()
            + (error.retried() ? " retried" : " final"));
      }
    };
    server.enqueue(status(503, "Retry-After", "3"));
    server.enqueue(json("{}"));
    http().callListener(listener).build().call(get(), "model-x");
    assertThat(heard).containsExactly("request 1 GET /thing model-x", "error 1 ProviderUnavailableException retried",
        "request 2 GET /thing model-x", "response 2 after PT0S");

    heard.clear();
    server.enqueue(json(400, "{\"policy\":true}"));
    ResilientHttp classified = http().callListener(listener).errorClassifier((status, body) -> body.contains("policy")
        ? Optional.of(new ContentRejectedException("test", "nope")) : Optional.empty()).build();
    assertThatThrownBy(() -> classified.call(get())).isInstanceOf(ContentRejectedException.class);
    assertThat(heard).containsExactly("request 1 GET /thing null", "error 1 ContentRejectedException final");
  }

  @Test
  void closingLeavesAGivenClientOpenAndClosesItsOwn() {
    okhttp3.OkHttpClient given = new okhttp3.OkHttpClient();
    http().client(given).build().close();
    assertThat(given.dispatcher().executorService().isShutdown()).isFalse();
    given.dispatcher().executorService().shutdown();
  }

  @Test
  void theClassifierStopsRetriesOfContentErrors() {
    server.enqueue(json(400, "{\"policy\":true}"));
    ResilientHttp classified = http().errorClassifier((status, body) -> body.contains("policy")
        ? Optional.of(new ContentRejectedException("test", "nope")) : Optional.empty()).build();
    assertThatThrownBy(() -> classified.call(get())).isInstanceOf(ContentRejectedException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void givesUpAtOnceWhenAskedToWaitTooLong() {
    server.enqueue(status(429, "Retry-After", "3600"));
    assertThatThrownBy(() -> http().build().call(get()))
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.retryAfter()).hasValue(Duration.ofHours(1)));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void keepsSecretsOutOfErrorMessages() {
    server.enqueue(json(401, "{\"error\":\"invalid key sk-secret-123456\"}"));
    assertThatThrownBy(() -> http().redactor(Redactor.of("sk-secret-123456")).build().call(get()))
        .isInstanceOf(ProviderRequestException.class)
        .message().doesNotContain("sk-secret-123456").contains("***");
  }

  @Test
  void aPacerKeepsRequestsUnderTheLimit() throws Exception {
    RequestPacer pacer = new RequestPacer(3, Duration.ofMinutes(1), clock, sleeper);
    for (int i = 0; i < 4; i++) {
      server.enqueue(json("{}"));
    }
    ResilientHttp paced = http().pacer(pacer).build();
    for (int i = 0; i < 4; i++) {
      paced.call(get());
    }
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMinutes(1));
  }

  @Test
  void aPacerPausesWhenTheProviderSaysTheQuotaIsSpent() throws Exception {
    RequestPacer pacer = new RequestPacer(100, Duration.ofMinutes(1), clock, sleeper);
    server.enqueue(new MockResponse.Builder().addHeader("x-ratelimit-remaining", "0")
        .addHeader("x-ratelimit-reset", "42").body("{}").build());
    server.enqueue(json("{}"));
    ResilientHttp paced = http().pacer(pacer).build();
    paced.call(get());
    paced.call(get());
    assertThat(sleeper.sleeps()).isEqualTo(List.of(Duration.ofSeconds(42)));
  }
}
