package ai.clouvel.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.idea.ProductIdea;
import ai.clouvel.core.image.HostedImage;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.ProductLinks;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.server.ClouvelServer;
import ai.clouvel.test.stripe.StripeJson;
import ai.clouvel.test.stripe.StripeWebhookSigner;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference server on a random port, with MockWebServer as Reddit, OpenAI and Stripe, driven
 * over HTTP and WebSocket like a browser and Stripe would.
 */
class ServerEndToEndTest {
  private static final String COMMISSION = """
      {"amount_usd": "25.00", "subreddit": "hiking", "donation_type": "commission",
       "commission_type": "specific_post", "post_id": "https://www.reddit.com/r/hiking/comments/1h1k01/x/",
       "customer_email": "user@example.com", "customer_name": "John Doe", "reddit_username": "johnhiker",
       "is_anonymous": false, "commission_message": "Make it beautiful"}""";

  @TempDir
  Path directory;

  private FakeProviders providers;
  private ClouvelServer server;
  private Client client;

  @BeforeEach
  void start() throws Exception {
    providers = new FakeProviders();
    server = ClouvelServer.fromEnvironment(providers.env("sqlite:" + directory.resolve("e2e.db"))).start();
    client = new Client(server.baseUrl());
  }

  @AfterEach
  void stop() {
    server.close();
    providers.close();
    new OpenApiContract().assertConforms(client.exchanges());
  }

  private String deliver(String sessionId, String eventId) {
    String payload = StripeJson.event(eventId, "checkout.session.completed", StripeJson.checkoutSession(sessionId,
        "pi_" + sessionId, 2500, "paid", providers.stripeApi.lastCheckoutMetadata()));
    Client.Reply reply = client.post("/api/donations/webhook", payload,
        "Stripe-Signature", new StripeWebhookSigner(StripeWebhookSigner.TEST_SECRET).sign(payload, Instant.now()));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return (String) client.object(reply).get("result");
  }

  @Test
  void aCommissionGoesFromValidationToAProductInTheGalleryWhileTheSubscriberWatches() throws Exception {
    Client.Reply validation = client.post("/api/commissions/validate", COMMISSION);
    assertThat(validation.status()).as(validation.body()).isEqualTo(200);
    assertThat(client.object(validation)).containsEntry("tier", "gold").containsEntry("image_quality", "hd");

    Client.Reply checkout = client.post("/api/donations/create-checkout-session", COMMISSION);
    assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
    String sessionId = (String) client.object(checkout).get("session_id");
    assertThat(client.object(checkout).get("checkout_url")).isEqualTo("https://checkout.stripe.test/c/pay/" + sessionId);
    assertThat(client.object(client.get("/api/donations/" + sessionId))).containsEntry("status", "pending");

    try (Client.Socket watcher = client.socket("/ws"); Client.Socket bystander = client.socket("/ws/tasks")) {
      watcher.send("{\"type\": \"ping\"}");
      assertThat(watcher.next()).containsEntry("type", "pong");
      bystander.send("{\"type\": \"ping\"}");
      assertThat(bystander.next()).containsEntry("type", "pong");

      assertThat(deliver(sessionId, "evt_e2e_paid")).isEqualTo("fulfilled");
      Map<String, Object> donation = client.object(client.get("/api/donations/" + sessionId));
      assertThat(donation).containsEntry("status", "succeeded").containsEntry("donor_name", "John Doe")
          .doesNotContainKey("customer_email");
      String taskId = (String) donation.get("task_id");
      assertThat(bystander.nextOfType("general_update")).containsEntry("event", "task_created");

      watcher.send("{\"type\": \"subscribe\", \"task_id\": \"" + taskId + "\"}");
      Map<String, Object> subscribed = watcher.nextOfType("subscribed");
      assertThat(subscribed).containsEntry("task_id", taskId);

      assertThat(client.get("/api/generated_products?limit=10").body()).as("cached before the product exists")
          .contains("\"total\":0");
      server.clouvel().commissions().startWorkers();

      List<Integer> ladder = new ArrayList<>();
      String finalStatus = null;
      Object productId = null;
      while (finalStatus == null) {
        Map<String, Object> update = watcher.nextOfType("task_update");
        assertThat(update).containsEntry("task_id", taskId);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) update.get("data");
        ladder.add(((BigDecimal) data.get("progress")).intValue());
        if (!"in_progress".equals(data.get("status"))) {
          finalStatus = (String) data.get("status");
          productId = data.get("product_id");
        }
      }
      assertThat(finalStatus).isEqualTo("completed");
      assertThat(ladder).containsSubsequence(10, 20, 30, 40, 90, 95, 100).isSorted();
      assertThat(bystander.messages()).noneMatch(text -> text.contains("task_update"));

      long id = ((BigDecimal) productId).longValue();
      Map<String, Object> product = client.object(client.get("/api/generated_products/" + id));
      assertThat(product).containsEntry("image_title", "Whitney at Dawn").containsEntry("post_id", "1h1k01")
          .containsEntry("idea_model", "gpt-4o-mini").containsEntry("image_model", "dall-e-3");
      @SuppressWarnings("unchecked")
      Map<String, Object> commission = (Map<String, Object>) product.get("commission");
      assertThat(commission).containsEntry("donor_name", "John Doe").containsEntry("tier", "gold");

      Client.Reply gallery = client.get("/api/generated_products?limit=10");
      assertThat(gallery.body()).contains("\"id\":" + id).doesNotContain("user@example.com");

      String imageUrl = (String) product.get("image_url");
      Client.Reply image = client.get(imageUrl.substring(imageUrl.indexOf("/images/")));
      assertThat(image.status()).isEqualTo(200);
      assertThat(image.header("Content-Type")).isEqualTo("image/png");
      // TRY_HARDER, as a phone's camera app would: the code's pattern changes with the port in its
      // URL, and a few patterns on this painting need the slower search.
      String qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
          ImageIO.read(new ByteArrayInputStream(image.bytes()))))),
          java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
      assertThat(qr).isEqualTo("http://localhost:" + server.port() + "/p/" + id);
      assertThat(client.get("/p/" + id).body()).contains("Whitney at Dawn");

      Client.Reply bulk = client.get("/api/generated_products/bulk_donations?product_ids=" + id + ",999");
      assertThat(bulk.status()).isEqualTo(200);
      assertThat(bulk.body()).contains("\"product_id\":" + id, "\"donor_name\":\"John Doe\"", "\"support_count\":0")
          .doesNotContain("\"product_id\":999").doesNotContain("@example.com");

      assertThat(deliver(sessionId, "evt_e2e_paid")).isEqualTo("replayed");
      assertThat(server.clouvel().store().donations().list(PageRequest.first(10), null).total()).isEqualTo(1);
      assertThat(server.clouvel().store().tasks().list(PageRequest.first(10), null).total()).isEqualTo(1);
      assertThat(providers.stripeApi.refunds()).isEmpty();
    }
  }

  @Test
  void aCommissionThatCannotBeMadeIsRefundedOnce() throws Exception {
    providers.openAiApi.rejectImages(true);
    String sessionId = (String) client.object(client.post("/api/donations/create-checkout-session", COMMISSION))
        .get("session_id");
    deliver(sessionId, "evt_e2e_doomed");

    server.clouvel().commissions().startWorkers();
    Map<String, Object> donation = Map.of();
    for (int i = 0; i < 200 && !"refunded".equals(donation.get("status")); i++) {
      Thread.sleep(50);
      donation = client.object(client.get("/api/donations/" + sessionId));
    }
    assertThat(donation).containsEntry("status", "refunded").containsEntry("task_status", "failed");
    assertThat(providers.stripeApi.refunds()).hasSize(1);
    assertThat(providers.stripeApi.refunds().get(0).getHeaders().get("Idempotency-Key")).startsWith("clouvel-refund-");
    Map<String, Object> task = client.object(client.get("/api/tasks/" + donation.get("task_id")));
    assertThat((String) task.get("error")).contains("safety system");
  }

  @Test
  void badInputGetsAClearClientErrorAndWritesNothing() {
    String big = "{\"commission_message\": \"" + "x".repeat(70_000) + "\"}";
    assertError(client.post("/api/donations/create-checkout-session", big), 413, "payload_too_large");
    assertError(client.post("/api/donations/create-checkout-session", "{not json"), 400, "invalid_json");
    assertError(client.post("/api/donations/create-checkout-session", "[1, 2]"), 400, "invalid_json");
    assertError(client.post("/api/donations/create-checkout-session", "{}"), 400, "invalid_request");
    assertError(client.post("/api/donations/create-checkout-session",
        COMMISSION.replace("\"25.00\"", "\"19.999\"")), 400, "invalid_request");
    assertError(client.post("/api/donations/create-checkout-session",
        COMMISSION.replace("\"25.00\"", "-5")), 400, "invalid_request");
    assertError(client.post("/api/donations/create-checkout-session",
        COMMISSION.replace("specific_post", "everything")), 400, "invalid_request");
    assertError(client.post("/api/donations/create-checkout-session",
        COMMISSION.replace("\"25.00\"", "24.99")), 422, "amount_below_minimum");
    assertError(client.post("/api/donations/create-checkout-session",
        COMMISSION.replace("comments/1h1k01", "comments/zzzzzz")), 422, "post_not_found");
    assertError(client.post("/api/donations/create-checkout-session",
        COMMISSION.replace("user@example.com", "not-an-email")), 400, "invalid_request");
    assertError(client.post("/api/donations/create-payment-intent", "{\"amount_usd\": \"0.10\", "
        + "\"donation_type\": \"support\", \"post_id\": \"1h1k01\"}"), 422, "amount_out_of_range");
    assertError(client.post("/api/donations/webhook", "{\"id\": \"evt_x\"}"), 400, "invalid_webhook");
    assertError(client.post("/api/donations/webhook", "{\"id\": \"evt_x\"}", "Stripe-Signature", "t=1,v1=00"),
        400, "invalid_webhook");
    assertError(client.get("/api/generated_products?limit=0"), 400, "invalid_limit");
    assertError(client.get("/api/generated_products?offset=-1"), 400, "invalid_offset");
    assertError(client.get("/api/generated_products?subreddit=a%20b"), 400, "invalid_subreddit");
    assertError(client.get("/api/generated_products/abc"), 400, "invalid_product_id");
    assertError(client.get("/api/generated_products/12345"), 404, "not_found");
    StringBuilder ids = new StringBuilder("1");
    for (int i = 2; i <= 101; i++) {
      ids.append(',').append(i);
    }
    assertError(client.get("/api/generated_products/bulk_donations?product_ids=" + ids), 400, "too_many_ids");
    assertError(client.get("/api/generated_products/bulk_donations?product_ids=1&supports_limit=101"), 400,
        "invalid_supports_limit");
    assertError(client.get("/api/generated_products/bulk_donations?product_ids=1&supports_limit=all"), 400,
        "invalid_supports_limit");
    assertError(client.get("/api/tasks/unknown-task"), 404, "not_found");
    assertError(client.get("/api/tasks?status=sleeping"), 400, "invalid_status");
    assertError(client.get("/api/donations/cs_unknown"), 404, "not_found");
    assertThat(client.get("/images/../../etc/passwd").status()).isEqualTo(404);
    assertThat(client.get("/nowhere").header("Content-Type")).as("an HTML page outside /api/").startsWith("text/html");
    assertError(client.get("/api/nowhere"), 404, "not_found");
    assertError(client.post("/api/commissions/manual-create", COMMISSION), 403, "forbidden");
    assertError(client.post("/api/commissions/manual-create", COMMISSION, "X-Admin-Secret", "wrong"), 403, "forbidden");
    assertError(client.post("/api/admin/scheduler/run-now", "{}"), 403, "forbidden");
    assertError(client.post("/api/publish/product/1?dry_run=true", ""), 403, "forbidden");
    assertError(client.post("/api/admin/scheduler/config", "{\"interval_minutes\": 0}",
        "X-Admin-Secret", "admin-secret-e2e"), 400, "invalid_request");

    var store = server.clouvel().store();
    assertThat(store.donations().list(PageRequest.first(10), null).total()).isZero();
    assertThat(store.tasks().depth()).isZero();
    assertThat(providers.stripeApi.requests()).isEmpty();
  }

  @Test
  void adminEndpointsWorkWithTheSecret() {
    String admin = "admin-secret-e2e";
    Client.Reply manual = client.post("/api/commissions/manual-create",
        "{\"donation_type\": \"commission\", \"commission_type\": \"random_subreddit\", \"subreddit\": \"hiking\"}",
        "X-Admin-Secret", admin);
    assertThat(manual.status()).as(manual.body()).isEqualTo(201);
    String taskId = (String) client.object(manual).get("task_id");
    assertThat(client.post("/api/tasks/" + taskId + "/cancel", "", "X-Admin-Secret", admin).status()).isEqualTo(200);
    assertError(client.post("/api/tasks/" + taskId + "/cancel", "", "X-Admin-Secret", admin), 409, "not_cancellable");
    assertThat(client.object(client.post("/api/tasks/" + taskId + "/retry", "", "X-Admin-Secret", admin)))
        .containsEntry("status", "pending");

    Client.Reply config = client.post("/api/admin/scheduler/config",
        "{\"enabled\": true, \"interval_minutes\": 90, \"commission_type\": \"random_random\"}", "X-Admin-Secret", admin);
    assertThat(client.object(config)).containsEntry("enabled", true);
    assertThat(client.object(client.get("/api/admin/scheduler/status", "X-Admin-Secret", admin)))
        .containsEntry("interval_minutes", new BigDecimal(90));
    assertThat(client.post("/api/admin/agents/scan", "", "X-Admin-Secret", admin).body()).contains("\"scanned\":3");
    assertThat(client.get("/api/donations/summary").body()).contains("\"goals\":[]");
    Client.Reply goal = client.post("/api/admin/goals", "{\"title\": \"New boots\", \"subreddit\": \"hiking\","
        + " \"target_usd\": \"100.00\", \"days\": 30}", "X-Admin-Secret", admin);
    assertThat(goal.status()).as(goal.body()).isEqualTo(201);
    assertThat(client.get("/api/donations/summary").body()).contains("\"title\":\"New boots\"", "\"target_usd\":\"100.00\"");
    assertError(client.post("/api/admin/goals", "{\"title\": \"x\"}", "X-Admin-Secret", admin), 400, "invalid_request");
    assertThat(client.get("/api/admin/agents/candidates", "X-Admin-Secret", admin).body()).contains("1h1k01");
  }

  @Test
  void anAdminCanAnnounceAProductOnTheRedditPostItCameFrom() {
    String admin = "admin-secret-e2e";
    ClouvelStore store = server.clouvel().store();
    store.posts().save(new Post("1h1k01", "hiking", "Whitney at sunrise", "", "ridge_runner", null, 4210, 233,
        Instant.now().minusSeconds(3600), false, false, false, false));
    long id = store.products().nextId();
    store.products().save(new Product(id, "1h1k01", "hiking", "Whitney at sunrise",
        new ProductIdea("Summit glow", "Whitney at Dawn", "A granite peak glowing pink."),
        new HostedImage("img1", "http://localhost/images/img1.png"),
        new ProductLinks("http://shop.test/1", "http://shop.test/1?rf=1", "256344169523425346"), "v1", "gpt-4o-mini",
        "dall-e-3", ImageQuality.HD, Instant.now()));

    Client.Reply dry = client.post("/api/publish/product/" + id, "", "X-Admin-Secret", admin);
    assertThat(dry.body()).contains("\"dry_run\":true", "Whitney at Dawn");
    assertThat(providers.redditApi.requests()).noneMatch(r -> r.getUrl().encodedPath().equals("/api/comment"));

    Client.Reply real = client.post("/api/publish/product/" + id + "?dry_run=false", "", "X-Admin-Secret", admin);
    assertThat(real.status()).as(real.body()).isEqualTo(200);
    assertThat(real.body()).contains("\"dry_run\":false", "\"outcome\":\"done\"", "\"reddit_id\":\"t1_e2ec0mm\"",
        "\"already_published\":false");
    RecordedRequest comment = providers.redditApi.requests().stream()
        .filter(r -> r.getUrl().encodedPath().equals("/api/comment")).findFirst().orElseThrow();
    assertThat(comment.getBody().string(StandardCharsets.UTF_8)).contains("thing_id=t3_1h1k01", "Whitney+at+Dawn");
    assertThat(providers.redditApi.requests()).anyMatch(r -> r.getUrl().encodedPath().equals("/api/v1/access_token")
        && r.getBody().string(StandardCharsets.UTF_8).contains("grant_type=password"));

    // A second live call on the same product and target returns the first result and posts nothing.
    Client.Reply again = client.post("/api/publish/product/" + id + "?dry_run=false", "", "X-Admin-Secret", admin);
    assertThat(again.body()).contains("\"outcome\":\"duplicate\"", "\"reddit_id\":\"t1_e2ec0mm\"",
        "\"already_published\":true");
    assertThat(providers.redditApi.requests()).filteredOn(r -> r.getUrl().encodedPath().equals("/api/comment")).hasSize(1);

    providers.redditApi.rateLimitComments(true);
    Client.Reply limited = client.post("/api/publish/product/" + id + "?target=post&dry_run=false", "",
        "X-Admin-Secret", admin);
    assertError(limited, 503, "provider_unavailable");
    assertThat(limited.header("Retry-After")).isEqualTo("62");
    assertThat(limited.body()).doesNotContain("e2e-reddit-password");
    RecordedRequest submit = providers.redditApi.requests().stream()
        .filter(r -> r.getUrl().encodedPath().equals("/api/submit")).findFirst().orElseThrow();
    assertThat(submit.getBody().string(StandardCharsets.UTF_8)).contains("sr=clouvel",
        "url=http%3A%2F%2Flocalhost%2Fimages%2Fimg1.png");
    assertThat(store.agents().actions(PageRequest.first(10), null).total()).isEqualTo(3);

    providers.redditApi.rateLimitComments(false);
    Client.Reply posted = client.post("/api/publish/product/" + id + "?target=post&dry_run=false", "",
        "X-Admin-Secret", admin);
    assertThat(posted.body()).as(posted.body()).contains("\"outcome\":\"done\"", "\"reddit_id\":\"t3_e2ep0st\"");
  }

  @Test
  void statusHealthTiersAndCors() {
    assertThat(client.object(client.get("/health"))).containsEntry("status", "ok").containsEntry("database", "ok");
    Map<String, Object> status = client.object(client.get("/api/status"));
    assertThat(status).containsEntry("mode", "live").doesNotContainKey("admin_enabled");
    assertThat(client.object(client.get("/api/status", "X-Admin-Secret", "admin-secret-e2e")))
        .containsEntry("admin_enabled", true);
    assertThat(client.get("/api/status").body()).contains("\"payments\":\"live\"", "\"ideas\":\"live\"",
        "\"queue_depth\":0", "\"cost_usd\"").doesNotContain("sk_test_e2e").doesNotContain("sk-e2e-test-key");
    assertThat(client.get("/api/donation-tiers").body()).contains("\"name\":\"diamond\"", "\"min_amount_usd\":\"100.00\"",
        "\"type\":\"specific_post\",\"min_tier\":\"gold\"");
    assertThat(client.get("/api/donations/summary").status()).isEqualTo(200);
    assertThat(client.get("/api/donations/by-subreddit").status()).isEqualTo(200);
    assertThat(client.get("/api/tasks").body()).contains("\"items\":[]", "\"total\":0");

    assertThat(client.get("/api/status", "Origin", "https://allowed.example").header("Access-Control-Allow-Origin"))
        .isEqualTo("https://allowed.example");
    assertThat(client.get("/api/status", "Origin", "https://evil.example").header("Access-Control-Allow-Origin")).isNull();
    Client.Reply preflight = client.options("/api/donations/create-checkout-session", "Origin", "https://allowed.example",
        "Access-Control-Request-Method", "POST");
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
  }

  private void assertError(Client.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    Map<String, Object> body = client.object(reply);
    assertThat(body).containsKey("error");
    @SuppressWarnings("unchecked")
    Map<String, Object> error = (Map<String, Object>) body.get("error");
    assertThat(error).containsEntry("code", code).containsKey("message").containsKey("details");
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
