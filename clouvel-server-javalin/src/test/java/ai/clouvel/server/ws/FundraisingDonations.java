package ai.clouvel.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Donations made through the real flow of a demo-mode server, as a visitor and an admin would:
 * a fundraising goal, checkouts paid on the demo checkout page (the same fulfilment as a Stripe
 * webhook), and a commission cancelled by the admin, which refunds it. Shared by the fundraising
 * API test (SQLite and PostgreSQL) and the fundraising page's browser test.
 */
public final class FundraisingDonations implements AutoCloseable {
  /** The admin secret the server under test must be started with. */
  public static final String ADMIN_SECRET = "fundraising-admin-secret";

  /** What no public answer may contain: emails, messages and the names of anonymous or refunded donors. */
  public static final String[] PRIVATE = {"@example.com", "Hidden Harry", "harry_h", "Refunded Rita",
      "Paint my dog", "Keep it secret", "rita_r"};

  private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();
  private final Json json = new Json();
  private final String base;

  /**
   * Talks to a server.
   *
   * @param base the server's base URL
   */
  public FundraisingDonations(String base) {
    this.base = base;
  }

  /**
   * Makes the set: a $200 goal for r/hiking, then Ada's two hiking commissions ($25, $50), an
   * anonymous $10 commission for r/space, a $5 support of a hiking post by a donor who gave only a
   * Reddit username, and a $100 commission for r/space that the admin cancels (refunded).
   *
   * @return the payment id of the refunded donation
   */
  public String makeAll() {
    call("POST", "/api/admin/goals", "{\"title\": \"New trail boots\", \"subreddit\": \"hiking\", \"target_usd\": \"200.00\"}",
        201);
    pay(commission("25.00", "hiking", "Ada Lovelace", "ada_l", "ada@example.com", false, "Paint my dog Rex"));
    pay(commission("10.00", "space", "Hidden Harry", "harry_h", "harry@example.com", true, "Keep it secret"));
    pay("{\"amount_usd\": \"5.00\", \"donation_type\": \"support\", \"post_id\": \"1h1k01\","
        + " \"customer_email\": \"fan@example.com\", \"reddit_username\": \"trail_fan\", \"is_anonymous\": false}");
    pay(commission("50.00", "hiking", "Ada Lovelace", null, "ada@example.com", false, "Paint my dog again"));
    String refunded = pay(commission("100.00", "space", "Refunded Rita", "rita_r", "rita@example.com", false,
        "Paint my dog Rita"));
    String taskId = (String) json.readObject(call("GET", "/api/donations/" + refunded, null, 200)).get("task_id");
    call("POST", "/api/tasks/" + taskId + "/cancel", "", 200);
    String status = "";
    for (int i = 0; i < 200 && !"refunded".equals(status); i++) {
      status = (String) json.readObject(call("GET", "/api/donations/" + refunded, null, 200)).get("status");
      if (!"refunded".equals(status)) {
        sleep();
      }
    }
    assertThat(status).as("the cancelled commission was refunded").isEqualTo("refunded");
    return refunded;
  }

  private static String commission(String usd, String subreddit, String name, String reddit, String email,
      boolean anonymous, String message) {
    return "{\"amount_usd\": \"" + usd + "\", \"donation_type\": \"commission\", \"commission_type\": \"random_subreddit\","
        + " \"subreddit\": \"" + subreddit + "\", \"customer_name\": \"" + name + "\","
        + (reddit == null ? "" : " \"reddit_username\": \"" + reddit + "\",")
        + " \"customer_email\": \"" + email + "\", \"is_anonymous\": " + anonymous + ","
        + " \"commission_message\": \"" + message + "\"}";
  }

  /** Starts a checkout and pays it on the demo checkout page; returns its payment id. */
  private String pay(String request) {
    String paymentId = (String) json.readObject(call("POST", "/api/donations/create-checkout-session", request, 201))
        .get("session_id");
    call("POST", "/demo/checkout/" + paymentId + "/complete", "", 303);
    // Creation times order the recent donations: keep them apart.
    sleep();
    return paymentId;
  }

  private String call(String method, String path, String body, int expected) {
    Request.Builder request = new Request.Builder().url(base + path).header("X-Admin-Secret", ADMIN_SECRET);
    request.method(method, body == null ? null : RequestBody.create(body, MediaType.get("application/json")));
    try (Response response = http.newCall(request.build()).execute()) {
      String text = response.body().string();
      assertThat(response.code()).as(method + " " + path + ": " + text).isEqualTo(expected);
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
  }
}
