package ai.clouvel.server.e2e;

import ai.clouvel.server.testing.FreePorts;
import ai.clouvel.test.openai.FakeOpenAi;
import ai.clouvel.test.reddit.FakeReddit;
import ai.clouvel.test.stripe.FakeStripeApi;
import ai.clouvel.test.stripe.StripeWebhookSigner;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockWebServer;

/** MockWebServers standing in for Reddit, OpenAI and Stripe (the test kit's fakes), as the live clients talk to them. */
final class FakeProviders implements AutoCloseable {
  final MockWebServer reddit = new MockWebServer();
  final MockWebServer openAi = new MockWebServer();
  final MockWebServer stripe = new MockWebServer();
  final FakeStripeApi stripeApi = new FakeStripeApi("e2e_");
  final FakeReddit redditApi = new FakeReddit().postedAt(Instant.now().minusSeconds(3600));
  final FakeOpenAi openAiApi = new FakeOpenAi();

  FakeProviders() throws IOException {
    reddit.setDispatcher(redditApi);
    openAi.setDispatcher(openAiApi);
    stripe.setDispatcher(stripeApi);
    reddit.start();
    openAi.start();
    stripe.start();
  }

  Map<String, String> env(String databaseUrl) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PORT", String.valueOf(FreePorts.free()));
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
    env.put("STRIPE_WEBHOOK_SECRET", StripeWebhookSigner.TEST_SECRET);
    env.put("STRIPE_API_BASE", stripe.url("/").toString());
    return env;
  }


  @Override
  public void close() {
    reddit.close();
    openAi.close();
    stripe.close();
  }
}
