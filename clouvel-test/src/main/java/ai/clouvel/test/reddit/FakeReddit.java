package ai.clouvel.test.reddit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher that answers like Reddit's API as Clouvel's Reddit client (JRAW on
 * OkHttp) calls it: the OAuth token, r/hiking's hot listing and about page, post
 * {@code 1h1k01} with its comments (the bundled {@linkplain #fixture fixtures}), {@code /api/info},
 * and commenting. With {@link #freshPosts(boolean)}, every hot listing of any subreddit has new
 * posts, so that many runs never run out of posts nobody illustrated. Every request is recorded.
 * Thread-safe; configure before the calls start.
 *
 * <pre>{@code
 * server.setDispatcher(new FakeReddit().postedAt(clock.instant().minusSeconds(3600)));
 * env.put("REDDIT_BASE_URL", server.url("/").toString());
 * }</pre>
 */
public final class FakeReddit extends Dispatcher {
  /** The post the fixtures are about: "Finally reached the summit of Mount Whitney at sunrise". */
  public static final String POST_ID = "1h1k01";
  /** The subreddit of the fixtures. */
  public static final String SUBREDDIT = "hiking";
  /** The id of the comment {@code /api/comment} answers with. */
  public static final String COMMENT_NAME = "t1_e2ec0mm";
  /** The id of the post {@code /api/submit} answers with. */
  public static final String POST_NAME = "t3_e2ep0st";
  private static final int PAGE = 25;

  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong freshIds = new AtomicLong(36L * 36 * 36 * 36 * 36);
  private volatile Instant postedAt;
  private volatile boolean freshPosts;
  private volatile boolean rateLimitComments;

  /**
   * Makes every post and comment look written at an instant (the fixtures' own dates are
   * November 2026): Clouvel's post filter skips posts older than a day.
   *
   * @param instant when the posts were written
   * @return this fake
   */
  public FakeReddit postedAt(Instant instant) {
    this.postedAt = instant;
    return this;
  }

  /**
   * Serves a page of new posts, written an hour before now, for every hot listing of any
   * subreddit; comments and about pages are made up to match.
   *
   * @param fresh {@code true} for new posts on every listing
   * @return this fake
   */
  public FakeReddit freshPosts(boolean fresh) {
    this.freshPosts = fresh;
    return this;
  }

  /**
   * Answers comments and submissions with Reddit's {@code RATELIMIT} error from now on (or no
   * longer).
   *
   * @param limited {@code true} to refuse comments and submissions
   * @return this fake
   */
  public FakeReddit rateLimitComments(boolean limited) {
    this.rateLimitComments = limited;
    return this;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    String path = request.getUrl().encodedPath();
    String[] parts = path.split("/");
    if (freshPosts && parts.length == 4 && parts[1].equals("r") && parts[3].equals("hot")) {
      StringJoiner children = new StringJoiner(",");
      for (int i = 0; i < PAGE; i++) {
        children.add(freshPost(Long.toString(freshIds.getAndIncrement(), 36), parts[2]));
      }
      return json(200, "{\"kind\": \"Listing\", \"data\": {\"after\": null, \"before\": null, \"children\": ["
          + children + "]}}");
    }
    String body = switch (path) {
      case "/api/v1/access_token" -> fixture("token.json");
      case "/r/hiking/hot" -> fixture("hot.json");
      case "/r/hiking/about" -> fixture("about.json");
      case "/comments/1h1k01" -> fixture("comments.json");
      case "/api/info" -> ("t3_" + POST_ID).equals(request.getUrl().queryParameter("id"))
          ? fixture("info.json") : fixture("info-empty.json");
      case "/api/comment" -> rateLimitComments
          ? "{\"json\": {\"ratelimit\": 61.2, \"errors\": [[\"RATELIMIT\", \"Take a break\", \"ratelimit\"]]}}"
          : "{\"json\": {\"errors\": [], \"data\": {\"things\": [{\"kind\": \"t1\","
              + " \"data\": {\"name\": \"" + COMMENT_NAME + "\"}}]}}}";
      case "/api/submit" -> rateLimitComments
          ? "{\"json\": {\"ratelimit\": 61.2, \"errors\": [[\"RATELIMIT\", \"Take a break\", \"ratelimit\"]]}}"
          : "{\"json\": {\"errors\": [], \"data\": {\"id\": \"e2ep0st\", \"name\": \"" + POST_NAME + "\"}}}";
      default -> null;
    };
    if (body == null && freshPosts) {
      body = invented(parts);
    }
    if (body == null) {
      return json(404, "{\"message\": \"Not Found\", \"error\": 404}");
    }
    Instant at = postedAt;
    return json(200, at == null ? body
        : body.replaceAll("\"created_utc\": \\d+(\\.\\d+)?", "\"created_utc\": " + at.getEpochSecond()));
  }

  /**
   * Returns every request received, in order.
   *
   * @return the requests
   */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * Reads one of the bundled Reddit answers: {@code token.json}, {@code hot.json} (r/hiking),
   * {@code about.json}, {@code comments.json} (post {@code 1h1k01}), {@code info.json},
   * {@code info-empty.json}.
   *
   * @param name the file name
   * @return its JSON text
   */
  public static String fixture(String name) {
    try (InputStream in = FakeReddit.class.getResourceAsStream("/ai/clouvel/test/reddit/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no Reddit fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String invented(String[] parts) {
    if (parts.length == 4 && parts[1].equals("r") && parts[3].equals("about")) {
      return "{\"kind\": \"t5\", \"data\": {\"display_name\": \"" + parts[2] + "\", \"title\": \"" + parts[2]
          + "\", \"subscribers\": 120000, \"over18\": false, \"name\": \"t5_" + parts[2] + "\"}}";
    }
    if (parts.length == 3 && parts[1].equals("comments")) {
      return "[{\"kind\": \"Listing\", \"data\": {\"children\": [" + freshPost(parts[2], "sea") + "]}},"
          + " {\"kind\": \"Listing\", \"data\": {\"children\": ["
          + "{\"kind\": \"t1\", \"data\": {\"id\": \"c1\", \"author\": \"deckhand\", \"body\": \"That light is unreal.\","
          + " \"score\": 90, \"stickied\": false}},"
          + "{\"kind\": \"t1\", \"data\": {\"id\": \"c2\", \"author\": \"keeper\", \"body\": \"I climbed it once.\","
          + " \"score\": 40, \"stickied\": false}}]}}]";
    }
    return null;
  }

  private String freshPost(String id, String subreddit) {
    Instant at = postedAt;
    long created = at != null ? at.getEpochSecond() : Instant.now().getEpochSecond() - 3600;
    return "{\"kind\": \"t3\", \"data\": {\"id\": \"" + id + "\", \"name\": \"t3_" + id + "\", \"subreddit\": \""
        + subreddit + "\", \"title\": \"The lighthouse at the end of the pier number " + id + "\","
        + " \"selftext\": \"Taken at dusk after the storm.\", \"author\": \"sailor_" + id + "\","
        + " \"permalink\": \"/r/" + subreddit + "/comments/" + id + "/lighthouse/\", \"score\": 900,"
        + " \"num_comments\": 64, \"created_utc\": " + created + ", \"over_18\": false,"
        + " \"stickied\": false, \"locked\": false, \"removed_by_category\": null, \"is_self\": true}}";
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }
}
