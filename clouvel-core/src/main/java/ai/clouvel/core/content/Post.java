package ai.clouvel.core.content;

import java.time.Instant;
import java.util.Objects;

/**
 * A Reddit post, as far as Clouvel needs it.
 *
 * @param id base-36 post id without the {@code t3_} prefix, for example {@code "1abc2d"}
 * @param subreddit subreddit name without {@code r/}
 * @param title the post title
 * @param text the self text; empty for link posts
 * @param author the author's username, or {@code "[deleted]"}
 * @param permalink the full {@code https://www.reddit.com/r/...} address of the post
 * @param score the post's score
 * @param commentCount how many comments it has
 * @param createdAt when it was posted
 * @param nsfw whether it is marked over-18
 * @param stickied whether moderators pinned it
 * @param locked whether comments are locked
 * @param removed whether it was removed or deleted
 */
public record Post(
    String id,
    String subreddit,
    String title,
    String text,
    String author,
    String permalink,
    int score,
    int commentCount,
    Instant createdAt,
    boolean nsfw,
    boolean stickied,
    boolean locked,
    boolean removed) {

  public Post {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(subreddit, "subreddit");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(createdAt, "createdAt");
    text = text == null ? "" : text;
    author = author == null ? "[deleted]" : author;
    permalink = permalink == null
        ? "https://www.reddit.com/r/" + subreddit + "/comments/" + id + "/"
        : permalink;
  }
}
