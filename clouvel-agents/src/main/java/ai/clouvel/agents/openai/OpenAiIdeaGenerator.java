package ai.clouvel.agents.openai;

import ai.clouvel.agents.openai.internal.OpenAiJson;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.idea.GeneratedIdea;
import ai.clouvel.core.idea.IdeaGenerator;
import ai.clouvel.core.idea.IdeaRequest;
import ai.clouvel.core.idea.ProductIdea;
import ai.clouvel.core.provider.BadResponseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link IdeaGenerator} that asks an OpenAI chat model for a product idea as structured JSON
 * ({@code theme}, {@code image_title}, {@code image_description}), never by parsing lines.
 */
public final class OpenAiIdeaGenerator implements IdeaGenerator {
  /** The version of the prompt below; stored on every product it makes. */
  public static final String PROMPT_VERSION = "openai-idea-v1";

  static final String SYSTEM_PROMPT = """
      You design wall art for print-on-demand products from Reddit posts. From the post, what its \
      commenters say, and the wish of the person commissioning it, propose one product idea: a \
      short theme (at most six words), a title for the artwork (at most eight words), and a \
      vivid, concrete description of a single image to paint (60 to 120 words). The image must \
      contain no text, letters, logos, watermarks or likenesses of real people, and must suit a \
      framed print. Capture the feeling of the post, not a literal screenshot of it.""";

  static final Map<String, Object> SCHEMA = Map.of(
      "type", "object",
      "properties", Map.of(
          "theme", Map.of("type", "string"),
          "image_title", Map.of("type", "string"),
          "image_description", Map.of("type", "string")),
      "required", List.of("theme", "image_title", "image_description"),
      "additionalProperties", false);

  private static final int MAX_TEXT = 2_000;

  private final OpenAiClient client;
  private final String model;

  /**
   * Creates the generator.
   *
   * @param client the OpenAI client
   * @param model the chat model, for example {@code gpt-4o-mini}; must be priced
   */
  public OpenAiIdeaGenerator(OpenAiClient client, String model) {
    this.client = Objects.requireNonNull(client, "client");
    this.model = Objects.requireNonNull(model, "model");
    if (!client.pricing().coversChat(model)) {
      throw new IllegalArgumentException("no price for chat model " + model + "; add it to the pricing");
    }
  }

  @Override
  public GeneratedIdea generate(IdeaRequest request) {
    OpenAiClient.ChatAnswer<OpenAiJson.IdeaAnswer> answer = client.chatJson(model, SYSTEM_PROMPT,
        userPrompt(request), "product_idea", SCHEMA, OpenAiJson.IdeaAnswer.class);
    OpenAiJson.IdeaAnswer idea = answer.answer();
    try {
      return new GeneratedIdea(new ProductIdea(idea.theme(), idea.imageTitle(), idea.imageDescription()),
          PROMPT_VERSION, answer.usage());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BadResponseException(OpenAiClient.PROVIDER, "incomplete product idea: " + e.getMessage(), e);
    }
  }

  static String userPrompt(IdeaRequest request) {
    Post post = request.post();
    StringBuilder prompt = new StringBuilder()
        .append("Subreddit: r/").append(post.subreddit()).append('\n')
        .append("Title: ").append(post.title()).append('\n');
    if (!post.text().isBlank()) {
      prompt.append("Text: ").append(truncate(post.text())).append('\n');
    }
    if (!request.commentSummary().isBlank()) {
      prompt.append("What the comments say: ").append(truncate(request.commentSummary())).append('\n');
    }
    if (!request.commissionMessage().isBlank()) {
      prompt.append("The commissioner's wish: ").append(truncate(request.commissionMessage())).append('\n');
    }
    return prompt.toString();
  }

  private static String truncate(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
  }
}
