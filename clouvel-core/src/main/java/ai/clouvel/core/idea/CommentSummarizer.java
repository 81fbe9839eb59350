package ai.clouvel.core.idea;

import ai.clouvel.core.content.Comment;
import ai.clouvel.core.content.Post;
import java.util.List;

/**
 * Summarises a post's comments before the idea is generated. The live implementation uses the
 * configured chat model; the offline one quotes the best comments.
 */
@FunctionalInterface
public interface CommentSummarizer {

  /**
   * Summarises comments.
   *
   * @param post the post the comments belong to
   * @param comments the top comments, best first; may be empty
   * @return the summary
   */
  CommentSummary summarize(Post post, List<Comment> comments);
}
