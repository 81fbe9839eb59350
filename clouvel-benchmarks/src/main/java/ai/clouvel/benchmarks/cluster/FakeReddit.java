package ai.clouvel.benchmarks.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer that answers like Reddit's API for the content source, with fresh posts in
 * every hot listing: the cluster's thousands of commissions never run out of posts nobody
 * illustrated yet (one post, one commission).
 */
final class FakeReddit implements AutoCloseable {
  private static final int PAGE = 25;

  private final MockWebServer server = new MockWebServer();
  private final AtomicLong posts = new AtomicLong(36L * 36 * 36 * 36 * 36);

  FakeReddit() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/api/v1/access_token")) {
          return json("{\"access_token\": \"cluster-token\", \"token_type\": \"bearer\", \"expires_in\": 86400,"
              + " \"scope\": \"*\"}");
        }
        String[] parts = path.split("/");
        if (parts.length == 4 && parts[1].equals("r") && parts[3].equals("hot")) {
          StringJoiner children = new StringJoiner(",");
          for (int i = 0; i < PAGE; i++) {
            children.add(post(Long.toString(posts.getAndIncrement(), 36), parts[2]));
          }
          return json("{\"kind\": \"Listing\", \"data\": {\"after\": null, \"before\": null, \"children\": ["
              + children + "]}}");
        }
        if (parts.length == 4 && parts[1].equals("r") && parts[3].equals("about")) {
          return json("{\"kind\": \"t5\", \"data\": {\"display_name\": \"" + parts[2] + "\", \"title\": \"" + parts[2]
              + "\", \"subscribers\": 120000, \"over18\": false, \"name\": \"t5_" + parts[2] + "\"}}");
        }
        if (parts.length == 3 && parts[1].equals("comments")) {
          return json("[{\"kind\": \"Listing\", \"data\": {\"children\": [" + post(parts[2], "sea") + "]}},"
              + " {\"kind\": \"Listing\", \"data\": {\"children\": ["
              + "{\"kind\": \"t1\", \"data\": {\"id\": \"c1\", \"author\": \"deckhand\", \"body\": \"That light is unreal.\","
              + " \"score\": 90, \"stickied\": false}},"
              + "{\"kind\": \"t1\", \"data\": {\"id\": \"c2\", \"author\": \"keeper\", \"body\": \"I climbed it once.\","
              + " \"score\": 40, \"stickied\": false}}]}}]");
        }
        return new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json")
            .body("{\"message\": \"Not Found\", \"error\": 404}").build();
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return server.url("/").toString();
  }

  private static String post(String id, String subreddit) {
    return "{\"kind\": \"t3\", \"data\": {\"id\": \"" + id + "\", \"name\": \"t3_" + id + "\", \"subreddit\": \""
        + subreddit + "\", \"title\": \"The lighthouse at the end of the pier number " + id + "\","
        + " \"selftext\": \"Taken at dusk after the storm.\", \"author\": \"sailor_" + id + "\","
        + " \"permalink\": \"/r/" + subreddit + "/comments/" + id + "/lighthouse/\", \"score\": 900,"
        + " \"num_comments\": 64, \"created_utc\": " + (Instant.now().getEpochSecond() - 3600) + ", \"over_18\": false,"
        + " \"stickied\": false, \"locked\": false, \"removed_by_category\": null, \"is_self\": true}}";
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Override
  public void close() {
    server.close();
  }
}
