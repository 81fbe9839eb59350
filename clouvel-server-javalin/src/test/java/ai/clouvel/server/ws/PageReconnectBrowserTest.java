package ai.clouvel.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.server.ClouvelServer;
import ai.clouvel.server.testing.FreePorts;
import ai.clouvel.store.SqlStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real page in headless Chromium: it follows a paid commission, the server goes away, the
 * commission fails for good while the page has no socket, the server comes back, and the page
 * shows the failure without a reload.
 *
 * <p>Needs Chromium ({@code apt-get install chromium}); CI installs it and sets
 * {@code CLOUVEL_REQUIRE_BROWSER=true}, which turns a missing browser into a failure instead of a
 * skipped test.
 */
class PageReconnectBrowserTest {
  @TempDir
  Path directory;

  private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();

  @Test
  void aPageWhoseServerRestartedShowsTheCommissionThatFailedMeanwhile() throws Exception {
    String browser = Chromium.requiredBinary();

    int port = FreePorts.free();
    String database = "sqlite:" + directory.resolve("page.db");
    Map<String, String> env = Map.of("PORT", String.valueOf(port), "DATABASE_URL", database, "WORKERS", "0",
        "SEED_DEMO", "false", "WS_PING_INTERVAL_SECONDS", "1", "WS_IDLE_TIMEOUT_SECONDS", "5");
    String base = "http://localhost:" + port;
    String paymentId;
    String taskId;
    ClouvelServer first = ClouvelServer.fromEnvironment(env).start();
    // The browser's profile lives outside @TempDir: a helper process still exiting must not fail
    // the test by holding a file when JUnit deletes its folder.
    Path profileRoot = Files.createTempDirectory("clouvel-chromium");
    try (Chromium chromium = new Chromium(browser, profileRoot.resolve("profile"))) {
      try {
        paymentId = (String) new ai.clouvel.server.http.Json().readObject(post(base + "/api/donations/create-checkout-session",
            "{\"amount_usd\": \"10.00\", \"donation_type\": \"commission\", \"commission_type\": \"random_subreddit\","
                + " \"subreddit\": \"space\", \"is_anonymous\": true}")).get("session_id");
        post(base + "/demo/checkout/" + paymentId + "/complete", "");
        taskId = first.clouvel().store().tasks().list(new ai.clouvel.core.paging.PageRequest(10, 0), null)
            .items().get(0).id();

        chromium.navigate(base + "/commission?checkout=success&payment_id=" + paymentId);
        chromium.awaitText("document.getElementById('progress-status').textContent", "0% - ", 30);
      } finally {
        first.close();
      }

      // The page has lost its socket; the commission fails for good while no server is there.
      chromium.awaitText("document.getElementById('progress-connection').textContent", "reconnecting", 30);
      try (SqlStore store = SqlStore.open(database)) {
        Task claimed = store.tasks().claim("worker-1", Duration.ofMinutes(1)).orElseThrow();
        assertThat(claimed.id()).isEqualTo(taskId);
        assertThat(store.tasks().fail(taskId, "worker-1", "no post could be used", true, Instant.now()))
            .contains(TaskStatus.FAILED);
      }

      try (ClouvelServer second = ClouvelServer.fromEnvironment(env).start()) {
        chromium.awaitText("document.getElementById('progress-result').textContent", "could not be made", 40);
        assertThat(chromium.evaluate("document.getElementById('progress-connection').textContent")).isEmpty();
        assertThat(chromium.evaluate("performance.getEntriesByType('resource').map(e => e.name).join(' ')"))
            .as("the page re-read the task over REST after reconnecting").contains("/api/tasks/" + taskId);
        assertThat(second.port()).isEqualTo(port);
      }
    } finally {
      http.dispatcher().executorService().shutdownNow();
      http.connectionPool().evictAll();
      Chromium.deleteProfile(profileRoot);
    }
  }



  private String post(String url, String body) throws IOException {
    try (Response response = http.newCall(new Request.Builder().url(url)
        .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute()) {
      assertThat(response.code()).as(url).isIn(201, 303);
      return response.body().string();
    }
  }

}
