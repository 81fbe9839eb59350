package ai.clouvel.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.server.ClouvelServer;
import ai.clouvel.server.testing.FreePorts;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no keys: SQLite, offline providers, a seeded gallery and a local checkout page. */
class DemoModeTest {
  @TempDir
  Path directory;

  @Test
  void aNewcomerCanCommissionAProductAndWatchItBeingMade() throws Exception {
    Map<String, String> env = Map.of("PORT", String.valueOf(FreePorts.free()),
        "DATABASE_URL", "sqlite:" + directory.resolve("demo.db"), "WORKERS", "1");
    try (ClouvelServer server = ClouvelServer.fromEnvironment(env).start()) {
      Client client = new Client(server.baseUrl());
      assertThat(server.mode()).isEqualTo("demo");
      assertThat(client.get("/api/status").body()).contains("\"mode\":\"demo\"", "\"payments\":\"demo\"");
      assertThat(client.get("/health").status()).as("healthy while the gallery is being painted").isEqualTo(200);
      assertThat(server.seeding().get(60, java.util.concurrent.TimeUnit.SECONDS)).hasSize(12);
      Map<String, Object> gallery = client.object(client.get("/api/generated_products?limit=50"));
      assertThat(((BigDecimal) gallery.get("total")).intValue()).isGreaterThanOrEqualTo(12);
      assertThat(client.get("/").body()).contains("DEMO MODE", "<script src=\"/assets/gallery.js\">");
      assertThat(client.get("/assets/commission.js").body()).contains("/api/donations/create-checkout-session");

      Client.Reply checkout = client.post("/api/donations/create-checkout-session",
          "{\"amount_usd\": 10, \"donation_type\": \"commission\", \"commission_type\": \"random_subreddit\","
              + " \"subreddit\": \"space\", \"is_anonymous\": true, \"customer_name\": \"Secret Santa\"}");
      assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
      String sessionId = (String) client.object(checkout).get("session_id");
      String page = (String) client.object(checkout).get("checkout_url");
      assertThat(page).isEqualTo(server.baseUrl() + "/demo/checkout/" + sessionId);
      assertThat(client.get("/demo/checkout/" + sessionId).body()).as("the page names what is bought")
          .contains("$10.00", "DEMO MODE", "Silver commission: a post from r/space");

      Client.Reply paid = client.post("/demo/checkout/" + sessionId + "/complete", "");
      assertThat(paid.status()).isEqualTo(303);
      assertThat(paid.header("Location")).isEqualTo("/commission?checkout=success&payment_id=" + sessionId);

      Map<String, Object> donation = Map.of();
      for (int i = 0; i < 200 && !"completed".equals(donation.get("task_status")); i++) {
        Thread.sleep(50);
        donation = client.object(client.get("/api/donations/" + sessionId));
      }
      assertThat(donation).containsEntry("task_status", "completed").containsEntry("donor_name", "Anonymous")
          .containsEntry("subreddit", "space");
      assertThat(client.get("/api/donations/" + sessionId).body()).doesNotContain("Secret Santa");
      assertThat(client.post("/demo/checkout/" + sessionId + "/complete", "").status())
          .as("paying twice changes nothing").isEqualTo(303);
      assertThat(client.get("/api/tasks").body()).contains("\"total\":1");
      assertThat(client.get("/p/" + donation.get("product_id")).status()).isEqualTo(200);
      new OpenApiContract().assertConforms(client.exchanges());
    }
  }

  @Test
  void liveStripeNeedsAWebhookSecret() {
    Map<String, String> env = Map.of("PORT", "0", "DATABASE_URL", "sqlite:" + directory.resolve("x.db"),
        "STRIPE_SECRET_KEY", "sk_live_something");
    assertThatThrownBy(() -> ClouvelServer.fromEnvironment(env)).hasMessageContaining("STRIPE_WEBHOOK_SECRET");
  }
}
