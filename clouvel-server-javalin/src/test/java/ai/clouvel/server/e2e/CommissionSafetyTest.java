package ai.clouvel.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.server.ClouvelServer;
import ai.clouvel.test.stripe.StripeJson;
import ai.clouvel.test.stripe.StripeWebhookSigner;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The money paths against a hostile caller: webhooks signed with the real secret but carrying
 * nonsense, amounts outside the accepted range on every path, cancels and retries of paid
 * commissions, and logs that must never hold a donor's email or name, nor a secret.
 */
class CommissionSafetyTest {
  private static final String EMAIL = "zelda.quux@hostile.example";
  private static final String NAME = "Zelda Quuxington";
  private static final String REDDIT_NAME = "zquux_hiker";
  private static final String COMMISSION = """
      {"amount_usd": "25.00", "donation_type": "commission", "commission_type": "specific_post",
       "post_id": "1h1k01", "customer_email": "%s", "customer_name": "%s", "reddit_username": "%s",
       "is_anonymous": false, "commission_message": "Make it beautiful"}""".formatted(EMAIL, NAME, REDDIT_NAME);
  private static final String ADMIN = "admin-secret-e2e";

  @TempDir
  Path directory;

  private FakeProviders providers;
  private ClouvelServer server;
  private Client client;
  private ClouvelStore store;

  @BeforeEach
  void start() throws Exception {
    providers = new FakeProviders();
    server = ClouvelServer.fromEnvironment(providers.env("sqlite:" + directory.resolve("safety.db"))).start();
    client = new Client(server.baseUrl());
    store = server.clouvel().store();
  }

  @AfterEach
  void stop() {
    server.close();
    providers.close();
    new OpenApiContract().assertConforms(client.exchanges());
  }

  private Client.Reply signed(String payload) {
    return client.post("/api/donations/webhook", payload,
        "Stripe-Signature", new StripeWebhookSigner(StripeWebhookSigner.TEST_SECRET).sign(payload, Instant.now()));
  }

  private String checkout() {
    Client.Reply checkout = client.post("/api/donations/create-checkout-session", COMMISSION);
    assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
    return (String) client.object(checkout).get("session_id");
  }

  private String paidCheckout(String eventId) {
    String session = checkout();
    Client.Reply paid = signed(StripeJson.event(eventId, "checkout.session.completed", StripeJson.checkoutSession(
        session, "pi_" + session, 2500, "paid", providers.stripeApi.lastCheckoutMetadata())
        .replace("user@example.com", EMAIL).replace("John Doe", NAME)));
    assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    return session;
  }

  private void assertError(Client.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.body()).contains("\"code\":\"" + code + "\"").doesNotContain("Exception", "\tat ");
  }

  @Test
  void signedButHostileWebhooksAreRefusedAndChangeNothing() {
    Map<String, String> ours = new LinkedHashMap<>(Map.of("clouvel", "1", "clouvel_flow", "checkout",
        "donation_type", "commission", "commission_type", "random_subreddit", "subreddit", "hiking"));
    Map<String, String> specificWithoutPost = new LinkedHashMap<>(ours);
    specificWithoutPost.put("commission_type", "specific_post");
    specificWithoutPost.remove("subreddit");
    Map<String, String> unknownType = new LinkedHashMap<>(ours);
    unknownType.put("donation_type", "bribe");
    String dataNull = """
        {"id": "evt_h1", "object": "event", "api_version": "2025-01-27.acacia", "created": 1763985600,
         "type": "checkout.session.completed", "data": null}""";
    List<String> hostile = List.of(
        dataNull,
        StripeJson.event("evt_h2", "checkout.session.completed", "null"),
        StripeJson.event("evt_h3", "checkout.session.completed", StripeJson.checkoutSession("cs_h3", "pi_h3", -2500,
            "paid", ours)),
        StripeJson.event("evt_h4", "checkout.session.completed", StripeJson.checkoutSession("cs_h4", "pi_h4", 0, "paid",
            ours).replace("\"amount_total\": 0", "\"amount_total\": 9223372036854775808")),
        StripeJson.event("evt_h5", "checkout.session.completed", StripeJson.checkoutSession("cs_h5", "pi_h5",
            Long.MAX_VALUE, "paid", ours)),
        StripeJson.event("evt_h6", "checkout.session.completed", StripeJson.checkoutSession("cs_h6", "pi_h6",
            1_000_001, "paid", ours)),
        StripeJson.event("evt_h7", "checkout.session.completed", StripeJson.checkoutSession("cs_h7", "pi_h7", 49,
            "paid", ours)),
        StripeJson.event("evt_h8", "checkout.session.completed", StripeJson.checkoutSession("cs_h8", "pi_h8", 2500,
            "paid", specificWithoutPost)),
        StripeJson.event("evt_h9", "checkout.session.completed", StripeJson.checkoutSession("cs_h9", "pi_h9", 2500,
            "paid", unknownType)),
        StripeJson.event("evt_h10", "payment_intent.succeeded", "{\"id\": 5, \"object\": \"payment_intent\"}"),
        StripeJson.event("evt_h11", "charge.refunded", "{\"id\": [], \"object\": \"charge\"}"));
    for (String payload : hostile) {
      assertError(signed(payload), 400, "invalid_webhook");
    }

    assertThat(store.donations().list(PageRequest.first(10), null).total()).isZero();
    assertThat(store.tasks().depth()).isZero();
    assertThat(client.get("/api/donations/summary").body()).contains("\"total_amount_usd\":\"0.00\"");
    String replayable = StripeJson.event("evt_h5", "checkout.session.completed", StripeJson.checkoutSession("cs_h5",
        "pi_h5", 2500, "paid", ours));
    assertThat(client.object(signed(replayable))).as("a refused event id was not recorded as processed")
        .containsEntry("result", "fulfilled");
  }

  @Test
  void amountsOutsideTheAcceptedRangeAreRefusedOnEveryPath() {
    for (String amount : List.of("99999999999.99", "10000.01", "0.49", "-1.00")) {
      String manual = "{\"donation_type\": \"commission\", \"commission_type\": \"random_subreddit\","
          + " \"subreddit\": \"hiking\", \"amount_usd\": \"" + amount + "\"}";
      Client.Reply reply = client.post("/api/commissions/manual-create", manual, "X-Admin-Secret", ADMIN);
      assertThat(reply.status()).as(amount + ": " + reply.body()).isIn(400, 422);
      assertThat(client.post("/api/donations/create-checkout-session",
          COMMISSION.replace("\"25.00\"", "\"" + amount + "\"")).status()).as(amount).isIn(400, 422);
    }
    assertThat(client.post("/api/commissions/manual-create", "{\"donation_type\": \"commission\","
        + " \"commission_type\": \"random_subreddit\", \"subreddit\": \"hiking\", \"amount_usd\": \"10000.00\"}",
        "X-Admin-Secret", ADMIN).status()).as("the top of the range is accepted").isEqualTo(201);
    assertThat(client.get("/api/donations/summary").body()).contains("\"total_amount_usd\":\"10000.00\"");
    assertThat(store.donations().list(PageRequest.first(10), null).total()).isEqualTo(1);
  }

  @Test
  void anAdminCancelRefundsAPaidCommissionOnceAndARefundedOneIsNeverRetried() {
    String session = paidCheckout("evt_cancel_me");
    String taskId = (String) client.object(client.get("/api/donations/" + session)).get("task_id");

    Client.Reply cancelled = client.post("/api/tasks/" + taskId + "/cancel", "", "X-Admin-Secret", ADMIN);
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(client.object(cancelled)).containsEntry("status", "cancelled");
    assertThat(client.object(client.get("/api/donations/" + session))).containsEntry("status", "refunded");
    assertThat(providers.stripeApi.refunds()).hasSize(1);

    assertError(client.post("/api/tasks/" + taskId + "/cancel", "", "X-Admin-Secret", ADMIN), 409, "not_cancellable");
    assertError(client.post("/api/tasks/" + taskId + "/retry", "", "X-Admin-Secret", ADMIN), 409, "refunded");
    assertError(client.post("/api/tasks/" + "x".repeat(5000) + "/cancel", "", "X-Admin-Secret", ADMIN), 404,
        "not_found");
    assertThat(providers.stripeApi.refunds()).hasSize(1);
    assertThat(store.tasks().find(taskId).orElseThrow().status().wireName()).isEqualTo("cancelled");
  }

  @Test
  void logsNeverHoldEmailsDonorNamesOrSecrets() throws Exception {
    Path log = Path.of("target/test-logs/clouvel.log");
    long start = Files.exists(log) ? Files.size(log) : 0;

    paidCheckout("evt_log_paid");
    providers.openAiApi.rejectImages(true);
    String doomed = paidCheckout("evt_log_doomed");
    server.clouvel().commissions().workOnce();
    server.clouvel().commissions().workOnce();
    assertThat(client.object(client.get("/api/donations/" + doomed)).get("status")).isIn("refunded", "succeeded");
    Map<String, String> ours = Map.of("clouvel", "1", "donation_type", "commission",
        "commission_type", "specific_post", "customer_name", NAME, "reddit_username", REDDIT_NAME);
    signed(StripeJson.event("evt_log_hostile", "checkout.session.completed",
        StripeJson.checkoutSession("cs_log", "pi_log", -5, "paid", ours).replace("user@example.com", EMAIL)));
    signed(StripeJson.event("evt_log_hostile2", "checkout.session.completed",
        StripeJson.checkoutSession("cs_log2", "pi_log2", 2500, "paid", ours).replace("user@example.com", EMAIL)));
    client.post("/api/commissions/manual-create", COMMISSION, "X-Admin-Secret", "wrong-" + ADMIN);

    String written = tail(log, start);
    assertThat(written).as("the run was logged").contains("Refunding donation", "checkout.session.completed");
    String lower = written.toLowerCase(Locale.ROOT);
    Map<String, String> env = providers.env("unused");
    for (String secret : List.of(EMAIL, NAME, REDDIT_NAME, ADMIN, env.get("STRIPE_SECRET_KEY"),
        env.get("STRIPE_WEBHOOK_SECRET"), env.get("OPENAI_API_KEY"), env.get("REDDIT_CLIENT_SECRET"),
        env.get("REDDIT_PASSWORD"))) {
      assertThat(lower).as("the log holds " + secret).doesNotContain(secret.toLowerCase(Locale.ROOT));
    }
  }

  private static String tail(Path file, long from) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(from);
      byte[] bytes = new byte[(int) (in.length() - from)];
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
