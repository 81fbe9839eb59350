package ai.clouvel.agents.openai.internal;

import com.squareup.moshi.Json;
import java.util.List;
import java.util.Map;

/** The JSON of the OpenAI API, as far as Clouvel uses it. Public only because Moshi reads records reflectively. */
public final class OpenAiJson {
  private OpenAiJson() {
  }

  /** A chat completion request. */
  public record ChatRequest(String model, List<Message> messages,
      @Json(name = "response_format") ResponseFormat responseFormat, Double temperature) {
  }

  /** One chat message. */
  public record Message(String role, String content) {
  }

  /** Structured output: {@code {"type":"json_schema","json_schema":{...}}}. */
  public record ResponseFormat(String type, @Json(name = "json_schema") JsonSchema jsonSchema) {
  }

  /** A named, strict JSON schema. */
  public record JsonSchema(String name, boolean strict, Map<String, Object> schema) {
  }

  /** A chat completion response. */
  public record ChatResponse(String id, String model, List<Choice> choices, ChatUsage usage) {
  }

  /** One choice of a chat completion. */
  public record Choice(Integer index, ChoiceMessage message, @Json(name = "finish_reason") String finishReason) {
  }

  /** The message of a choice; {@code refusal} is set when the model declined. */
  public record ChoiceMessage(String role, String content, String refusal) {
  }

  /** Token usage of a chat completion. */
  public record ChatUsage(@Json(name = "prompt_tokens") Long promptTokens,
      @Json(name = "completion_tokens") Long completionTokens) {
  }

  /** An image generation request; absent fields are left out of the JSON. */
  public record ImageRequest(String model, String prompt, Integer n, String size, String quality,
      String style, @Json(name = "response_format") String responseFormat,
      @Json(name = "output_format") String outputFormat) {
  }

  /** An image generation response. */
  public record ImageResponse(Long created, List<ImageData> data, ImageUsage usage) {
  }

  /** One generated image. */
  public record ImageData(@Json(name = "b64_json") String b64Json, String url,
      @Json(name = "revised_prompt") String revisedPrompt) {
  }

  /** Token usage of {@code gpt-image-1}. */
  public record ImageUsage(@Json(name = "input_tokens") Long inputTokens,
      @Json(name = "output_tokens") Long outputTokens) {
  }

  /** An error response: {@code {"error":{...}}}. */
  public record ErrorEnvelope(ErrorBody error) {
  }

  /** The error of an error response. */
  public record ErrorBody(String message, String type, String code, String param) {
  }

  /** The structured answer of the idea prompt. */
  public record IdeaAnswer(String theme, @Json(name = "image_title") String imageTitle,
      @Json(name = "image_description") String imageDescription) {
  }

  /** The structured answer of the comment summary prompt. */
  public record SummaryAnswer(String summary) {
  }

  /** The structured answer of the agents' decision prompt. */
  public record DecisionAnswer(String action, String reason, String text, Double score, String idea) {
  }
}
