package ai.clouvel.core.idea;

import ai.clouvel.core.content.Post;
import java.util.Objects;

/**
 * The input of an {@link IdeaGenerator}.
 *
 * @param post the post to draw the idea from
 * @param commentSummary what the comments say, in a few sentences; may be empty
 * @param commissionMessage the commissioner's wish, for example "make it beautiful"; may be empty
 */
public record IdeaRequest(Post post, String commentSummary, String commissionMessage) {

  public IdeaRequest {
    Objects.requireNonNull(post, "post");
    commentSummary = commentSummary == null ? "" : commentSummary;
    commissionMessage = commissionMessage == null ? "" : commissionMessage;
  }
}
