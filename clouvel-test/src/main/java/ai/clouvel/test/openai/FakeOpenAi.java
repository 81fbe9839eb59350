package ai.clouvel.test.openai;

import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.image.ImageRequest;
import ai.clouvel.core.offline.PaintedImageGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher that answers like OpenAI's chat completions and image generations, as
 * Clouvel's OpenAI client calls them: a structured comment summary when the request's schema is
 * {@code comment_summary}, a product idea otherwise, and a real PNG for images. Answers can be
 * delayed and images refused by the "safety system". Every request is recorded. Thread-safe;
 * configure before the calls start.
 *
 * <pre>{@code
 * FakeOpenAi openAi = new FakeOpenAi().idea("Summit glow", "Whitney at Dawn", "A granite peak at dawn");
 * server.setDispatcher(openAi);
 * env.put("OPENAI_BASE_URL", server.url("/v1").toString());
 * }</pre>
 */
public final class FakeOpenAi extends Dispatcher {
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong chats = new AtomicLong();
  private final AtomicLong images = new AtomicLong();
  private volatile String ideaJson = ideaJson("Summit glow", "Whitney at Dawn",
      "A granite peak glowing pink above a sea of clouds.");
  private volatile String summary = "Commenters admire the climb and the pink light.";
  private volatile long promptTokens = 200;
  private volatile long completionTokens = 80;
  private volatile Duration chatLatency = Duration.ZERO;
  private volatile Duration imageLatency = Duration.ZERO;
  private volatile boolean rejectImages;
  private volatile int rejectEveryNthImage;
  private volatile String png;

  /**
   * Sets the product idea every idea request gets. A {@code %d} in the title is replaced by the
   * number of the chat call, so that many runs make distinct products.
   *
   * @param theme the theme
   * @param imageTitle the image title
   * @param imageDescription the image description
   * @return this fake
   */
  public FakeOpenAi idea(String theme, String imageTitle, String imageDescription) {
    this.ideaJson = ideaJson(theme, imageTitle, imageDescription);
    return this;
  }

  /**
   * Sets the exact structured answer idea requests get, for example a malformed one.
   *
   * @param json the JSON text the model "writes"
   * @return this fake
   */
  public FakeOpenAi ideaAnswer(String json) {
    this.ideaJson = Objects.requireNonNull(json, "json");
    return this;
  }

  /**
   * Sets the comment summary.
   *
   * @param text the summary
   * @return this fake
   */
  public FakeOpenAi summary(String text) {
    this.summary = Objects.requireNonNull(text, "text");
    return this;
  }

  /**
   * Sets the token usage every chat answer reports.
   *
   * @param prompt prompt tokens
   * @param completion completion tokens
   * @return this fake
   */
  public FakeOpenAi usage(long prompt, long completion) {
    this.promptTokens = prompt;
    this.completionTokens = completion;
    return this;
  }

  /**
   * Delays the answers, so that calls spend real time.
   *
   * @param chat before each chat answer
   * @param image before each image answer
   * @return this fake
   */
  public FakeOpenAi latency(Duration chat, Duration image) {
    this.chatLatency = Objects.requireNonNull(chat, "chat");
    this.imageLatency = Objects.requireNonNull(image, "image");
    return this;
  }

  /**
   * Refuses every image from now on (or no longer) with OpenAI's content-policy error.
   *
   * @param reject {@code true} to refuse
   * @return this fake
   */
  public FakeOpenAi rejectImages(boolean reject) {
    this.rejectImages = reject;
    return this;
  }

  /**
   * Refuses every n-th image with OpenAI's content-policy error.
   *
   * @param n the period; 0 refuses none
   * @return this fake
   */
  public FakeOpenAi rejectEveryNthImage(int n) {
    this.rejectEveryNthImage = n;
    return this;
  }

  /**
   * Sets the PNG every image answer carries. Default: a painting by Clouvel's offline generator.
   *
   * @param bytes the PNG
   * @return this fake
   */
  public FakeOpenAi png(byte[] bytes) {
    this.png = Base64.getEncoder().encodeToString(bytes);
    return this;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    String path = request.getUrl().encodedPath();
    if (path.endsWith("/chat/completions")) {
      long n = chats.incrementAndGet();
      String content = body(request).contains("comment_summary")
          ? "{\"summary\": " + quote(summary) + "}" : ideaJson.replace("%d", Long.toString(n));
      return json(200, chatLatency, "{\"id\": \"chatcmpl-" + n + "\", \"choices\": [{\"index\": 0, \"message\":"
          + " {\"role\": \"assistant\", \"content\": " + quote(content) + "}, \"finish_reason\": \"stop\"}],"
          + " \"usage\": {\"prompt_tokens\": " + promptTokens + ", \"completion_tokens\": " + completionTokens + "}}");
    }
    if (path.endsWith("/images/generations")) {
      long n = images.incrementAndGet();
      int every = rejectEveryNthImage;
      if (rejectImages || (every > 0 && n % every == 0)) {
        return json(400, imageLatency, "{\"error\": {\"code\": \"content_policy_violation\", \"type\":"
            + " \"invalid_request_error\", \"message\": \"Your request was rejected by our safety system.\"}}");
      }
      return json(200, imageLatency, "{\"created\": " + n + ", \"data\": [{\"b64_json\": \"" + png()
          + "\", \"revised_prompt\": \"A glowing granite summit\"}]}");
    }
    return json(404, Duration.ZERO, "{\"error\": {\"message\": \"Unknown path " + path + "\"}}");
  }

  /**
   * Returns every request received, in order.
   *
   * @return the requests
   */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * Counts the chat completions asked for.
   *
   * @return the count
   */
  public long chatCalls() {
    return chats.get();
  }

  /**
   * Counts the images asked for, refused ones included.
   *
   * @return the count
   */
  public long imageCalls() {
    return images.get();
  }

  /**
   * Reads a recorded request's body as text.
   *
   * @param request the request
   * @return its body, or an empty string
   */
  public static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
  }

  private String png() {
    String current = png;
    if (current == null) {
      current = Base64.getEncoder().encodeToString(new PaintedImageGenerator()
          .generate(ImageRequest.of("A summit at dawn above the clouds", ImageQuality.STANDARD)).png());
      png = current;
    }
    return current;
  }

  private static String ideaJson(String theme, String imageTitle, String imageDescription) {
    return "{\"theme\": " + quote(theme) + ", \"image_title\": " + quote(imageTitle)
        + ", \"image_description\": " + quote(imageDescription) + "}";
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static MockResponse json(int code, Duration delay, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS).body(body).build();
  }
}
