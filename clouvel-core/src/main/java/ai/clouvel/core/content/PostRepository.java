package ai.clouvel.core.content;

import java.util.Optional;

/** Stores the posts products are made from. */
public interface PostRepository {

  /**
   * Saves a post, replacing an older copy with the same id.
   *
   * @param post the post
   */
  void save(Post post);

  /**
   * Looks up a post.
   *
   * @param id base-36 post id
   * @return the post, or empty
   */
  Optional<Post> find(String id);

  /**
   * Tells whether a post is taken: a product was made from it, or a run has reserved it.
   *
   * @param postId base-36 post id
   * @return {@code true} if it is taken
   */
  boolean isIllustrated(String postId);

  /**
   * Reserves a post for a run, so that no other run illustrates it. The reservation is a unique
   * row: of two runs reserving one post at once, exactly one succeeds. A run reserves at most one
   * post; reserving again the post it already holds succeeds.
   *
   * @param postId the post
   * @param runId the run, for example a task id
   * @return {@code true} if the post is now reserved for this run
   */
  boolean reserve(String postId, String runId);

  /**
   * Reserves a post for a run as {@link #reserve(String, String)} does and, if the post is now the
   * run's, saves it as {@link #save(Post)} does. The default does the two one after the other; a
   * database store does both in one transaction (one write instead of two).
   *
   * @param post the post, as just fetched
   * @param runId the run, for example a task id
   * @return {@code true} if the post is now reserved for this run (and saved)
   */
  default boolean reserveAndSave(Post post, String runId) {
    if (!reserve(post.id(), runId)) {
      return false;
    }
    save(post);
    return true;
  }

  /**
   * Finds the post a run reserved.
   *
   * @param runId the run
   * @return the post id, or empty
   */
  Optional<String> reservation(String runId);

  /**
   * Frees the post a run reserved, when the run ends without a product (it failed, or was
   * cancelled), so that another run may illustrate it.
   *
   * @param runId the run
   */
  void release(String runId);
}
