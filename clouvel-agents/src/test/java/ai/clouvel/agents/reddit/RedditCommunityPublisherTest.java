package ai.clouvel.agents.reddit;

import static ai.clouvel.agents.testing.Responses.body;
import static ai.clouvel.agents.testing.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.agents.http.HttpSettings;
import ai.clouvel.agents.http.RetryPolicy;
import ai.clouvel.core.provider.BadResponseException;
import ai.clouvel.core.provider.ProviderRequestException;
import ai.clouvel.core.provider.ProviderUnavailableException;
import ai.clouvel.core.provider.RateLimitedException;
import ai.clouvel.test.time.MutableClock;
import ai.clouvel.test.time.RecordingSleeper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedditCommunityPublisherTest {
  private static final String SECRET = "reddit-client-secret-987";
  private static final String PASSWORD = "hunter2-but-longer";

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<MockResponse> postAnswers = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void routeLikeReddit() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        recorded.add(request);
        String path = request.getUrl().encodedPath();
        if (path.equals("/api/v1/access_token")) {
          return json("{\"access_token\": \"user-token-abc\", \"token_type\": \"bearer\", \"expires_in\": 3600,"
              + " \"scope\": \"*\"}");
        }
        MockResponse queued = postAnswers.poll();
        if (queued != null) {
          return queued;
        }
        return switch (path) {
          case "/api/comment" -> json("{\"json\": {\"errors\": [], \"data\": {\"things\": [{\"kind\": \"t1\","
              + " \"data\": {\"name\": \"t1_c0mm3nt\", \"id\": \"c0mm3nt\"}}]}}}");
          case "/api/submit" -> json("{\"json\": {\"errors\": [], \"data\": {\"url\": \"https://www.reddit.com/r/"
              + "hiking/comments/abc123/\", \"id\": \"abc123\", \"name\": \"t3_abc123\"}}}");
          default -> json(404, "{}");
        };
      }
    });
  }

  private RedditCommunityPublisher publisher() {
    return RedditContentSource.builder()
        .credentials("my-client-id", SECRET)
        .userAgent(RedditUserAgent.parse("java:ai.clouvel.test:1.0 (by /u/clouvel_bot)"))
        .baseUrl(server.url("/").toString())
        .clock(clock).sleeper(new RecordingSleeper(clock))
        .httpSettings(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
            RetryPolicy.DEFAULT))
        .buildCommunityPublisher("clouvel_bot", PASSWORD);
  }

  @Test
  void logsInAsTheAccountAndCommentsOnThePost() {
    String created = publisher().comment("https://www.reddit.com/r/hiking/comments/1h1k01/whitney/",
        "We made a mug from this post!");

    assertThat(created).isEqualTo("t1_c0mm3nt");
    RecordedRequest token = recorded.get(0);
    assertThat(form(token)).containsEntry("grant_type", "password").containsEntry("username", "clouvel_bot")
        .containsEntry("password", PASSWORD);
    RecordedRequest comment = recorded.get(1);
    assertThat(comment.getMethod()).isEqualTo("POST");
    assertThat(comment.getUrl().encodedPath()).isEqualTo("/api/comment");
    assertThat(comment.getHeaders().get("Authorization")).isEqualTo("bearer user-token-abc");
    assertThat(form(comment)).containsEntry("thing_id", "t3_1h1k01")
        .containsEntry("text", "We made a mug from this post!").containsEntry("api_type", "json");
  }

  @Test
  void submitsALinkPost() {
    RedditCommunityPublisher reddit = publisher();
    String created = reddit.submit("hiking", "A mug for Whitney at sunrise", "https://example.com/p/42");

    assertThat(created).isEqualTo("t3_abc123");
    RecordedRequest submit = recorded.get(1);
    assertThat(submit.getUrl().encodedPath()).isEqualTo("/api/submit");
    assertThat(form(submit)).containsEntry("sr", "hiking").containsEntry("kind", "link")
        .containsEntry("title", "A mug for Whitney at sunrise").containsEntry("url", "https://example.com/p/42");
    reddit.comment("1h1k01", "second post, same token");
    assertThat(recorded).filteredOn(r -> r.getUrl().encodedPath().equals("/api/v1/access_token")).hasSize(1);
  }

  @Test
  void repliesToCommentsAndPostsTheImageAsALinkPost() {
    RedditCommunityPublisher reddit = publisher();
    assertThat(reddit.reply("t1_abc9", "Thanks!")).isEqualTo("t1_c0mm3nt");
    assertThat(form(recorded.get(1))).containsEntry("thing_id", "t1_abc9").containsEntry("text", "Thanks!");
    assertThat(reddit.submitImage("clouvel", "Whitney at Dawn", "https://img.test/a.png")).isEqualTo("t3_abc123");
    assertThat(form(recorded.get(2))).containsEntry("sr", "clouvel").containsEntry("kind", "link")
        .containsEntry("url", "https://img.test/a.png");
    assertThatThrownBy(() -> reddit.reply("abc9", "no prefix")).isInstanceOf(IllegalArgumentException.class);
    assertThat(recorded).noneMatch(r -> r.getUrl().encodedPath().contains("vote"));
  }

  @Test
  void redditsRateLimitIsATypedFailureWithItsWait() {
    postAnswers.add(json("{\"json\": {\"ratelimit\": 540.5, \"errors\": [[\"RATELIMIT\", \"Take a break for 9"
        + " minutes before trying again.\", \"ratelimit\"]]}}"));
    assertThatThrownBy(() -> publisher().comment("1h1k01", "hello"))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.retryAfter()).hasValue(Duration.ofMillis(540_500));
          assertThat(e.isTransient()).isTrue();
        })
        .hasMessageContaining("540.5");
  }

  @Test
  void otherRefusalsAreRefusedRequests() {
    postAnswers.add(json("{\"json\": {\"errors\": [[\"THREAD_LOCKED\", \"that thread is locked\", \"parent\"]]}}"));
    assertThatThrownBy(() -> publisher().comment("1h1k01", "hello"))
        .isInstanceOfSatisfying(ProviderRequestException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessageContaining("THREAD_LOCKED");
  }

  @Test
  void anAnswerWithoutTheCreatedThingIsABadResponse() {
    postAnswers.add(json("{\"json\": {\"errors\": [], \"data\": {}}}"));
    assertThatThrownBy(() -> publisher().submit("hiking", "t", "https://example.com"))
        .isInstanceOf(BadResponseException.class);
  }

  @Test
  void thePasswordIsRedactedFromFailuresThatQuoteTheAnswer() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json(503, "{\"message\": \"overloaded while checking " + PASSWORD + "\"}");
      }
    });
    assertThatThrownBy(() -> publisher().comment("1h1k01", "hello"))
        .isInstanceOf(ProviderUnavailableException.class)
        .message().contains("HTTP 503", "overloaded while checking").doesNotContain(PASSWORD);
  }

  @Test
  void aWrongPasswordIsRefusedWithoutLeakingIt() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json(401, "{\"message\": \"Unauthorized for " + PASSWORD + "\", \"error\": 401}");
      }
    });
    assertThatThrownBy(() -> publisher().comment("1h1k01", "hello"))
        .isInstanceOf(ProviderRequestException.class)
        .message().doesNotContain(PASSWORD).doesNotContain(SECRET);
  }

  @Test
  void refusesBadInputBeforeAnyRequest() {
    assertThatThrownBy(() -> publisher().comment("not a post", "hello")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedditContentSource.builder().credentials("id", SECRET)
        .userAgent(RedditUserAgent.parse("a:b:1 (by /u/c)")).buildCommunityPublisher("bot", " "))
        .hasMessageContaining("REDDIT_PASSWORD");
    assertThat(recorded).isEmpty();
  }

  private static Map<String, String> form(RecordedRequest request) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body(request).split("&")) {
      int eq = pair.indexOf('=');
      fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }
}
