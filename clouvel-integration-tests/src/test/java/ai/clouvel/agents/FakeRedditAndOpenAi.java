package ai.clouvel.agents;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * MockWebServers standing in for Reddit and OpenAI as the live clients talk to them. Reddit serves
 * the posts a test adds, per subreddit, and creates comments and posts with fresh ids; a test may
 * queue refusals. OpenAI decides by the item's words: {@code SCORE=n} in a title is the promoter's
 * rating, "new here" earns a welcome, a question mark a reply, a product an announcement.
 */
final class FakeRedditAndOpenAi implements AutoCloseable {
  final MockWebServer reddit = new MockWebServer();
  final MockWebServer openAi = new MockWebServer();
  final List<RecordedRequest> redditRequests = new CopyOnWriteArrayList<>();
  final List<RecordedRequest> openAiRequests = new CopyOnWriteArrayList<>();
  final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
  private final Map<String, List<String>> posts = new ConcurrentHashMap<>();
  private final Map<String, List<String>> comments = new ConcurrentHashMap<>();
  private final Map<String, Boolean> nsfw = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Supplier<Instant> now;

  FakeRedditAndOpenAi(Supplier<Instant> now) throws IOException {
    this.now = now;
    reddit.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        redditRequests.add(request);
        return redditAnswer(request);
      }
    });
    openAi.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        openAiRequests.add(request);
        return openAiAnswer(request);
      }
    });
    reddit.start();
    openAi.start();
  }

  /** Adds a subreddit that exists. */
  void subreddit(String name, boolean over18) {
    nsfw.put(name.toLowerCase(), over18);
    posts.putIfAbsent(name.toLowerCase(), new CopyOnWriteArrayList<>());
  }

  /** Adds a post, newest first. */
  void post(String subreddit, String id, String author, String title, String text) {
    subreddit(subreddit, nsfw.getOrDefault(subreddit.toLowerCase(), false));
    long created = now.get().minusSeconds(3600).getEpochSecond();
    posts.get(subreddit.toLowerCase()).add(0, "{\"kind\": \"t3\", \"data\": {\"id\": \"" + id + "\", \"subreddit\": \""
        + subreddit + "\", \"title\": \"" + title + "\", \"selftext\": \"" + text + "\", \"author\": \"" + author
        + "\", \"score\": 500, \"num_comments\": 40, \"created_utc\": " + created + ", \"over_18\": false,"
        + " \"stickied\": false, \"locked\": false, \"permalink\": \"/r/" + subreddit + "/comments/" + id + "/x/\"}}");
  }

  /** Adds a comment to a post. */
  void comment(String postId, String id, String author, String body) {
    comments.computeIfAbsent(postId, k -> new CopyOnWriteArrayList<>()).add("{\"kind\": \"t1\", \"data\": {\"id\": \""
        + id + "\", \"author\": \"" + author + "\", \"body\": \"" + body + "\", \"score\": 10}}");
  }

  /** The forms of the POSTs Reddit received on a path, in order. */
  List<Map<String, String>> posted(String path) {
    List<Map<String, String>> forms = new ArrayList<>();
    for (RecordedRequest r : redditRequests) {
      if (r.getMethod().equals("POST") && r.getUrl().encodedPath().equals(path)) {
        forms.add(form(r.getBody().string(StandardCharsets.UTF_8)));
      }
    }
    return forms;
  }

  /** How many GETs Reddit received on a path. */
  long gets(String path) {
    return redditRequests.stream().filter(r -> r.getMethod().equals("GET") && r.getUrl().encodedPath().equals(path))
        .count();
  }

  private MockResponse redditAnswer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/api/v1/access_token")) {
      return json(200, "{\"access_token\": \"t0ken\", \"token_type\": \"bearer\", \"expires_in\": 3600, \"scope\": \"*\"}");
    }
    if (path.equals("/api/comment") || path.equals("/api/submit")) {
      String refusal = refusals.poll();
      if (refusal != null) {
        return json(200, refusal);
      }
      String id = "n" + ids.incrementAndGet();
      return path.equals("/api/comment")
          ? json(200, "{\"json\": {\"errors\": [], \"data\": {\"things\": [{\"kind\": \"t1\", \"data\": {\"name\":"
              + " \"t1_" + id + "\"}}]}}}")
          : json(200, "{\"json\": {\"errors\": [], \"data\": {\"id\": \"" + id + "\", \"name\": \"t3_" + id + "\"}}}");
    }
    Matcher listing = Pattern.compile("/r/([A-Za-z0-9_]+)/(new|hot|about)").matcher(path);
    if (listing.matches()) {
      String sub = listing.group(1).toLowerCase();
      if (!posts.containsKey(sub)) {
        return json(404, "{\"message\": \"Not Found\", \"error\": 404}");
      }
      if (listing.group(2).equals("about")) {
        return json(200, "{\"kind\": \"t5\", \"data\": {\"display_name\": \"" + listing.group(1) + "\", \"title\": \"x\","
            + " \"subscribers\": 1000, \"over18\": " + nsfw.get(sub) + "}}");
      }
      return json(200, listingJson(posts.get(sub)));
    }
    Matcher thread = Pattern.compile("/comments/([a-z0-9]+)").matcher(path);
    if (thread.matches()) {
      return json(200, "[" + listingJson(List.of()) + ", "
          + listingJson(comments.getOrDefault(thread.group(1), List.of())) + "]");
    }
    return json(404, "{\"message\": \"Not Found\", \"error\": 404}");
  }

  private MockResponse openAiAnswer(RecordedRequest request) {
    String sent = request.getBody().string(StandardCharsets.UTF_8);
    String user = sent.substring(sent.lastIndexOf("Allowed actions"));
    String action = "nothing";
    String text = "";
    double score = 0;
    Matcher scored = Pattern.compile("SCORE=(\\d+)").matcher(user);
    if (user.startsWith("Allowed actions: promote")) {
      score = scored.find() ? Integer.parseInt(scored.group(1)) : 1;
      action = score >= 5 ? "promote" : "nothing";
      text = action.equals("promote") ? "We could paint this one!" : "";
    } else if (user.contains("announce")) {
      action = "announce";
      text = "New print: a summit at dawn";
    } else if (user.contains("Item: a post") && user.contains("new here") && user.contains("welcome")) {
      action = "welcome";
      text = "Welcome to r/clouvel!";
    } else if (user.contains("?") && user.contains("reply")) {
      action = "reply";
      text = "Commissions take minutes and failed ones are refunded.";
    }
    String content = "{\"action\": \"" + action + "\", \"reason\": \"because " + action + "\", \"text\": \"" + text
        + "\", \"score\": " + score + ", \"idea\": \"A print\"}";
    return json(200, "{\"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": "
        + quote(content) + "}}], \"usage\": {\"prompt_tokens\": 1000, \"completion_tokens\": 200}}");
  }

  private static String listingJson(List<String> children) {
    return "{\"kind\": \"Listing\", \"data\": {\"children\": [" + String.join(", ", children) + "]}}";
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  @Override
  public void close() {
    reddit.close();
    openAi.close();
  }
}
