package ai.clouvel.core.agent;

/**
 * Posts to Reddit on Clouvel's behalf: comments, replies and posts. Needs a user account; the
 * agents only call it in live runs. There is deliberately no way to vote. Refusals are thrown as
 * {@link ai.clouvel.core.provider.ProviderException}s: a
 * {@link ai.clouvel.core.provider.RateLimitedException} for Reddit's rate limit, a
 * {@link ai.clouvel.core.provider.ProviderRequestException} for a locked thread or a deleted post.
 * The live implementation is {@code RedditCommunityPublisher} in {@code clouvel-agents};
 * {@link ai.clouvel.core.offline.OfflineCommunityPublisher} keeps everything in memory.
 */
public interface CommunityPublisher {

  /**
   * Comments on a post.
   *
   * @param postId base-36 post id or a post URL
   * @param text the comment
   * @return the new comment's full name, for example {@code t1_abc}
   */
  String comment(String postId, String text);

  /**
   * Replies to a post or a comment.
   *
   * @param parentId the parent's full name: {@code t3_...} for a post, {@code t1_...} for a comment
   * @param text the reply
   * @return the new comment's full name
   */
  String reply(String parentId, String text);

  /**
   * Submits a link post.
   *
   * @param subreddit where to post
   * @param title the title
   * @param url the link
   * @return the new post's full name, for example {@code t3_abc}
   */
  String submit(String subreddit, String title, String url);

  /**
   * Submits a post that shows an image: a link post to the image's address, which Reddit shows
   * as the image.
   *
   * @param subreddit where to post
   * @param title the title
   * @param imageUrl the image's public address
   * @return the new post's full name
   */
  String submitImage(String subreddit, String title, String imageUrl);

  /**
   * Returns the account's user name, so that agents skip what they posted themselves.
   *
   * @return the name without {@code u/}, or empty if unknown
   */
  default java.util.Optional<String> account() {
    return java.util.Optional.empty();
  }
}
