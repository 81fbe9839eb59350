package ai.clouvel.core.agent;

/**
 * Posts to a community on Clouvel's behalf, for example a Reddit comment on the post a product was
 * made from. Needs a user account; Clouvel never posts unless one is configured and a dry run is
 * not asked for.
 */
public interface CommunityPublisher {

  /**
   * Comments on a post.
   *
   * @param postId base-36 post id
   * @param text the comment
   * @return the new comment's id
   */
  String comment(String postId, String text);

  /**
   * Submits a link post.
   *
   * @param subreddit where to post
   * @param title the title
   * @param url the link
   * @return the new post's id
   */
  String submit(String subreddit, String title, String url);
}
