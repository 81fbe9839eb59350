package ai.clouvel.core.content;

import java.time.Instant;
import java.util.Objects;

/**
 * A subreddit the content source suggests, with the metadata cached about it.
 *
 * @param name the subreddit name without {@code r/}, as the source spells it
 * @param title its display title, or {@code null} if the source cannot tell
 * @param subscribers how many members it has, or {@code null} if unknown
 * @param nsfw whether the whole subreddit is over-18
 * @param eligiblePosts how many of its current posts could become a product, or {@code null} if
 *     not counted
 * @param refreshedAt when this metadata was read from the source
 */
public record KnownSubreddit(String name, String title, Long subscribers, boolean nsfw, Integer eligiblePosts,
    Instant refreshedAt) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if the name or the refresh time is missing
   * @throws IllegalArgumentException if the name is blank
   */
  public KnownSubreddit {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(refreshedAt, "refreshedAt");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
  }
}
