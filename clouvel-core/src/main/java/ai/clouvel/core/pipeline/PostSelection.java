package ai.clouvel.core.pipeline;

import java.util.Objects;

/** Which post a pipeline run turns into a product. */
public sealed interface PostSelection {

  /**
   * Picks a good post from any of the suggested subreddits.
   *
   * @return the selection
   */
  static PostSelection anySubreddit() {
    return new AnySubreddit();
  }

  /**
   * Picks a good post from one subreddit.
   *
   * @param subreddit the subreddit name without {@code r/}
   * @return the selection
   */
  static PostSelection fromSubreddit(String subreddit) {
    return new FromSubreddit(subreddit);
  }

  /**
   * Uses one given post.
   *
   * @param postId base-36 post id
   * @return the selection
   */
  static PostSelection post(String postId) {
    return new SpecificPost(postId);
  }

  /** A good post from any suggested subreddit. */
  record AnySubreddit() implements PostSelection {
  }

  /**
   * A good post from one subreddit.
   *
   * @param subreddit the subreddit name without {@code r/}
   */
  record FromSubreddit(String subreddit) implements PostSelection {
    public FromSubreddit {
      Objects.requireNonNull(subreddit, "subreddit");
    }
  }

  /**
   * One given post; only its existence is checked, not the selection filters.
   *
   * @param postId base-36 post id
   */
  record SpecificPost(String postId) implements PostSelection {
    public SpecificPost {
      Objects.requireNonNull(postId, "postId");
    }
  }
}
