package ai.clouvel.benchmarks.cluster;

import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.image.ImageRequest;
import ai.clouvel.core.offline.PaintedImageGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer that answers like OpenAI's chat and image APIs, after a configurable delay, so
 * that every commission spends real time in the provider calls while the nodes are killed; every
 * n-th image is refused by the "safety system", so that some commissions fail and are refunded.
 */
final class FakeOpenAi implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final AtomicLong chats = new AtomicLong();
  private final AtomicLong images = new AtomicLong();

  FakeOpenAi(Duration chatLatency, Duration imageLatency, int rejectEveryNthImage) {
    String png = Base64.getEncoder().encodeToString(new PaintedImageGenerator()
        .generate(ImageRequest.of("A lighthouse above a stormy sea", ImageQuality.STANDARD)).png());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/v1/chat/completions")) {
          long n = chats.incrementAndGet();
          String sent = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
          String content = sent.contains("comment_summary")
              ? "{\\\"summary\\\": \\\"Commenters love the view.\\\"}"
              : "{\\\"theme\\\": \\\"Storm light\\\", \\\"image_title\\\": \\\"Lighthouse " + n + "\\\", "
                  + "\\\"image_description\\\": \\\"A lighthouse holding its beam over a grey sea.\\\"}";
          return json(chatLatency, "{\"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \""
              + content + "\"}}], \"usage\": {\"prompt_tokens\": 200, \"completion_tokens\": 80}}");
        }
        if (path.equals("/v1/images/generations")) {
          long n = images.incrementAndGet();
          if (rejectEveryNthImage > 0 && n % rejectEveryNthImage == 0) {
            // A permanent refusal: the commission fails for good and is refunded.
            return new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                .headersDelay(imageLatency.toMillis(), TimeUnit.MILLISECONDS)
                .body("{\"error\": {\"code\": \"content_policy_violation\", \"type\": \"invalid_request_error\","
                    + " \"message\": \"Your request was rejected by our safety system.\"}}").build();
          }
          return json(imageLatency, "{\"created\": 1, \"data\": [{\"b64_json\": \"" + png + "\"}]}");
        }
        return new MockResponse.Builder().code(404).body("{}").build();
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return server.url("/v1").toString();
  }

  long chatCalls() {
    return chats.get();
  }

  long imageCalls() {
    return images.get();
  }

  private static MockResponse json(Duration delay, String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS).body(body).build();
  }

  @Override
  public void close() {
    server.close();
  }
}
