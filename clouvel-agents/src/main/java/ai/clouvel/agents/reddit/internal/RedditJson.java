package ai.clouvel.agents.reddit.internal;

import ai.clouvel.core.content.Comment;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.content.Subreddit;
import ai.clouvel.core.provider.BadResponseException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okio.Buffer;

/**
 * Reads Reddit's listing JSON into Clouvel's records. Reads by field name and tolerates missing
 * fields, so Reddit adding or dropping fields does not break it.
 */
public final class RedditJson {
  private static final String PROVIDER = "reddit";

  private RedditJson() {
  }

  /**
   * Parses any JSON document.
   *
   * @param json the text
   * @return maps, lists, strings, doubles, booleans and nulls
   */
  public static Object parse(String json) {
    try {
      Object value = JsonReader.of(new Buffer().writeUtf8(json)).readJsonValue();
      if (value == null) {
        throw new BadResponseException(PROVIDER, "empty JSON", null);
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadResponseException bad) {
        throw bad;
      }
      throw new BadResponseException(PROVIDER, "malformed JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the {@code data} of every child of a listing with the given kind.
   *
   * @param listing a {@code {"kind":"Listing","data":{"children":[...]}}} document
   * @param kind {@code "t3"} for posts, {@code "t1"} for comments
   * @return the children's data objects
   */
  public static List<Map<String, Object>> children(Object listing, String kind) {
    Map<String, Object> data = map(map(listing, "listing").get("data"), "listing data");
    Object children = data.get("children");
    if (!(children instanceof List<?> list)) {
      throw new BadResponseException(PROVIDER, "listing without children", null);
    }
    List<Map<String, Object>> result = new ArrayList<>();
    for (Object child : list) {
      Map<String, Object> thing = map(child, "listing child");
      if (kind.equals(thing.get("kind"))) {
        result.add(map(thing.get("data"), "listing child data"));
      }
    }
    return result;
  }

  /**
   * Reads a post.
   *
   * @param data a {@code t3} data object
   * @return the post
   */
  public static Post post(Map<String, Object> data) {
    String id = string(data, "id");
    String subreddit = string(data, "subreddit");
    String title = string(data, "title");
    if (id == null || subreddit == null || title == null) {
      throw new BadResponseException(PROVIDER, "post without id, subreddit or title", null);
    }
    String text = string(data, "selftext");
    String permalink = string(data, "permalink");
    boolean removed = data.get("removed_by_category") != null
        || "[removed]".equals(text) || "[deleted]".equals(text);
    return new Post(id, subreddit, title, removed ? "" : text, string(data, "author"),
        permalink == null ? null : "https://www.reddit.com" + permalink,
        (int) number(data, "score"), (int) number(data, "num_comments"),
        Instant.ofEpochMilli((long) (number(data, "created_utc") * 1000)),
        bool(data, "over_18"), bool(data, "stickied"), bool(data, "locked"), removed);
  }

  /**
   * Reads a comment, leaving out deleted, removed and moderator-pinned ones.
   *
   * @param data a {@code t1} data object
   * @return the comment, or empty if it should not count
   */
  public static Optional<Comment> comment(Map<String, Object> data) {
    String body = string(data, "body");
    String author = string(data, "author");
    if (body == null || body.isBlank() || "[deleted]".equals(body) || "[removed]".equals(body)
        || bool(data, "stickied") || "AutoModerator".equals(author)) {
      return Optional.empty();
    }
    return Optional.of(new Comment(string(data, "id"), author, body, (int) number(data, "score")));
  }

  /**
   * Reads a subreddit's {@code about} document.
   *
   * @param about the document
   * @return the subreddit, or empty if the document is not a subreddit ({@code t5})
   */
  public static Optional<Subreddit> subreddit(Object about) {
    Map<String, Object> thing = map(about, "about");
    if (!"t5".equals(thing.get("kind"))) {
      return Optional.empty();
    }
    Map<String, Object> data = map(thing.get("data"), "subreddit data");
    String name = string(data, "display_name");
    if (name == null) {
      return Optional.empty();
    }
    String title = string(data, "title");
    return Optional.of(new Subreddit(name, title == null ? name : title, (long) number(data, "subscribers"),
        bool(data, "over18")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String what) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new BadResponseException(PROVIDER, what + " is not an object", null);
  }

  private static String string(Map<String, Object> data, String key) {
    return data.get(key) instanceof String text ? text : null;
  }

  private static double number(Map<String, Object> data, String key) {
    return data.get(key) instanceof Number n ? n.doubleValue() : 0;
  }

  private static boolean bool(Map<String, Object> data, String key) {
    return Boolean.TRUE.equals(data.get(key));
  }
}
