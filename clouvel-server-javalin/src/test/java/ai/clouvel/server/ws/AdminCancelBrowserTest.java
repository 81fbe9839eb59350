package ai.clouvel.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.offline.DemoPaymentGateway;
import ai.clouvel.server.ClouvelServer;
import ai.clouvel.server.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin area in headless Chromium, with no workers (a paid commission stays queued): a wrong
 * secret shows the server's refusal and does nothing; a secret that stops working mid-session
 * cancels nothing; the admin signs in, cancels the paid commission made through the demo
 * checkout after confirming, and the page and the API both show it cancelled with its donation
 * refunded, exactly once at the payment gateway.
 */
class AdminCancelBrowserTest {
  private static final String ADMIN = "admin-secret-cancel";
  private static final String COMMISSION = """
      {"amount_usd": "25.00", "donation_type": "commission", "commission_type": "random_subreddit",
       "subreddit": "cats", "customer_email": "donor@example.com", "customer_name": "Dana Donor",
       "is_anonymous": false}""";

  @TempDir
  Path directory;

  private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();
  private final Json json = new Json();

  @Test
  void aWrongSecretDoesNothingAndTheAdminCancelsAPaidCommissionWhichIsRefundedOnce() throws Exception {
    String browser = Chromium.requiredBinary();

    Map<String, String> env = Map.of("PORT", "0", "DATABASE_URL", "sqlite:" + directory.resolve("cancel.db"),
        "WORKERS", "0", "SEED_DEMO", "false", "ADMIN_SECRET", ADMIN);
    Path profileRoot = Files.createTempDirectory("clouvel-chromium");
    try (ClouvelServer server = ClouvelServer.fromEnvironment(env).start();
         Chromium chromium = new Chromium(browser, profileRoot.resolve("profile"))) {
      String base = server.baseUrl();
      DemoPaymentGateway gateway = (DemoPaymentGateway) server.clouvel().paymentGateway();

      // A paid commission through the demo checkout page; with no workers it stays queued.
      String session = (String) post(base + "/api/donations/create-checkout-session", COMMISSION).get("session_id");
      chromium.navigate(base + "/demo/checkout/" + session);
      chromium.awaitText("String(document.querySelector('main.checkout form button') !== null)", "true", 20);
      chromium.evaluate("document.querySelector('main.checkout form button').click(); 'paid'");
      chromium.awaitText("location.search", "checkout=success", 20);
      Map<String, Object> donation = get(base + "/api/donations/" + session);
      assertThat(donation).containsEntry("status", "succeeded");
      String taskId = (String) donation.get("task_id");
      assertThat(get(base + "/api/tasks/" + taskId)).containsEntry("status", "pending");

      // A wrong secret: the server's refusal is shown, no panel opens, the tab keeps no secret.
      chromium.navigate(base + "/admin");
      chromium.awaitText("location.pathname + ' ' + document.readyState", "/admin complete", 20);
      signIn(chromium, "not-the-secret");
      chromium.awaitText("document.getElementById('signin-message').textContent", "refused", 20);
      assertThat(chromium.evaluate("document.getElementById('signin-message').textContent"))
          .contains("a valid X-Admin-Secret header is required", "Nothing was done");
      assertThat(chromium.evaluate("String(document.getElementById('admin-panels').hidden)")).isEqualTo("true");
      assertThat(chromium.evaluate("sessionStorage.getItem('clouvel.adminSecret') || 'none'")).isEqualTo("none");
      assertThat(chromium.evaluate("document.getElementById('tasks-table').tBodies[0].rows.length")).isEqualTo("0");

      // The right one: the queued task and its paid donation are listed.
      signIn(chromium, ADMIN);
      String row = "document.querySelector('tr[data-task=\"" + taskId + "\"]')";
      chromium.awaitText("String(" + row + " && " + row + ".textContent)", taskId, 20);
      assertThat(chromium.evaluate(row + ".querySelector('.task-status').textContent")).isEqualTo("queued");
      assertThat(chromium.evaluate(row + ".querySelector('.refund-state').textContent")).isEqualTo("paid");
      assertThat(chromium.evaluate(row + ".textContent")).contains("$25.00 via demo", "random post in r/cats");

      // The secret stops working (say it was rotated): the confirmed cancel is refused and nothing happens.
      chromium.evaluate("sessionStorage.setItem('clouvel.adminSecret', 'rotated-meanwhile'); 'set'");
      clickCancelAndAnswer(chromium, row, "confirm-ok");
      chromium.awaitText("document.getElementById('signin-message').textContent", "refused", 20);
      assertThat(chromium.evaluate("String(document.getElementById('admin-panels').hidden)")).isEqualTo("true");
      assertThat(get(base + "/api/tasks/" + taskId)).containsEntry("status", "pending");
      assertThat(gateway.refundRequests()).isEmpty();

      // Signed in again: "Keep it" keeps it; confirming cancels and refunds.
      signIn(chromium, ADMIN);
      chromium.awaitText("String(" + row + " && " + row + ".textContent)", taskId, 20);
      String question = clickCancelAndAnswer(chromium, row, "confirm-cancel");
      assertThat(question).contains(taskId, "$25.00 donation is refunded", "cannot be undone");
      chromium.awaitText("document.getElementById('tasks-message').textContent", "Nothing was cancelled", 20);
      assertThat(get(base + "/api/tasks/" + taskId)).containsEntry("status", "pending");

      clickCancelAndAnswer(chromium, row, "confirm-ok");
      chromium.awaitText(row + ".querySelector('.task-status').textContent", "cancelled", 20);
      assertThat(chromium.evaluate(row + ".querySelector('.refund-state').textContent")).isEqualTo("refunded");
      assertThat(chromium.evaluate("document.getElementById('tasks-message').textContent"))
          .contains(taskId + " is cancelled", "its donation: refunded");
      assertThat(chromium.evaluate(row + ".querySelectorAll('button').length"))
          .as("neither cancel nor retry is offered for a refunded commission").isEqualTo("0");

      // The API and the store agree; the gateway was asked for exactly one refund.
      assertThat(get(base + "/api/tasks/" + taskId)).containsEntry("status", "cancelled");
      assertThat(get(base + "/api/donations/" + session)).containsEntry("status", "refunded");
      assertThat(server.clouvel().store().donations().findByPaymentId(session).orElseThrow().status())
          .isEqualTo(DonationStatus.REFUNDED);
      assertThat(gateway.refundRequests()).hasSize(1);

      // The tab remembers the secret across a reload, and the page still shows the refund.
      chromium.navigate(base + "/admin");
      chromium.awaitText("String(" + row + " && " + row + ".querySelector('.refund-state').textContent)", "refunded", 20);
      assertThat(gateway.refundRequests()).hasSize(1);
    } finally {
      Chromium.deleteProfile(profileRoot);
      http.dispatcher().executorService().shutdownNow();
      http.connectionPool().evictAll();
    }
  }

  private static void signIn(Chromium chromium, String secret) throws Exception {
    chromium.evaluate("document.getElementById('admin-secret').value = '" + secret + "';"
        + " document.getElementById('signin-form').requestSubmit(); 'submitted'");
  }

  /** Clicks the row's Cancel, waits for the confirmation, answers it; returns the question asked. */
  private static String clickCancelAndAnswer(Chromium chromium, String row, String answer) throws Exception {
    chromium.evaluate(row + ".querySelector('[data-cancel]').click(); 'clicked'");
    chromium.awaitText("String(document.getElementById('confirm').open)", "true", 20);
    String question = chromium.evaluate("document.getElementById('confirm-text').textContent");
    chromium.evaluate("document.getElementById('" + answer + "').click(); 'answered'");
    chromium.awaitText("String(document.getElementById('confirm').open)", "false", 20);
    return question;
  }

  private Map<String, Object> get(String url) throws Exception {
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).as(url).isEqualTo(200);
      return json.readObject(response.body().string());
    }
  }

  private Map<String, Object> post(String url, String body) throws Exception {
    try (Response response = http.newCall(new Request.Builder().url(url)
        .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute()) {
      String text = response.body().string();
      assertThat(response.code()).as(text).isEqualTo(201);
      return json.readObject(text);
    }
  }
}
