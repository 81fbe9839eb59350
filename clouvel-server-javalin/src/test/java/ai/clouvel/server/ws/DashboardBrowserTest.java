package ai.clouvel.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.server.ClouvelServer;
import ai.clouvel.server.http.Json;
import ai.clouvel.server.testing.FreePorts;
import ai.clouvel.store.SqlStore;
import ai.clouvel.test.openai.FakeOpenAi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live task dashboard in headless Chromium, opened before anything is paid: a commission paid
 * meanwhile appears by itself, shows as running with its progress moving (OpenAI is the test
 * kit's fake, answering each image after 9 s, so the honest image progress ticks several times),
 * then as completed with a link to its product; a commission whose image is refused shows as
 * failed, and its payment is refunded. The page is never reloaded. And a dashboard whose server
 * went away reconnects, re-reads every group over REST and shows the task that failed meanwhile.
 */
class DashboardBrowserTest {
  @TempDir
  Path directory;

  private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();
  private final Json json = new Json();

  @Test
  void aPaidCommissionAppearsRunsWithMovingProgressCompletesAndARefusedOneFails() throws Exception {
    String browser = Chromium.requiredBinary();
    FakeOpenAi openAiApi = new FakeOpenAi().latency(Duration.ZERO, Duration.ofSeconds(9));
    MockWebServer openAi = new MockWebServer();
    openAi.setDispatcher(openAiApi);
    openAi.start();
    Path profileRoot = Files.createTempDirectory("clouvel-chromium");
    try (ClouvelServer server = ClouvelServer.fromEnvironment(Map.of("PORT", String.valueOf(FreePorts.free()),
        "DATABASE_URL", "sqlite:" + directory.resolve("dashboard.db"), "WORKERS", "1", "SEED_DEMO", "false",
        "OPENAI_API_KEY", "sk-dashboard-test-key", "OPENAI_BASE_URL", openAi.url("/v1").toString())).start();
         Chromium chromium = new Chromium(browser, profileRoot.resolve("profile"))) {
      String base = server.baseUrl();
      chromium.navigate(base + "/dashboard");
      chromium.awaitText("document.getElementById('dash-connection').textContent", "Live", 30);
      chromium.awaitText("document.body.dataset.loaded || ''", "dashboard", 30);
      assertThat(chromium.evaluate("document.querySelector('#group-pending .count').textContent")).isEqualTo("(0)");

      String paymentId = payCommission(base, "hiking");
      String taskId = (String) get(base + "/api/donations/" + paymentId).get("task_id");
      String row = "document.querySelector('#group-in_progress #task-" + taskId + " .percent')";
      chromium.awaitText("String(!!" + row + ")", "true", 30);
      chromium.viewport(1280, 900);
      chromium.screenshot(Path.of("target", "screenshots", "dashboard-running.png"));

      // Follow the running row until it leaves the running group: its percentage only grows.
      List<Integer> seen = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        String percent = chromium.evaluate(row + " ? " + row + ".textContent : ''");
        if (percent.isEmpty()) {
          break;
        }
        int value = Integer.parseInt(percent.replace("%", ""));
        if (seen.isEmpty() || seen.get(seen.size() - 1) != value) {
          seen.add(value);
        }
        Thread.sleep(150);
      }
      assertThat(seen).as("percentages shown while running").isSorted();
      assertThat(seen.stream().filter(p -> p >= 40 && p < 90).distinct().count())
          .as("the image's progress moved while it ran: " + seen).isGreaterThanOrEqualTo(3);

      String done = "#group-completed #task-" + taskId;
      chromium.awaitText("String(!!document.querySelector('" + done + "'))", "true", 30);
      Map<String, Object> task = get(base + "/api/tasks/" + taskId);
      assertThat(task).containsEntry("status", "completed");
      assertThat(chromium.evaluate("document.querySelector('" + done + " .percent').textContent")).isEqualTo("100%");
      assertThat(chromium.evaluate("document.querySelector('" + done + " a').getAttribute('href')"))
          .isEqualTo("/p/" + ((Number) task.get("product_id")).longValue());
      assertThat(chromium.evaluate("document.querySelector('#group-completed .count').textContent")).isEqualTo("(1)");
      assertThat(chromium.evaluate("document.querySelector('#group-in_progress .count').textContent")).isEqualTo("(0)");

      openAiApi.rejectImages(true);
      String refusedPayment = payCommission(base, "space");
      String refusedTask = (String) get(base + "/api/donations/" + refusedPayment).get("task_id");
      chromium.awaitText("String(!!document.querySelector('#group-failed #task-" + refusedTask + "'))", "true", 60);
      assertThat(get(base + "/api/tasks/" + refusedTask)).containsEntry("status", "failed");
      assertThat(chromium.evaluate("document.getElementById('group-failed-title').textContent"))
          .startsWith("Failed (refunded)").endsWith("(1)");
      String status = "";
      for (int i = 0; i < 100 && !"refunded".equals(status); i++) {
        status = (String) get(base + "/api/donations/" + refusedPayment).get("status");
        Thread.sleep(100);
      }
      assertThat(status).as("the failed commission's payment").isEqualTo("refunded");
      assertThat(chromium.evaluate("String(performance.getEntriesByType('navigation').length)"))
          .as("the page changed without a reload").isEqualTo("1");
    } finally {
      http.dispatcher().executorService().shutdownNow();
      http.connectionPool().evictAll();
      openAi.close();
      Chromium.deleteProfile(profileRoot);
    }
  }

  @Test
  void aDashboardWhoseServerRestartedShowsWhatChangedMeanwhile() throws Exception {
    String browser = Chromium.requiredBinary();
    String database = "sqlite:" + directory.resolve("restart.db");
    Map<String, String> env = Map.of("PORT", String.valueOf(FreePorts.free()), "DATABASE_URL", database, "WORKERS", "0",
        "SEED_DEMO", "false", "WS_PING_INTERVAL_SECONDS", "1", "WS_IDLE_TIMEOUT_SECONDS", "5");
    Path profileRoot = Files.createTempDirectory("clouvel-chromium");
    try (Chromium chromium = new Chromium(browser, profileRoot.resolve("profile"))) {
      String taskId;
      try (ClouvelServer first = ClouvelServer.fromEnvironment(env).start()) {
        String base = first.baseUrl();
        taskId = (String) get(base + "/api/donations/" + payCommission(base, "hiking")).get("task_id");
        chromium.navigate(base + "/dashboard");
        chromium.awaitText("String(!!document.querySelector('#group-pending #task-" + taskId + "'))", "true", 30);
        chromium.awaitText("document.getElementById('dash-connection').textContent", "Live", 30);
      }
      chromium.awaitText("document.getElementById('dash-connection').textContent", "reconnecting", 30);
      // While the page has no server, the task is claimed and fails for good.
      try (SqlStore store = SqlStore.open(database)) {
        Task claimed = store.tasks().claim("worker-1", Duration.ofMinutes(1)).orElseThrow();
        assertThat(claimed.id()).isEqualTo(taskId);
        assertThat(store.tasks().fail(taskId, "worker-1", "no post could be used", true, Instant.now()))
            .contains(TaskStatus.FAILED);
      }
      int readsBefore = Integer.parseInt(chromium.evaluate(
          "String(performance.getEntriesByType('resource').filter(e => e.name.includes('/api/tasks?status=')).length)"));
      try (ClouvelServer second = ClouvelServer.fromEnvironment(env).start()) {
        chromium.awaitText("String(!!document.querySelector('#group-failed #task-" + taskId + "'))", "true", 40);
        chromium.awaitText("document.getElementById('dash-connection').textContent", "Live", 10);
        assertThat(chromium.evaluate("document.querySelector('#group-pending .count').textContent")).isEqualTo("(0)");
        assertThat(Integer.parseInt(chromium.evaluate("String(performance.getEntriesByType('resource')"
            + ".filter(e => e.name.includes('/api/tasks?status=')).length)")))
            .as("the page re-read every group over REST after reconnecting").isGreaterThanOrEqualTo(readsBefore + 5);
      }
    } finally {
      http.dispatcher().executorService().shutdownNow();
      http.connectionPool().evictAll();
      Chromium.deleteProfile(profileRoot);
    }
  }

  /** Starts a $10 commission for a subreddit and pays it on the demo checkout page. */
  private String payCommission(String base, String subreddit) throws IOException {
    String paymentId = (String) post(base + "/api/donations/create-checkout-session", "{\"amount_usd\": \"10.00\","
        + " \"donation_type\": \"commission\", \"commission_type\": \"random_subreddit\", \"subreddit\": \""
        + subreddit + "\", \"is_anonymous\": true}", 201).get("session_id");
    post(base + "/demo/checkout/" + paymentId + "/complete", "", 303);
    return paymentId;
  }

  private Map<String, Object> post(String url, String body, int expected) throws IOException {
    try (Response response = http.newCall(new Request.Builder().url(url)
        .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute()) {
      assertThat(response.code()).as(url).isEqualTo(expected);
      String text = response.body().string();
      return text.startsWith("{") ? json.readObject(text) : Map.of();
    }
  }

  private Map<String, Object> get(String url) throws IOException {
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).as(url).isEqualTo(200);
      return json.readObject(response.body().string());
    }
  }

}
