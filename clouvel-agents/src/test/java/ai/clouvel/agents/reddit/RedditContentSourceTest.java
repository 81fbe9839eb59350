package ai.clouvel.agents.reddit;

import static ai.clouvel.agents.testing.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.agents.http.HttpSettings;
import ai.clouvel.agents.http.RetryPolicy;
import ai.clouvel.core.content.Comment;
import ai.clouvel.core.content.Listing;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.content.PostFilter;
import ai.clouvel.core.content.PostRejection;
import ai.clouvel.core.content.Subreddit;
import ai.clouvel.core.provider.BadResponseException;
import ai.clouvel.core.provider.ProviderRequestException;
import ai.clouvel.test.reddit.FakeReddit;
import ai.clouvel.test.time.MutableClock;
import ai.clouvel.test.time.RecordingSleeper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedditContentSourceTest {
  private static final String SECRET = "reddit-client-secret-987";

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final Map<String, ConcurrentLinkedQueue<Supplier<MockResponse>>> overrides = new ConcurrentHashMap<>();
  private final List<RecordedRequest> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<Instant> sentAt = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void routeLikeReddit() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        recorded.add(request);
        sentAt.add(clock.instant());
        String path = request.getUrl().encodedPath();
        ConcurrentLinkedQueue<Supplier<MockResponse>> queue = overrides.get(path);
        if (queue != null && !queue.isEmpty()) {
          return queue.poll().get();
        }
        return switch (path) {
          case "/api/v1/access_token" -> json(fixture("token.json"));
          case "/r/hiking/hot", "/r/hiking/top" -> json(fixture("hot.json"));
          case "/api/info" -> json(fixture(request.getUrl().queryParameter("id").equals("t3_1h1k01")
              ? "info.json" : "info-empty.json"));
          case "/comments/1h1k01" -> json(fixture("comments.json"));
          case "/r/hiking/about" -> json(fixture("about.json"));
          case "/r/nosuchplace/about" -> new MockResponse.Builder().code(404)
              .body("{\"message\": \"Not Found\", \"error\": 404}").build();
          default -> new MockResponse.Builder().code(404).body("{}").build();
        };
      }
    });
  }

  private RedditContentSource.Builder source() {
    return RedditContentSource.builder()
        .credentials("my-client-id", SECRET)
        .userAgent(RedditUserAgent.parse("java:ai.clouvel.test:1.0 (by /u/clouvel_bot)"))
        .baseUrl(server.url("/").toString())
        .clock(clock).sleeper(sleeper)
        .httpSettings(new HttpSettings(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(5),
            RetryPolicy.DEFAULT));
  }

  private void override(String path, Supplier<MockResponse> response) {
    overrides.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(response);
  }

  @Test
  void authenticatesApplicationOnlyThenReadsHotPosts() {
    List<Post> posts = source().build().posts("hiking", Listing.HOT, 25);

    assertThat(posts).extracting(Post::id).containsExactly("1h1k00", "1h1k01", "1h1k02");
    Post whitney = posts.get(1);
    assertThat(whitney.title()).isEqualTo("Finally reached the summit of Mount Whitney at sunrise");
    assertThat(whitney.text()).isEqualTo("Started at 1am from Whitney Portal &amp; kept going.");
    assertThat(whitney.permalink()).isEqualTo("https://www.reddit.com/r/hiking/comments/1h1k01/finally_reached_the_summit/");
    assertThat(whitney.score()).isEqualTo(4210);
    assertThat(whitney.commentCount()).isEqualTo(233);
    assertThat(whitney.createdAt()).isEqualTo(Instant.ofEpochMilli(1763967600500L));
    assertThat(posts.get(0).stickied()).isTrue();
    assertThat(posts.get(2).removed()).isTrue();
    assertThat(posts.get(2).nsfw()).isTrue();

    RecordedRequest token = recorded.get(0);
    assertThat(token.getMethod()).isEqualTo("POST");
    assertThat(token.getUrl().encodedPath()).isEqualTo("/api/v1/access_token");
    assertThat(token.getHeaders().get("Authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString(("my-client-id:" + SECRET).getBytes(StandardCharsets.UTF_8)));
    assertThat(body(token)).contains("grant_type=client_credentials");
    RecordedRequest listing = recorded.get(1);
    assertThat(listing.getHeaders().get("Authorization")).isEqualTo("bearer reddit-access-token-xyz");
    assertThat(listing.getHeaders().get("User-Agent")).isEqualTo("java:ai.clouvel.test:1.0 (by /u/clouvel_bot)");
    assertThat(listing.getUrl().queryParameter("limit")).isEqualTo("25");
    assertThat(listing.getUrl().queryParameter("raw_json")).isEqualTo("1");
  }

  @Test
  void theDesignFiltersApplyToRedditPosts() {
    MutableClock now = new MutableClock(Instant.ofEpochSecond(1763967600L + 3600));
    List<PostRejection> verdicts = source().build().posts("hiking", Listing.HOT, 25).stream()
        .map(post -> PostFilter.defaults().check(post, now).orElse(null)).toList();
    assertThat(verdicts).containsExactly(PostRejection.STICKIED, null, PostRejection.NSFW);
  }

  @Test
  void topListingsAskForTheirPeriod() {
    source().build().posts("hiking", Listing.TOP_WEEK, 10);
    RecordedRequest listing = recorded.get(1);
    assertThat(listing.getUrl().encodedPath()).isEqualTo("/r/hiking/top");
    assertThat(listing.getUrl().queryParameter("t")).isEqualTo("week");
  }

  @Test
  void findsAPostByIdOrUrlAndReportsMissingOnes() {
    RedditContentSource reddit = source().build();
    assertThat(reddit.post("https://www.reddit.com/r/hiking/comments/1h1k01/finally/")).map(Post::id).hasValue("1h1k01");
    assertThat(reddit.post("t3_1h1k01")).isPresent();
    assertThat(reddit.post("zzzzzz")).isEmpty();
    assertThat(reddit.post("not a post")).isEmpty();
    assertThat(recorded).filteredOn(r -> r.getUrl().encodedPath().equals("/api/v1/access_token")).hasSize(1);
  }

  @Test
  void readsTopCommentsWithoutModeratorsDeletionsOrMore() {
    List<Comment> comments = source().build().topComments("1h1k01", 10);
    assertThat(comments).extracting(Comment::author).containsExactly("ridge_runner", "packmule88");
    assertThat(comments.get(0).score()).isEqualTo(812);
    RecordedRequest request = recorded.get(1);
    assertThat(request.getUrl().queryParameter("sort")).isEqualTo("top");
    assertThat(request.getUrl().queryParameter("depth")).isEqualTo("1");
  }

  @Test
  void readsSubredditMetadataAndKnowsMissingOnes() {
    RedditContentSource reddit = source().build();
    assertThat(reddit.subreddit("hiking")).hasValue(new Subreddit("hiking", "Hiking", 2410000, false));
    assertThat(reddit.subreddit("nosuchplace")).isEmpty();
    assertThat(reddit.subreddit("../../etc")).isEmpty();
  }

  @Test
  void retriesRateLimitsAndServerErrorsWithBackoff() {
    override("/r/hiking/hot", () -> new MockResponse.Builder().code(429).addHeader("Retry-After", "5").body("{}").build());
    override("/r/hiking/hot", () -> new MockResponse.Builder().code(502).body("bad gateway").build());
    override("/r/hiking/hot", () -> new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("{}").build());
    assertThat(source().build().posts("hiking", Listing.HOT, 25)).hasSize(3);
    assertThat(recorded).filteredOn(r -> r.getUrl().encodedPath().equals("/r/hiking/hot")).hasSize(4);
    assertThat(sleeper.sleeps()).hasSize(3);
    assertThat(sleeper.sleeps().get(0)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void malformedJsonIsABadResponse() {
    override("/r/hiking/hot", () -> new MockResponse.Builder().body("{\"kind\": \"Listing\", \"data\": ").build());
    assertThatThrownBy(() -> source().build().posts("hiking", Listing.HOT, 25))
        .isInstanceOf(BadResponseException.class);
  }

  @Test
  void badCredentialsAreARefusedRequestWithoutTheSecret() {
    override("/api/v1/access_token", () -> new MockResponse.Builder().code(401)
        .body("{\"message\": \"Unauthorized " + SECRET + "\", \"error\": 401}").build());
    assertThatThrownBy(() -> source().build().posts("hiking", Listing.HOT, 25))
        .isInstanceOf(ProviderRequestException.class)
        .message().doesNotContain(SECRET);
  }

  @Test
  void neverSendsMoreThanTheBudgetInAMinute() {
    RedditContentSource reddit = source().requestsPerMinute(3).build();
    for (int i = 0; i < 5; i++) {
      reddit.posts("hiking", Listing.HOT, 5);
    }
    assertThat(recorded).hasSize(6);
    assertThat(sleeper.total()).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    List<Instant> sent = List.copyOf(sentAt);
    assertThat(sent).hasSize(6);
    for (int i = 3; i < sent.size(); i++) {
      assertThat(Duration.between(sent.get(i - 3), sent.get(i))).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    }
  }

  @Test
  void explainsTheUserAgentFormat() {
    assertThat(new RedditUserAgent("java", "ai.clouvel", "0.1.0", "clouvel").toString())
        .isEqualTo("java:ai.clouvel:0.1.0 (by /u/clouvel)");
    assertThatThrownBy(() -> RedditUserAgent.parse("Mozilla/5.0")).hasMessageContaining("(by /u/");
    assertThatThrownBy(() -> RedditContentSource.builder().userAgent(RedditUserAgent.parse("a:b:1 (by /u/c)")).build())
        .hasMessageContaining("REDDIT_CLIENT_ID");
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json; charset=UTF-8").body(body).build();
  }

  private static String fixture(String name) {
    return FakeReddit.fixture(name);
  }
}
