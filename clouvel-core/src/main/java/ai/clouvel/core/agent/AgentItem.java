package ai.clouvel.core.agent;

import java.util.Objects;

/**
 * One thing an agent decides about: a post, a comment, or a new product to announce.
 *
 * @param id a stable id: Reddit's full name ({@code t3_abc} for a post, {@code t1_xyz} for a
 *     comment) or {@code product:42}
 * @param kind what it is
 * @param postId the post it belongs to (base-36), or empty for a product
 * @param subreddit the subreddit it is in, or where a product would be announced
 * @param author who wrote it, or empty
 * @param title the post's title or the product's title
 * @param text the post's or comment's text, or the product's description
 */
public record AgentItem(String id, Kind kind, String postId, String subreddit, String author, String title,
    String text) {

  /** What an item is. */
  public enum Kind {
    /** A post. */
    POST,
    /** A comment on a post. */
    COMMENT,
    /** A product not announced yet. */
    PRODUCT
  }

  /** Checks the fields. */
  public AgentItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subreddit, "subreddit");
    postId = postId == null ? "" : postId;
    author = author == null ? "" : author;
    title = title == null ? "" : title;
    text = text == null ? "" : text;
  }
}
