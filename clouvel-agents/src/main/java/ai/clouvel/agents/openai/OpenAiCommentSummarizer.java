package ai.clouvel.agents.openai;

import ai.clouvel.agents.openai.internal.OpenAiJson;
import ai.clouvel.core.content.Comment;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.idea.CommentSummarizer;
import ai.clouvel.core.idea.CommentSummary;
import ai.clouvel.core.usage.Usage;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link CommentSummarizer} that asks the configured OpenAI chat model (not a hard-coded one)
 * for a two- or three-sentence summary, as structured JSON. Posts without comments cost nothing.
 */
public final class OpenAiCommentSummarizer implements CommentSummarizer {
  static final String SYSTEM_PROMPT = """
      Summarise in two or three sentences what the commenters of a Reddit post say and feel about \
      it. Mention concrete images, jokes or details they bring up. Do not quote usernames.""";

  static final Map<String, Object> SCHEMA = Map.of(
      "type", "object",
      "properties", Map.of("summary", Map.of("type", "string")),
      "required", List.of("summary"),
      "additionalProperties", false);

  private static final int MAX_COMMENT = 500;

  private final OpenAiClient client;
  private final String model;

  /**
   * Creates the summarizer.
   *
   * @param client the OpenAI client
   * @param model the chat model; must be priced
   */
  public OpenAiCommentSummarizer(OpenAiClient client, String model) {
    this.client = Objects.requireNonNull(client, "client");
    this.model = Objects.requireNonNull(model, "model");
    if (!client.pricing().coversChat(model)) {
      throw new IllegalArgumentException("no price for chat model " + model + "; add it to the pricing");
    }
  }

  @Override
  public CommentSummary summarize(Post post, List<Comment> comments) {
    List<Comment> useful = comments.stream().filter(c -> !c.body().isBlank()).toList();
    if (useful.isEmpty()) {
      return new CommentSummary("", Usage.free(model));
    }
    StringBuilder prompt = new StringBuilder("Post: ").append(post.title()).append("\nComments:\n");
    for (Comment comment : useful) {
      String body = comment.body().replaceAll("\\s+", " ").strip();
      prompt.append("- (").append(comment.score()).append(" points) ")
          .append(body.length() <= MAX_COMMENT ? body : body.substring(0, MAX_COMMENT) + "…").append('\n');
    }
    OpenAiClient.ChatAnswer<OpenAiJson.SummaryAnswer> answer = client.chatJson(model, SYSTEM_PROMPT,
        prompt.toString(), "comment_summary", SCHEMA, OpenAiJson.SummaryAnswer.class);
    String summary = answer.answer().summary() == null ? "" : answer.answer().summary().strip();
    return new CommentSummary(summary, answer.usage());
  }
}
