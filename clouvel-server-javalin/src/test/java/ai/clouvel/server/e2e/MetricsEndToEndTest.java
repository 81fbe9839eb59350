package ai.clouvel.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.server.ClouvelServer;
import ai.clouvel.server.testing.FreePorts;
import ai.clouvel.test.stripe.StripeJson;
import ai.clouvel.test.stripe.StripeWebhookSigner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scrapes {@code /metrics} after real commissions, one made and one refunded, and reads the series. */
class MetricsEndToEndTest {
  private static final String SPECIFIC = """
      {"amount_usd": "25.00", "subreddit": "hiking", "donation_type": "commission",
       "commission_type": "specific_post", "post_id": "1h1k01", "is_anonymous": true}""";

  @TempDir
  Path directory;

  private FakeProviders providers;
  private ClouvelServer server;

  @BeforeEach
  void fakes() throws Exception {
    providers = new FakeProviders();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    providers.close();
    new OpenApiContract().assertConforms(client.exchanges());
  }

  private Client client;

  private Client start(Map<String, String> extra) {
    Map<String, String> env = providers.env("sqlite:" + directory.resolve("metrics.db"));
    env.putAll(extra);
    server = ClouvelServer.fromEnvironment(env).start();
    client = new Client(server.baseUrl());
    return client;
  }

  private String commission(Client client, String body, String eventId) {
    Client.Reply checkout = client.post("/api/donations/create-checkout-session", body);
    assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
    String sessionId = (String) client.object(checkout).get("session_id");
    String payload = StripeJson.event(eventId, "checkout.session.completed", StripeJson.checkoutSession(sessionId,
        "pi_" + sessionId, 2500, "paid", providers.stripeApi.lastCheckoutMetadata()));
    assertThat(client.post("/api/donations/webhook", payload,
        "Stripe-Signature", new StripeWebhookSigner(StripeWebhookSigner.TEST_SECRET).sign(payload, Instant.now())).status()).isEqualTo(200);
    return sessionId;
  }

  private static Map<String, Object> awaitDonation(Client client, String sessionId, String status) throws Exception {
    Map<String, Object> donation = Map.of();
    for (int i = 0; i < 400 && !status.equals(donation.get("status")); i++) {
      Thread.sleep(50);
      donation = client.object(client.get("/api/donations/" + sessionId));
    }
    assertThat(donation).containsEntry("status", status);
    return donation;
  }

  private static Map<String, Object> awaitTask(Client client, String sessionId, String status) throws Exception {
    Map<String, Object> donation = Map.of();
    for (int i = 0; i < 400 && !status.equals(donation.get("task_status")); i++) {
      Thread.sleep(50);
      donation = client.object(client.get("/api/donations/" + sessionId));
    }
    assertThat(donation).containsEntry("task_status", status);
    return donation;
  }

  /** The value of the one series of a metric that has all the labels given as {@code name="value"}. */
  static double value(String scrape, String metric, String... labels) {
    List<String> matches = Arrays.stream(scrape.split("\n"))
        .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
        .filter(line -> Arrays.stream(labels).allMatch(label -> line.contains(label)))
        .toList();
    assertThat(matches).as("series %s%s in%n%s", metric, Arrays.toString(labels), scrape).hasSize(1);
    String line = matches.get(0);
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  @Test
  void aScrapeAfterTwoCommissionsShowsRequestsQueueOutcomesRefundsProvidersSpendSocketsJvmAndPools()
      throws Exception {
    Client client = start(Map.of());
    try (Client.Socket socket = client.socket("/ws")) {
      socket.send("{\"type\": \"ping\"}");
      assertThat(socket.next()).containsEntry("type", "pong");

      providers.openAiApi.rejectImages(true);
      String refunded = commission(client, SPECIFIC, "evt_metrics_refunded");
      String before = client.get("/metrics").body();
      assertThat(value(before, "clouvel_tasks_queue_depth")).isEqualTo(1.0);
      assertThat(value(before, "clouvel_websocket_connections")).isEqualTo(1.0);

      server.clouvel().commissions().startWorkers();
      awaitDonation(client, refunded, "refunded");
      providers.openAiApi.rejectImages(false);
      String made = commission(client, SPECIFIC, "evt_metrics_made");
      awaitTask(client, made, "completed");
      client.get("/api/generated_products/12345");

      Client.Reply reply = client.get("/metrics");
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.header("Content-Type")).startsWith("text/plain; version=0.0.4");
      String scrape = reply.body();

      assertThat(value(scrape, "http_server_requests_seconds_count", "method=\"POST\"", "status=\"201\"",
          "uri=\"/api/donations/create-checkout-session\"")).isEqualTo(2.0);
      assertThat(value(scrape, "http_server_requests_seconds_count", "status=\"404\"",
          "uri=\"/api/generated_products/{id}\"")).isEqualTo(1.0);
      assertThat(value(scrape, "http_server_requests_seconds_bucket", "status=\"201\"",
          "uri=\"/api/donations/create-checkout-session\"", "le=\"+Inf\"")).isEqualTo(2.0);
      assertThat(scrape).as("routes are templates, never raw paths").doesNotContain(made).doesNotContain(refunded);

      assertThat(value(scrape, "clouvel_tasks_queue_depth")).isZero();
      assertThat(value(scrape, "clouvel_tasks_enqueued_total", "commission_type=\"specific_post\"")).isEqualTo(2.0);
      assertThat(value(scrape, "clouvel_tasks_outcomes_total", "status=\"completed\"")).isEqualTo(1.0);
      assertThat(value(scrape, "clouvel_tasks_outcomes_total", "status=\"failed\"")).isEqualTo(1.0);
      assertThat(value(scrape, "clouvel_refunds_total", "status=\"refunded\"")).isEqualTo(1.0);
      assertThat(value(scrape, "clouvel_donations_refunded")).isEqualTo(1.0);
      assertThat(value(scrape, "clouvel_donations_refunded_amount_usd")).isEqualTo(25.0);

      assertThat(value(scrape, "clouvel_provider_calls_seconds_count", "provider=\"openai\"", "operation=\"image\"",
          "outcome=\"success\"")).isEqualTo(1.0);
      assertThat(value(scrape, "clouvel_provider_calls_seconds_count", "provider=\"openai\"", "operation=\"image\"",
          "outcome=\"rejected\"")).isEqualTo(1.0);
      assertThat(value(scrape, "clouvel_provider_calls_seconds_count", "provider=\"stripe\"",
          "operation=\"create_checkout_session\"", "outcome=\"success\"")).isEqualTo(2.0);
      assertThat(value(scrape, "clouvel_provider_calls_seconds_count", "provider=\"stripe\"", "operation=\"refund\"",
          "outcome=\"success\"")).isEqualTo(1.0);
      assertThat(value(scrape, "clouvel_provider_calls_seconds_count", "provider=\"reddit\"", "operation=\"post\"",
          "outcome=\"success\"")).isPositive();
      assertThat(value(scrape, "clouvel_provider_calls_seconds_bucket", "provider=\"openai\"", "operation=\"image\"",
          "outcome=\"success\"", "le=\"+Inf\"")).isEqualTo(1.0);

      ClouvelStore store = server.clouvel().store();
      double recorded = store.usage().totals().costMicros() / 1_000_000.0;
      double spent = value(scrape, "clouvel_model_spend_usd_total", "model=\"dall-e-3\"")
          + value(scrape, "clouvel_model_spend_usd_total", "model=\"gpt-4o-mini\"");
      assertThat(recorded).isPositive();
      assertThat(spent).as("spend counted from provider calls equals the spend recorded").isCloseTo(recorded,
          org.assertj.core.data.Offset.offset(1e-9));
      assertThat(value(scrape, "clouvel_usage_cost_usd")).isCloseTo(recorded, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(value(scrape, "clouvel_model_images_total", "model=\"dall-e-3\"")).isEqualTo(1.0);

      assertThat(value(scrape, "clouvel_websocket_connections")).isEqualTo(1.0);
      assertThat(value(scrape, "jvm_threads_live_threads")).isPositive();
      assertThat(value(scrape, "hikaricp_connections_max", "pool=\"clouvel-sqlite-writer\"")).isEqualTo(1.0);
      assertThat(scrape).contains("jvm_memory_used_bytes{", "jvm_gc_", "process_cpu_usage", "hikaricp_connections_active{");
    }
  }

  @Test
  void thePoolsHaveTheSizesTheEnvironmentGives() {
    Client client = start(Map.of("SQLITE_READERS", "2", "DATABASE_POOL_SIZE", "3"));
    String scrape = client.get("/metrics").body();
    assertThat(value(scrape, "hikaricp_connections_max", "pool=\"clouvel-sqlite-reader\"")).isEqualTo(2.0);
    assertThat(value(scrape, "hikaricp_connections_max", "pool=\"clouvel-sqlite-writer\""))
        .as("SQLite has one writer whatever the PostgreSQL pool size").isEqualTo(1.0);
  }

  @Test
  void metricsCanRequireTheAdminSecret() {
    Client client = start(Map.of("METRICS_REQUIRE_ADMIN", "true"));
    Client.Reply anonymous = client.get("/metrics");
    assertThat(anonymous.status()).isEqualTo(403);
    assertThat(anonymous.body()).contains("\"code\":\"forbidden\"").doesNotContain("jvm_");
    assertThat(client.get("/metrics", "X-Admin-Secret", "wrong").status()).isEqualTo(403);
    assertThat(client.get("/metrics", "X-Admin-Secret", "admin-secret-e2e").body()).contains("jvm_threads_live_threads");
    assertThat(client.get("/metrics", "Authorization", "Bearer admin-secret-e2e").body()).contains("jvm_threads_live_threads");
  }

  @Test
  void metricsCanHaveAPortOfTheirOwn() {
    int port = FreePorts.free();
    Client client = start(Map.of("METRICS_PORT", String.valueOf(port), "METRICS_REQUIRE_ADMIN", "true"));
    assertThat(server.metricsPort()).isEqualTo(port);
    assertThat(client.get("/metrics").status()).as("not on the API's port").isEqualTo(404);
    client.get("/api/status");

    Client metrics = new Client("http://localhost:" + port);
    assertThat(metrics.get("/metrics").status()).isEqualTo(403);
    String scrape = metrics.get("/metrics", "Authorization", "Bearer admin-secret-e2e").body();
    assertThat(value(scrape, "http_server_requests_seconds_count", "uri=\"/api/status\"", "status=\"200\""))
        .isEqualTo(1.0);
    assertThat(metrics.get("/other", "Authorization", "Bearer admin-secret-e2e").status()).isEqualTo(404);
  }
}
