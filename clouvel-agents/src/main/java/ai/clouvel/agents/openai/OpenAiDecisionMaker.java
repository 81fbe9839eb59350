package ai.clouvel.agents.openai;

import ai.clouvel.agents.openai.internal.OpenAiJson;
import ai.clouvel.core.agent.ActionType;
import ai.clouvel.core.agent.AgentItem;
import ai.clouvel.core.agent.Decision;
import ai.clouvel.core.agent.DecisionMaker;
import ai.clouvel.core.agent.DecisionRequest;
import ai.clouvel.core.provider.BadResponseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link DecisionMaker} that asks an OpenAI chat model, with the persona's system prompt, for one
 * decision per item as strict JSON-schema output: {@code action} (one of the allowed ones),
 * {@code reason}, {@code text}, {@code score} and {@code idea}. An action outside the allowed ones
 * or a malformed answer is a {@link BadResponseException}.
 */
public final class OpenAiDecisionMaker implements DecisionMaker {
  /** The version of the prompt below. */
  public static final String PROMPT_VERSION = "openai-decision-v1";

  private static final int MAX_TEXT = 2_000;

  private final OpenAiClient client;
  private final String model;

  /**
   * Creates the decision maker.
   *
   * @param client the OpenAI client
   * @param model the chat model, for example {@code gpt-4o-mini}; must be priced
   */
  public OpenAiDecisionMaker(OpenAiClient client, String model) {
    this.client = Objects.requireNonNull(client, "client");
    this.model = Objects.requireNonNull(model, "model");
    if (!client.pricing().coversChat(model)) {
      throw new IllegalArgumentException("no price for chat model " + model + "; add it to the pricing");
    }
  }

  @Override
  public Decision decide(DecisionRequest request) {
    List<String> actions = request.allowed().stream().sorted().map(ActionType::wireName).toList();
    OpenAiClient.ChatAnswer<OpenAiJson.DecisionAnswer> answer = client.chatJson(model,
        request.persona().systemPrompt() + "\n\n" + RULES, userPrompt(request), "agent_decision", schema(actions),
        OpenAiJson.DecisionAnswer.class);
    OpenAiJson.DecisionAnswer d = answer.answer();
    ActionType action = d.action() == null ? null : ActionType.fromWire(d.action()).orElse(null);
    if (action == null || !request.allowed().contains(action)) {
      throw new BadResponseException(OpenAiClient.PROVIDER, "the model chose an action that is not allowed: "
          + d.action(), null);
    }
    try {
      return new Decision(action, d.reason(), d.text(), d.score() == null || d.score().isNaN() ? 0 : Math.max(0, Math.min(10, d.score())), d.idea(), answer.usage());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BadResponseException(OpenAiClient.PROVIDER, "incomplete decision: " + e.getMessage(), e);
    }
  }

  static final String RULES = """
      Decide what to do with the one Reddit item below: choose exactly one of the allowed actions, \
      give a one-sentence reason, and write the text to post (empty when the action is "nothing"). \
      Score the item from 0 to 10 for how good a print-on-demand art product it would make, and \
      suggest a product idea in one sentence (empty if none). Never ask for upvotes, never mention \
      votes, and prefer "nothing" when unsure.""";

  static Map<String, Object> schema(List<String> actions) {
    return Map.of(
        "type", "object",
        "properties", Map.of(
            "action", Map.of("type", "string", "enum", actions),
            "reason", Map.of("type", "string"),
            "text", Map.of("type", "string"),
            "score", Map.of("type", "number"),
            "idea", Map.of("type", "string")),
        "required", List.of("action", "reason", "text", "score", "idea"),
        "additionalProperties", false);
  }

  static String userPrompt(DecisionRequest request) {
    AgentItem item = request.item();
    StringBuilder prompt = new StringBuilder()
        .append("Allowed actions: ")
        .append(String.join(", ", request.allowed().stream().sorted().map(ActionType::wireName).toList()))
        .append('\n')
        .append("Item: a ").append(item.kind().name().toLowerCase(java.util.Locale.ROOT))
        .append(" in r/").append(item.subreddit()).append('\n');
    if (!item.author().isEmpty()) {
      prompt.append("Author: u/").append(item.author()).append('\n');
    }
    prompt.append("Title: ").append(truncate(item.title())).append('\n');
    if (!item.text().isBlank()) {
      prompt.append("Text: ").append(truncate(item.text())).append('\n');
    }
    if (!request.context().isBlank()) {
      prompt.append("Context: ").append(truncate(request.context())).append('\n');
    }
    return prompt.toString();
  }

  private static String truncate(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
  }
}
