package ai.clouvel.core.content;

import java.util.List;
import java.util.Optional;

/**
 * Where posts come from. The live implementation reads Reddit; the offline one serves bundled
 * sample posts. Only {@link #posts} and {@link #post} must be implemented.
 */
public interface ContentSource {

  /**
   * Lists posts of a subreddit, best first, without filtering them.
   *
   * @param subreddit the subreddit name without {@code r/}
   * @param listing which ranking to read
   * @param limit at most this many posts
   * @return the posts; empty if the subreddit has none or does not exist
   */
  List<Post> posts(String subreddit, Listing listing, int limit);

  /**
   * Looks up one post.
   *
   * @param postId base-36 post id (see {@link PostIds#normalize})
   * @return the post, or empty if there is no such post
   */
  Optional<Post> post(String postId);

  /**
   * Lists the top comments of a post, best first.
   *
   * @param postId base-36 post id
   * @param limit at most this many comments
   * @return the comments; empty by default
   */
  default List<Comment> topComments(String postId, int limit) {
    return List.of();
  }

  /**
   * Looks up a subreddit's metadata.
   *
   * @param name the subreddit name without {@code r/}
   * @return the subreddit, or empty if it does not exist (or the source cannot tell)
   */
  default Optional<Subreddit> subreddit(String name) {
    return Optional.empty();
  }

  /**
   * Names the subreddits this source suggests when a caller wants "any subreddit".
   *
   * @return subreddit names; empty when the source has no opinion
   */
  default List<String> suggestedSubreddits() {
    return List.of();
  }
}
