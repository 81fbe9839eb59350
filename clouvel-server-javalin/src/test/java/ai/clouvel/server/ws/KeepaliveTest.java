package ai.clouvel.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.task.CommissionSpec;
import ai.clouvel.core.task.NewTask;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.server.ClouvelServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscriber that hears nothing for longer than the idle timeout stays connected, because the
 * server pings it; and one that lost its socket gets the final state when it comes back.
 */
class KeepaliveTest {
  @TempDir
  Path directory;

  private ClouvelServer server;
  private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS).build();

  private String start(String pingSeconds) {
    return start(pingSeconds, "0");
  }

  private String start(String pingSeconds, String recheckSeconds) {
    Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "DATABASE_URL", "sqlite:" + directory.resolve("ws.db"),
        "WORKERS", "0", "SEED_DEMO", "false", "WS_IDLE_TIMEOUT_SECONDS", "2", "WS_PING_INTERVAL_SECONDS", pingSeconds,
        "WS_RECHECK_SECONDS", recheckSeconds));
    server = ClouvelServer.fromEnvironment(env).start();
    return store().tasks().enqueue(new NewTask("quiet-task", null,
        new CommissionSpec(CommissionType.RANDOM_SUBREDDIT, "hiking", null, ImageQuality.STANDARD, ""),
        3, Instant.now())).id();
  }

  private ClouvelStore store() {
    return server.clouvel().store();
  }

  private String url() {
    return "ws://localhost:" + server.port() + "/ws";
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
  }

  @Test
  void aSubscriberThatHearsNothingForThreeIdleTimeoutsStillGetsTheTerminalStatus() throws Exception {
    String taskId = start("0.3");
    try (WsClient client = WsClient.reading(http, url())) {
      client.send(Map.of("type", "subscribe", "task_id", taskId));
      assertThat(client.next("subscribed", 10, TimeUnit.SECONDS)).containsEntry("task_id", taskId);

      Thread.sleep(6_000);
      assertThat(client.isClosed()).as("closed while idle").isFalse();
      server.clouvel().events().publish(new ClouvelEvent.TaskUpdated(taskId, TaskStatus.FAILED, Progress.QUEUED,
          null, "gave up after retries", Instant.now()));

      Map<String, Object> update = client.next("task_update", 10, TimeUnit.SECONDS);
      assertThat(update).containsEntry("task_id", taskId);
      assertThat(update.get("data").toString()).contains("status=failed", "gave up after retries");
    }
  }

  @Test
  void aFinalStatusWhoseEventNeverCameIsReadFromTheStoreAndSent() throws Exception {
    String taskId = start("0.3", "0.2");
    try (WsClient client = WsClient.reading(http, url())) {
      client.send(Map.of("type", "subscribe", "task_id", taskId));
      assertThat(client.next("subscribed", 10, TimeUnit.SECONDS).get("data").toString()).contains("status=pending");

      // The worker records the failure and dies before announcing it: no event is published.
      store().tasks().claim("worker-1", Duration.ofMinutes(1)).orElseThrow();
      assertThat(store().tasks().fail(taskId, "worker-1", "the worker died after recording this", true, Instant.now()))
          .contains(TaskStatus.FAILED);

      Map<String, Object> update = client.next("task_update", 10, TimeUnit.SECONDS);
      assertThat(update).containsEntry("task_id", taskId);
      assertThat(update.get("data").toString()).contains("status=failed", "the worker died after recording this");
      assertThat(server.taskUpdates().recheckedFinalCount()).isEqualTo(1);
    }
  }

  @Test
  void withoutPingsTheSameQuietSubscriberIsClosedByTheIdleTimeout() throws Exception {
    String taskId = start("0");
    try (WsClient client = WsClient.reading(http, url())) {
      client.send(Map.of("type", "subscribe", "task_id", taskId));
      client.next("subscribed", 10, TimeUnit.SECONDS);

      WsClient.Closed closed = client.awaitClosed(10, TimeUnit.SECONDS);
      assertThat(closed.code()).as(closed.reason()).isEqualTo(1001);
    }
  }

  @Test
  void aClientThatReconnectsAfterTheTaskEndedReadsTheFinalStateOnSubscribeAndOverRest() throws Exception {
    String taskId = start("0.3");
    try (WsClient client = WsClient.reading(http, url())) {
      client.send(Map.of("type", "subscribe", "task_id", taskId));
      client.next("subscribed", 10, TimeUnit.SECONDS);
    }
    // While the page has no socket, the task fails for good.
    store().tasks().claim("worker-1", Duration.ofMinutes(1)).orElseThrow();
    assertThat(store().tasks().fail(taskId, "worker-1", "no post could be used", true, Instant.now()))
        .contains(TaskStatus.FAILED);
    server.clouvel().events().publish(new ClouvelEvent.TaskUpdated(taskId, TaskStatus.FAILED, Progress.QUEUED,
        null, "no post could be used", Instant.now()));

    try (WsClient client = WsClient.reading(http, url())) {
      client.send(Map.of("type", "subscribe", "task_id", taskId));
      Map<String, Object> subscribed = client.next("subscribed", 10, TimeUnit.SECONDS);
      assertThat(subscribed.get("data").toString()).contains("status=failed", "no post could be used");
    }
    try (Response response = http.newCall(new Request.Builder()
        .url("http://localhost:" + server.port() + "/api/tasks/" + taskId).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).contains("\"status\":\"failed\"");
    }
  }

  @Test
  void thePageLoadsTheReconnectingFollowerThatReReadsTheTaskOverRest() throws Exception {
    start("0.3");
    String base = "http://localhost:" + server.port();
    try (Response page = http.newCall(new Request.Builder().url(base + "/commission").build()).execute();
         Response script = http.newCall(new Request.Builder().url(base + "/assets/live-task.js").build()).execute();
         Response app = http.newCall(new Request.Builder().url(base + "/assets/commission.js").build()).execute()) {
      assertThat(page.body().string()).contains("<script src=\"/assets/live-task.js\"></script>", "<script src=\"/assets/commission.js\"></script>");
      assertThat(app.body().string()).contains("ClouvelLiveTask.follow(");
      assertThat(script.code()).isEqualTo(200);
      assertThat(script.header("Content-Type")).startsWith("text/javascript");
      assertThat(script.body().string()).contains("backoffDelay", "'/api/tasks/' + encodeURIComponent(taskId)",
          "type: 'subscribe'");
    }
  }

  @Test
  void settingsAreCheckedAtStart() {
    assertThat(WebSocketSettings.fromEnvironment(Map.of())).isEqualTo(WebSocketSettings.DEFAULTS);
    assertThat(WebSocketSettings.fromEnvironment(Map.of("WS_IDLE_TIMEOUT_SECONDS", "1.5", "WS_PING_INTERVAL_SECONDS", "0.25"))
        .pingInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(WebSocketSettings.DEFAULTS.recheckInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(WebSocketSettings.fromEnvironment(Map.of("WS_RECHECK_SECONDS", "0")).rechecksEnabled()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebSocketSettings.fromEnvironment(
        Map.of("WS_IDLE_TIMEOUT_SECONDS", "10", "WS_PING_INTERVAL_SECONDS", "10")))
        .hasMessageContaining("shorter than WS_IDLE_TIMEOUT_SECONDS");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebSocketSettings.fromEnvironment(
        Map.of("WS_MAX_QUEUED_MESSAGES", "lots"))).hasMessageContaining("WS_MAX_QUEUED_MESSAGES must be a whole number");
  }
}
