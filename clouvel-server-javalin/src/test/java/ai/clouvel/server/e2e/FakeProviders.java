package ai.clouvel.server.e2e;

import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.image.ImageRequest;
import ai.clouvel.core.offline.PaintedImageGenerator;
import ai.clouvel.stripe.testing.FakeStripe;
import ai.clouvel.stripe.testing.FakeStripeApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** MockWebServers standing in for Reddit, OpenAI and Stripe, as the live clients talk to them. */
final class FakeProviders implements AutoCloseable {
  final MockWebServer reddit = new MockWebServer();
  final MockWebServer openAi = new MockWebServer();
  final MockWebServer stripe = new MockWebServer();
  final FakeStripeApi stripeApi = new FakeStripeApi("e2e_");
  final List<RecordedRequest> openAiRequests = new CopyOnWriteArrayList<>();
  final List<RecordedRequest> redditRequests = new CopyOnWriteArrayList<>();
  final AtomicBoolean rejectImages = new AtomicBoolean();
  final AtomicBoolean redditRateLimited = new AtomicBoolean();
  private final String image = Base64.getEncoder().encodeToString(new PaintedImageGenerator()
      .generate(ImageRequest.of("A summit at dawn above the clouds", ImageQuality.HD)).png());

  FakeProviders() throws IOException {
    long fresh = Instant.now().minusSeconds(3600).getEpochSecond();
    reddit.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        redditRequests.add(request);
        String path = request.getUrl().encodedPath();
        String body = switch (path) {
          case "/api/v1/access_token" -> fixture("token.json");
          case "/r/hiking/hot" -> fixture("hot.json");
          case "/r/hiking/about" -> fixture("about.json");
          case "/comments/1h1k01" -> fixture("comments.json");
          case "/api/info" -> "t3_1h1k01".equals(request.getUrl().queryParameter("id"))
              ? fixture("info.json") : fixture("info-empty.json");
          case "/api/comment" -> redditRateLimited.get()
              ? "{\"json\": {\"ratelimit\": 61.2, \"errors\": [[\"RATELIMIT\", \"Take a break\", \"ratelimit\"]]}}"
              : "{\"json\": {\"errors\": [], \"data\": {\"things\": [{\"kind\": \"t1\","
                  + " \"data\": {\"name\": \"t1_e2ec0mm\"}}]}}}";
          default -> null;
        };
        return body == null ? json(404, "{\"message\": \"Not Found\", \"error\": 404}")
            : json(200, body.replaceAll("\"created_utc\": \\d+(\\.\\d+)?", "\"created_utc\": " + fresh));
      }
    });
    openAi.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        openAiRequests.add(request);
        String path = request.getUrl().encodedPath();
        if (path.equals("/v1/chat/completions")) {
          String sent = request.getBody().string(StandardCharsets.UTF_8);
          String content = sent.contains("comment_summary")
              ? "{\\\"summary\\\": \\\"Commenters admire the climb and the pink light.\\\"}"
              : "{\\\"theme\\\": \\\"Summit glow\\\", \\\"image_title\\\": \\\"Whitney at Dawn\\\", "
                  + "\\\"image_description\\\": \\\"A granite peak glowing pink above a sea of clouds.\\\"}";
          return json(200, "{\"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \""
              + content + "\"}}], \"usage\": {\"prompt_tokens\": 200, \"completion_tokens\": 80}}");
        }
        if (path.equals("/v1/images/generations")) {
          if (rejectImages.get()) {
            return json(400, "{\"error\": {\"code\": \"content_policy_violation\", \"type\": \"invalid_request_error\","
                + " \"message\": \"Your request was rejected by our safety system.\"}}");
          }
          return json(200, "{\"created\": 1, \"data\": [{\"b64_json\": \"" + image + "\"}]}");
        }
        return json(404, "{}");
      }
    });
    stripe.setDispatcher(stripeApi);
    reddit.start();
    openAi.start();
    stripe.start();
  }

  Map<String, String> env(String databaseUrl) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PORT", String.valueOf(freePort()));
    env.put("DATABASE_URL", databaseUrl);
    env.put("WORKERS", "0");
    env.put("SEED_DEMO", "false");
    env.put("ADMIN_SECRET", "admin-secret-e2e");
    env.put("CORS_ORIGINS", "https://allowed.example");
    env.put("OPENAI_API_KEY", "sk-e2e-test-key-123");
    env.put("OPENAI_BASE_URL", openAi.url("/v1").toString());
    env.put("REDDIT_CLIENT_ID", "e2e-client");
    env.put("REDDIT_CLIENT_SECRET", "e2e-client-secret");
    env.put("REDDIT_USER_AGENT", "server:ai.clouvel.e2e:1.0 (by /u/clouvel_e2e)");
    env.put("REDDIT_BASE_URL", reddit.url("/").toString());
    env.put("REDDIT_SUBREDDITS", "hiking");
    env.put("REDDIT_USERNAME", "clouvel_e2e");
    env.put("REDDIT_PASSWORD", "e2e-reddit-password");
    env.put("STRIPE_SECRET_KEY", "sk_test_e2e");
    env.put("STRIPE_WEBHOOK_SECRET", FakeStripe.WEBHOOK_SECRET);
    env.put("STRIPE_API_BASE", stripe.url("/").toString());
    return env;
  }

  /** A port nobody listens on now, so the server's public URL can name it before it starts. */
  static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  static String fixture(String name) {
    try (InputStream in = FakeProviders.class.getResourceAsStream("/reddit/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    reddit.close();
    openAi.close();
    stripe.close();
  }
}
