package ai.clouvel.agents.openai;

import ai.clouvel.agents.http.HttpProviderBuilder;
import ai.clouvel.agents.http.HttpResult;
import ai.clouvel.agents.http.HttpSettings;
import ai.clouvel.agents.http.Redactor;
import ai.clouvel.agents.http.ResilientHttp;
import ai.clouvel.agents.http.RetryPolicy;
import ai.clouvel.agents.openai.internal.OpenAiJson;
import ai.clouvel.core.provider.BadResponseException;
import ai.clouvel.core.provider.ContentRejectedException;
import ai.clouvel.core.provider.ProviderException;
import ai.clouvel.core.usage.Usage;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A small client of the OpenAI API on OkHttp and Moshi: chat completions with JSON-schema
 * structured output, and image generation. Calls go through {@link ResilientHttp}; usage and cost
 * come back with every answer. Thread-safe.
 */
public final class OpenAiClient implements AutoCloseable {
  /** The provider name used in errors. */
  public static final String PROVIDER = "openai";

  private static final MediaType JSON = MediaType.get("application/json");

  private final String baseUrl;
  private final String apiKey;
  private final String organization;
  private final ResilientHttp http;
  private final OpenAiPricing pricing;
  private final Moshi moshi = new Moshi.Builder().build();

  private OpenAiClient(Builder builder, ResilientHttp.Builder http) {
    this.baseUrl = builder.baseUrl;
    this.apiKey = builder.apiKey;
    this.organization = builder.organization;
    this.pricing = builder.pricing;
    this.http = http
        .redactor(Redactor.of(builder.apiKey))
        .errorClassifier(this::classify)
        .build();
  }

  /**
   * Starts configuring a client.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the price table this client costs calls with.
   *
   * @return the pricing
   */
  public OpenAiPricing pricing() {
    return pricing;
  }

  /**
   * Asks a chat model for JSON that follows a schema, and parses it.
   *
   * @param model the chat model
   * @param system the system prompt
   * @param user the user prompt
   * @param schemaName the schema's name
   * @param schema the JSON schema of the answer (strict mode)
   * @param answerType the record the answer is parsed into
   * @param <T> the answer type
   * @return the parsed answer and the call's usage
   * @throws ProviderException if the call fails, the model refuses, or the answer is malformed
   */
  public <T> ChatAnswer<T> chatJson(String model, String system, String user, String schemaName,
      Map<String, Object> schema, Class<T> answerType) {
    OpenAiJson.ChatRequest body = new OpenAiJson.ChatRequest(model,
        List.of(new OpenAiJson.Message("system", system), new OpenAiJson.Message("user", user)),
        new OpenAiJson.ResponseFormat("json_schema",
            new OpenAiJson.JsonSchema(schemaName, true, schema)),
        0.8);
    HttpResult result = http.call(post("/chat/completions", moshi.adapter(OpenAiJson.ChatRequest.class).toJson(body)),
        model);
    OpenAiJson.ChatResponse response = parse(result.text(), OpenAiJson.ChatResponse.class, "chat completion");
    if (response.choices() == null || response.choices().isEmpty() || response.choices().get(0).message() == null) {
      throw new BadResponseException(PROVIDER, "chat completion without a choice", null);
    }
    OpenAiJson.ChoiceMessage message = response.choices().get(0).message();
    if (message.refusal() != null && !message.refusal().isBlank()) {
      throw new ContentRejectedException(PROVIDER, "the model refused: " + message.refusal());
    }
    if (message.content() == null || message.content().isBlank()) {
      throw new BadResponseException(PROVIDER, "chat completion with empty content", null);
    }
    T answer = parse(message.content(), answerType, "structured answer");
    long in = response.usage() == null || response.usage().promptTokens() == null ? 0 : response.usage().promptTokens();
    long out = response.usage() == null || response.usage().completionTokens() == null ? 0 : response.usage().completionTokens();
    return new ChatAnswer<>(answer, new Usage(model, in, out, 0, pricing.chatCost(model, in, out)));
  }

  /**
   * Generates one image and returns its bytes.
   *
   * @param request the model-specific request
   * @return the image and the raw response's revised prompt and token usage
   * @throws ProviderException if the call fails, the prompt is rejected, or no image comes back
   */
  ImageAnswer image(OpenAiJson.ImageRequest request) {
    HttpResult result = http.call(post("/images/generations",
        moshi.adapter(OpenAiJson.ImageRequest.class).toJson(request)), request.model());
    OpenAiJson.ImageResponse response = parse(result.text(), OpenAiJson.ImageResponse.class, "image response");
    if (response.data() == null || response.data().isEmpty() || response.data().get(0).b64Json() == null) {
      throw new BadResponseException(PROVIDER, "image response without b64_json data", null);
    }
    OpenAiJson.ImageData data = response.data().get(0);
    byte[] bytes;
    try {
      bytes = java.util.Base64.getDecoder().decode(data.b64Json().replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new BadResponseException(PROVIDER, "image data is not base64", e);
    }
    if (bytes.length < 8 || (bytes[0] & 0xff) != 0x89 || bytes[1] != 'P' || bytes[2] != 'N' || bytes[3] != 'G') {
      throw new BadResponseException(PROVIDER, "image data is not a PNG", null);
    }
    long in = response.usage() == null || response.usage().inputTokens() == null ? 0 : response.usage().inputTokens();
    long out = response.usage() == null || response.usage().outputTokens() == null ? 0 : response.usage().outputTokens();
    return new ImageAnswer(bytes, data.revisedPrompt(), in, out);
  }

  /**
   * Closes the client's HTTP client, unless it was given to the builder (then it stays open).
   */
  @Override
  public void close() {
    http.close();
  }

  private Request post(String path, String json) {
    Request.Builder request = new Request.Builder()
        .url(baseUrl + path)
        .header("Authorization", "Bearer " + apiKey)
        .post(RequestBody.create(json, JSON));
    if (organization != null) {
      request.header("OpenAI-Organization", organization);
    }
    return request.build();
  }

  private <T> T parse(String json, Class<T> type, String what) {
    JsonAdapter<T> adapter = moshi.adapter(type);
    try {
      T value = adapter.fromJson(json);
      if (value == null) {
        throw new BadResponseException(PROVIDER, what + " is null", null);
      }
      return value;
    } catch (IOException | JsonDataException e) {
      throw new BadResponseException(PROVIDER, "malformed " + what + ": " + e.getMessage(), e);
    }
  }

  /** Recognises content-policy rejections, which no retry can fix. */
  private Optional<ProviderException> classify(int status, String body) {
    if (status != 400) {
      return Optional.empty();
    }
    try {
      OpenAiJson.ErrorEnvelope envelope = moshi.adapter(OpenAiJson.ErrorEnvelope.class).fromJson(body);
      if (envelope == null || envelope.error() == null) {
        return Optional.empty();
      }
      OpenAiJson.ErrorBody error = envelope.error();
      String code = error.code() == null ? "" : error.code();
      String message = error.message() == null ? "" : error.message();
      boolean policy = code.equals("content_policy_violation") || code.equals("moderation_blocked")
          || "image_generation_user_error".equals(error.type())
          || message.toLowerCase(Locale.ROOT).contains("safety system");
      return policy ? Optional.of(new ContentRejectedException(PROVIDER, message)) : Optional.empty();
    } catch (IOException | JsonDataException e) {
      return Optional.empty();
    }
  }

  /**
   * A parsed structured answer.
   *
   * @param answer the answer
   * @param usage the call's usage and cost
   * @param <T> the answer type
   */
  public record ChatAnswer<T>(T answer, Usage usage) {
  }

  /**
   * A generated image.
   *
   * @param png the PNG bytes
   * @param revisedPrompt the prompt as the model rewrote it, or {@code null}
   * @param inputTokens prompt tokens ({@code gpt-image-1} only)
   * @param outputTokens image tokens ({@code gpt-image-1} only)
   */
  public record ImageAnswer(byte[] png, String revisedPrompt, long inputTokens, long outputTokens) {
  }

  /**
   * Configures an {@link OpenAiClient}. Timeouts and retries default to 10 s connect, 120 s read,
   * 180 s per attempt and 4 attempts: image generation is slow.
   */
  public static final class Builder extends HttpProviderBuilder<Builder> {
    private String apiKey;
    private String baseUrl = "https://api.openai.com/v1";
    private String organization;
    private OpenAiPricing pricing = OpenAiPricing.defaults();

    private Builder() {
      super(new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(180),
          RetryPolicy.DEFAULT));
    }

    /**
     * Sets the API key. Required; never logged.
     *
     * @param apiKey the key
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey").strip();
      return this;
    }

    /**
     * Sets the API address. Default: {@code https://api.openai.com/v1}.
     *
     * @param baseUrl the address, without a trailing slash
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      String url = Objects.requireNonNull(baseUrl, "baseUrl").strip();
      this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      return this;
    }

    /**
     * Sets the organization header. Default: none.
     *
     * @param organization the organization id
     * @return this builder
     */
    public Builder organization(String organization) {
      this.organization = organization;
      return this;
    }

    /**
     * Sets the price table. Default: {@link OpenAiPricing#defaults()}.
     *
     * @param pricing the table
     * @return this builder
     */
    public Builder pricing(OpenAiPricing pricing) {
      this.pricing = Objects.requireNonNull(pricing, "pricing");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if no API key was given
     */
    public OpenAiClient build() {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalStateException("OpenAI needs an API key (OPENAI_API_KEY)");
      }
      return new OpenAiClient(this, http(PROVIDER));
    }
  }
}
