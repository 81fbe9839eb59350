package ai.clouvel.core.store;

import ai.clouvel.core.content.Post;
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
   * Tells whether a product was already made from a post.
   *
   * @param postId base-36 post id
   * @return {@code true} if some product refers to it
   */
  boolean isIllustrated(String postId);
}
