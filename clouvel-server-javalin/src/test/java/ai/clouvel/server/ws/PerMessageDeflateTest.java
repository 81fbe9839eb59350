package ai.clouvel.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.progress.Stage;
import ai.clouvel.core.task.CommissionSpec;
import ai.clouvel.core.task.NewTask;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.server.ClouvelServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server declines permessage-deflate, which browsers (and OkHttp) offer on every connection:
 * with it, each subscriber's copy of an event would be compressed on its own and each connection
 * would hold a zlib deflater for its lifetime. Every frame is then plain text, the same bytes for
 * every subscriber.
 */
class PerMessageDeflateTest {
  private static final String BROWSER_OFFER =
      "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n";

  @TempDir
  Path directory;

  private ClouvelServer server;
  private String taskId;

  @BeforeEach
  void start() {
    server = ClouvelServer.fromEnvironment(Map.of("PORT", "0", "DATABASE_URL", "sqlite:" + directory.resolve("ws.db"),
        "WORKERS", "0", "SEED_DEMO", "false")).start();
    taskId = server.clouvel().store().tasks().enqueue(new NewTask("deflate-task", null,
        new CommissionSpec(CommissionType.RANDOM_SUBREDDIT, "hiking", null, ImageQuality.STANDARD, ""),
        3, Instant.now())).id();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aBrowsersOfferOfCompressionIsDeclinedAndRepliesAndUpdatesArriveAsPlainTextFrames() throws Exception {
    try (RawWsClient client = new RawWsClient(server.port(), "/ws", BROWSER_OFFER)) {
      assertThat(client.head()).startsWith("HTTP/1.1 101");
      assertThat(client.head().toLowerCase(java.util.Locale.ROOT)).doesNotContain("sec-websocket-extensions");

      assertThat(client.send("{\"type\":\"subscribe\",\"task_id\":\"" + taskId + "\"}")).isTrue();
      RawWsClient.Frame subscribed = client.readFrame();
      // 0x81: FIN and text, RSV1 clear (not compressed).
      assertThat(subscribed.first()).isEqualTo(0x81);
      assertThat(new String(subscribed.payload(), StandardCharsets.UTF_8)).startsWith("{\"type\":\"subscribed\"");

      server.clouvel().events().publish(new ClouvelEvent.TaskUpdated(taskId, TaskStatus.IN_PROGRESS,
          new Progress(Stage.IMAGE_GENERATION_IN_PROGRESS, 60, "Painting, 60%"), null, null, Instant.now()));
      RawWsClient.Frame update = client.readFrame();
      assertThat(update.first()).isEqualTo(0x81);
      assertThat(new String(update.payload(), StandardCharsets.UTF_8))
          .startsWith("{\"type\":\"task_update\",\"task_id\":\"" + taskId + "\"")
          .contains("\"progress\":60");
    }
  }
}
