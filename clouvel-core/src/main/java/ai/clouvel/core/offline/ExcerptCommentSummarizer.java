package ai.clouvel.core.offline;

import ai.clouvel.core.content.Comment;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.idea.CommentSummarizer;
import ai.clouvel.core.idea.CommentSummary;
import ai.clouvel.core.usage.Usage;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link CommentSummarizer} that needs no model: it quotes the first sentence of the best
 * comments.
 */
public final class ExcerptCommentSummarizer implements CommentSummarizer {
  private static final int QUOTED = 3;
  private static final int MAX_LENGTH = 140;

  /** Creates the summarizer. */
  public ExcerptCommentSummarizer() {
  }

  @Override
  public CommentSummary summarize(Post post, List<Comment> comments) {
    String text = comments.stream()
        .filter(c -> !c.body().isBlank())
        .limit(QUOTED)
        .map(c -> "u/" + c.author() + " said: " + firstSentence(c.body()))
        .collect(Collectors.joining(" "));
    return new CommentSummary(text, Usage.free("offline"));
  }

  private static String firstSentence(String body) {
    String flat = body.strip().replaceAll("\\s+", " ");
    int end = flat.indexOf(". ");
    String sentence = end > 0 ? flat.substring(0, end + 1) : flat;
    return sentence.length() > MAX_LENGTH ? sentence.substring(0, MAX_LENGTH - 1) + "…" : sentence;
  }
}
