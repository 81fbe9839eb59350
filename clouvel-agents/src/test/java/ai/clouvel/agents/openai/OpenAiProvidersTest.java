package ai.clouvel.agents.openai;

import static ai.clouvel.agents.testing.Responses.body;
import static ai.clouvel.agents.testing.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.agents.http.HttpSettings;
import ai.clouvel.agents.http.RetryPolicy;
import ai.clouvel.agents.testing.Pngs;
import ai.clouvel.core.content.Comment;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.idea.CommentSummary;
import ai.clouvel.core.idea.GeneratedIdea;
import ai.clouvel.core.idea.IdeaRequest;
import ai.clouvel.core.image.GeneratedImage;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.image.ImageRequest;
import ai.clouvel.core.image.ImageSize;
import ai.clouvel.core.image.ImageStyle;
import ai.clouvel.core.provider.BadResponseException;
import ai.clouvel.core.provider.ContentRejectedException;
import ai.clouvel.test.time.MutableClock;
import ai.clouvel.test.time.RecordingSleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class OpenAiProvidersTest {
  private static final String KEY = "sk-test-abcdef123456";

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);

  private final Post post = new Post("1abc2d", "hiking", "Finally reached the summit of Mount Whitney",
      "Started at 1am. The alpenglow was worth it.", "tess", null, 4210, 233, clock.instant(),
      false, false, false, false);

  private OpenAiClient client() {
    return OpenAiClient.builder().apiKey(KEY).baseUrl(server.url("/v1").toString()).clock(clock).sleeper(sleeper)
        .httpSettings(new HttpSettings(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(5),
            RetryPolicy.DEFAULT))
        .build();
  }

  private static String chat(String content, long in, long out) {
    return """
        {"id":"chatcmpl-1","model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,
          "message":{"role":"assistant","content":%s,"refusal":null},"finish_reason":"stop"}],
          "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
        .formatted(quote(content), in, out, in + out);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static final String IDEA = "{\"theme\":\"Alpenglow summit\",\"image_title\":\"Whitney at Dawn\","
      + "\"image_description\":\"A granite peak glowing pink at sunrise above a sea of clouds.\"}";

  @Test
  void ideasComeFromStructuredJsonWithUsageAndCost() throws Exception {
    server.enqueue(json(chat(IDEA, 1000, 200)));

    GeneratedIdea idea = new OpenAiIdeaGenerator(client(), "gpt-4o-mini")
        .generate(new IdeaRequest(post, "Commenters loved the pink light.", "Make it beautiful"));

    assertThat(idea.idea().theme()).isEqualTo("Alpenglow summit");
    assertThat(idea.idea().imageTitle()).isEqualTo("Whitney at Dawn");
    assertThat(idea.promptVersion()).isEqualTo(OpenAiIdeaGenerator.PROMPT_VERSION);
    assertThat(idea.usage().model()).isEqualTo("gpt-4o-mini");
    assertThat(idea.usage().inputTokens()).isEqualTo(1000);
    assertThat(idea.usage().outputTokens()).isEqualTo(200);
    assertThat(idea.usage().costMicros()).isEqualTo(270);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    String sent = body(request);
    assertThat(sent).contains("\"model\":\"gpt-4o-mini\"", "\"type\":\"json_schema\"", "\"name\":\"product_idea\"",
        "\"strict\":true", "image_description", "Mount Whitney", "Commenters loved the pink light.", "Make it beautiful");
  }

  @Test
  void theCommentSummaryUsesTheConfiguredModel() throws Exception {
    server.enqueue(json(chat("{\"summary\":\"People cheer the climber.\"}", 300, 40)));
    CommentSummary summary = new OpenAiCommentSummarizer(client(), "gpt-4.1-mini").summarize(post,
        List.of(new Comment("c1", "a", "Three attempts is dedication", 812)));
    assertThat(summary.text()).isEqualTo("People cheer the climber.");
    assertThat(summary.usage().model()).isEqualTo("gpt-4.1-mini");
    assertThat(summary.usage().costMicros()).isEqualTo((300 * 400_000L + 40 * 1_600_000L + 500_000) / 1_000_000);
    assertThat(body(server.takeRequest())).contains("\"model\":\"gpt-4.1-mini\"", "comment_summary", "Three attempts");
  }

  @Test
  void noCommentsNoCall() {
    CommentSummary summary = new OpenAiCommentSummarizer(client(), "gpt-4o-mini").summarize(post, List.of());
    assertThat(summary.text()).isEmpty();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void malformedJsonIsABadResponseAndIsNotRetried() {
    server.enqueue(json(chat("{\"theme\": \"unterminated", 10, 5)));
    assertThatThrownBy(() -> new OpenAiIdeaGenerator(client(), "gpt-4o-mini").generate(new IdeaRequest(post, "", "")))
        .isInstanceOf(BadResponseException.class).hasMessageContaining("malformed structured answer");
    server.enqueue(json("this is not json"));
    assertThatThrownBy(() -> new OpenAiIdeaGenerator(client(), "gpt-4o-mini").generate(new IdeaRequest(post, "", "")))
        .isInstanceOf(BadResponseException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRefusalIsRejectedContent() {
    server.enqueue(json("""
        {"choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I can't help with that."}}],
         "usage":{"prompt_tokens":5,"completion_tokens":5}}"""));
    assertThatThrownBy(() -> new OpenAiIdeaGenerator(client(), "gpt-4o-mini").generate(new IdeaRequest(post, "", "")))
        .isInstanceOf(ContentRejectedException.class).hasMessageContaining("I can't help");
  }

  @Test
  void dallE3PaintsHdForGoldTiersAsBase64() throws Exception {
    byte[] png = Pngs.painting("summit");
    server.enqueue(json("{\"created\":1,\"data\":[{\"b64_json\":\"" + Pngs.base64(png)
        + "\",\"revised_prompt\":\"A pink granite summit\"}]}"));

    GeneratedImage image = new OpenAiImageGenerator(client(), "dall-e-3")
        .generate(ImageRequest.of("A granite summit", ImageQuality.HD));

    assertThat(image.png()).isEqualTo(png);
    assertThat(image.revisedPrompt()).isEqualTo("A pink granite summit");
    assertThat(image.usage().images()).isEqualTo(1);
    assertThat(image.usage().costMicros()).isEqualTo(80_000);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/images/generations");
    assertThat(body(request)).contains("\"model\":\"dall-e-3\"", "\"quality\":\"hd\"", "\"style\":\"vivid\"",
        "\"size\":\"1024x1024\"", "\"response_format\":\"b64_json\"", "\"n\":1");
  }

  @Test
  void gptImage1UsesItsOwnQualitiesAndReportsTokens() throws Exception {
    byte[] png = Pngs.painting("sea");
    server.enqueue(json("{\"created\":1,\"data\":[{\"b64_json\":\"" + Pngs.base64(png)
        + "\"}],\"usage\":{\"input_tokens\":50,\"output_tokens\":4160}}"));
    GeneratedImage image = new OpenAiImageGenerator(client(), "gpt-image-1").generate(
        new ImageRequest("A sea at night", ImageQuality.STANDARD, new ImageSize(1536, 1024), ImageStyle.NATURAL));
    assertThat(image.usage().costMicros()).isEqualTo(63_000);
    assertThat(image.usage().outputTokens()).isEqualTo(4160);
    assertThat(image.revisedPrompt()).isEqualTo("A sea at night");
    String sent = body(server.takeRequest());
    assertThat(sent).contains("\"quality\":\"medium\"", "\"output_format\":\"png\"", "\"size\":\"1536x1024\"")
        .doesNotContain("response_format").doesNotContain("style");
  }

  @Test
  void aContentPolicyRejectionIsNotRetried() {
    server.enqueue(json(400, """
        {"error":{"code":"content_policy_violation","message":"Your request was rejected by our safety system.",
          "type":"invalid_request_error","param":null}}"""));
    assertThatThrownBy(() -> new OpenAiImageGenerator(client(), "dall-e-3")
        .generate(ImageRequest.of("something", ImageQuality.STANDARD)))
        .isInstanceOf(ContentRejectedException.class).hasMessageContaining("safety system");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void rateLimitsServerErrorsAndTimeoutsAreRetried() throws Exception {
    byte[] png = Pngs.painting("retry");
    server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after-ms", "1500").body("{}").build());
    server.enqueue(json(500, "{\"error\":{\"message\":\"internal\"}}"));
    server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("late").build());
    server.enqueue(json("{\"data\":[{\"b64_json\":\"" + Pngs.base64(png) + "\"}]}"));
    GeneratedImage image = new OpenAiImageGenerator(client(), "dall-e-3")
        .generate(ImageRequest.of("persistent", ImageQuality.STANDARD));
    assertThat(image.png()).isEqualTo(png);
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(sleeper.sleeps()).hasSize(3);
    assertThat(sleeper.sleeps().get(0)).isEqualTo(Duration.ofMillis(1500));
    for (int i = 0; i < 4; i++) {
      assertThat(body(server.takeRequest())).contains("persistent");
    }
  }

  @Test
  void aNonPngImageIsABadResponse() {
    server.enqueue(json("{\"data\":[{\"b64_json\":\"" + Pngs.base64("GIF89a...".getBytes()) + "\"}]}"));
    assertThatThrownBy(() -> new OpenAiImageGenerator(client(), "dall-e-3")
        .generate(ImageRequest.of("x", ImageQuality.STANDARD)))
        .isInstanceOf(BadResponseException.class).hasMessageContaining("not a PNG");
  }

  @Test
  void configurationMistakesFailFast() {
    assertThatThrownBy(() -> OpenAiClient.builder().build()).hasMessageContaining("OPENAI_API_KEY");
    assertThatThrownBy(() -> new OpenAiIdeaGenerator(client(), "my-own-llm")).hasMessageContaining("no price");
    assertThatThrownBy(() -> new OpenAiImageGenerator(client(), "midjourney")).hasMessageContaining("unsupported");
    assertThatThrownBy(() -> new OpenAiImageGenerator(client(), "dall-e-3").generate(
        new ImageRequest("x", ImageQuality.STANDARD, new ImageSize(512, 512), ImageStyle.VIVID)))
        .hasMessageContaining("cannot paint 512x512");
    assertThat(server.getRequestCount()).isZero();
  }
}
