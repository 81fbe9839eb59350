package ai.clouvel.core.idea;

import ai.clouvel.core.usage.Usage;
import java.util.Objects;

/**
 * A short summary of what a post's comments say.
 *
 * @param text the summary; empty when there were no comments
 * @param usage what producing it consumed
 */
public record CommentSummary(String text, Usage usage) {

  public CommentSummary {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(usage, "usage");
  }
}
