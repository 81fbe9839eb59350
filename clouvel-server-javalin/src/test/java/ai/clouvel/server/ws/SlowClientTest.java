package ai.clouvel.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.event.EventBus;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.task.CommissionSpec;
import ai.clouvel.core.task.NewTask;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.server.ClouvelServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One client that does not read its socket must not hold up anyone else: 20 well-behaved clients
 * keep getting their pongs within a second while it floods the server, and the server closes it
 * with the documented code.
 */
class SlowClientTest {
  private static final int WELL_BEHAVED = 20;

  @TempDir
  Path directory;

  private ClouvelServer server;
  private OkHttpClient http;
  private String url;
  private String taskId;

  @BeforeEach
  void start() {
    server = ClouvelServer.fromEnvironment(Map.of("PORT", "0", "DATABASE_URL", "sqlite:" + directory.resolve("ws.db"),
        "WORKERS", "0", "SEED_DEMO", "false")).start();
    url = "ws://localhost:" + server.port() + "/ws";
    http = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS).build();
    taskId = server.clouvel().store().tasks().enqueue(new NewTask("slow-client-task", null,
        new CommissionSpec(CommissionType.RANDOM_SUBREDDIT, "hiking", null, ImageQuality.STANDARD, "a long wish ".repeat(20)),
        3, Instant.now())).id();
  }

  @AfterEach
  void stop() {
    server.close();
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
  }

  @Test
  void aClientFloodingSixtyKilobyteSubscribesDelaysNobodyAndIsRefused() throws Exception {
    String flood = "{\"type\":\"subscribe\",\"task_id\":\"" + "x".repeat(60 * 1024) + "\"}";
    try (PongProbe probe = new PongProbe(http, url, WELL_BEHAVED)) {
      probe.start();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      int connections = 0;
      int frames = 0;
      while (System.nanoTime() < until) {
        try (RawWsClient flooder = new RawWsClient(server.port(), "/ws")) {
          connections++;
          frames += floodFor(flooder, flood, 1);
        }
      }
      long maxDelayMillis = probe.stopAndMaxDelayMillis();
      assertThat(maxDelayMillis).as("slowest pong of the well-behaved clients, ms").isLessThan(1_000);
      assertThat(probe.pongs()).as("pongs received").isGreaterThan(WELL_BEHAVED * 20);
      assertThat(frames).isGreaterThanOrEqualTo(connections);

      try (RawWsClient flooder = new RawWsClient(server.port(), "/ws")) {
        flooder.send(flood);
        RawWsClient.Closed closed = flooder.readUntilClosed();
        assertThat(closed.code()).as(closed.reason()).isEqualTo(1009);
        assertThat(closed.textFrames()).as("nothing echoes the 60 KB id").isZero();
      }
    }
  }

  @Test
  void aClientThatStopsReadingIsClosedWhenItFallsTooFarBehindAndNobodyWaits() throws Exception {
    EventBus events = server.clouvel().events();
    String longError = "the image provider refused: " + "e".repeat(2_000);
    try (PongProbe probe = new PongProbe(http, url, WELL_BEHAVED);
         RawWsClient slow = new RawWsClient(server.port(), "/ws")) {
      slow.send("{\"type\":\"subscribe\",\"task_id\":\"" + taskId + "\"}");
      probe.start();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (System.nanoTime() < until) {
        // Terminal statuses are never merged, so each one waits for the client in its own place.
        events.publish(new ClouvelEvent.TaskUpdated(taskId, TaskStatus.FAILED, Progress.QUEUED,
            null, longError, Instant.now()));
        Thread.sleep(1);
      }
      long maxDelayMillis = probe.stopAndMaxDelayMillis();
      assertThat(maxDelayMillis).as("slowest pong of the well-behaved clients, ms").isLessThan(1_000);
      assertThat(probe.pongs()).as("pongs received").isGreaterThan(WELL_BEHAVED * 20);

      RawWsClient.Closed closed = slow.readUntilClosed();
      assertThat(closed.code()).as(closed.reason()).isEqualTo(TaskUpdates.CLOSE_TOO_SLOW);
      assertThat(closed.reason()).contains("too far behind");
      assertThat(closed.textFrames()).as("what it was sent before it fell behind").isPositive();
    }
  }

  /**
   * Sends the frame again and again for some seconds, or until the connection fails; on its own
   * thread, since a write blocks once the server stops reading.
   */
  private static int floodFor(RawWsClient client, String frame, int seconds) throws InterruptedException {
    AtomicInteger sent = new AtomicInteger();
    AtomicBoolean flooding = new AtomicBoolean(true);
    Thread thread = new Thread(() -> {
      while (flooding.get() && client.send(frame)) {
        sent.incrementAndGet();
      }
    }, "flooder");
    thread.setDaemon(true);
    thread.start();
    thread.join(TimeUnit.SECONDS.toMillis(seconds));
    flooding.set(false);
    return sent.get();
  }

  @Test
  void repliesQuoteAtMostAShortPrefixOfWhatTheClientSent() throws Exception {
    try (WsClient client = WsClient.reading(http, url)) {
      client.send(Map.of("type", "subscribe", "task_id", "y".repeat(3_000)));
      Map<String, Object> error = client.next("error", 10, TimeUnit.SECONDS);
      assertThat(error.toString()).contains("task_not_found").doesNotContain("y".repeat(65));
      client.send(Map.of("type", "unsubscribe", "task_id", "z".repeat(3_000)));
      Map<String, Object> unsubscribed = client.next("unsubscribed", 10, TimeUnit.SECONDS);
      assertThat(unsubscribed.toString()).doesNotContain("z".repeat(65));
      client.send(Map.of("type", "ping"));
      assertThat(client.next("pong", 10, TimeUnit.SECONDS)).containsEntry("type", "pong");
    }
  }

  /** Well-behaved clients that ping every 100 ms and measure how long each pong takes. */
  private static final class PongProbe implements AutoCloseable {
    private final List<WsClient> clients = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private volatile long maxDelayNanos;
    private volatile int pongs;

    PongProbe(OkHttpClient http, String url, int count) {
      for (int i = 0; i < count; i++) {
        clients.add(WsClient.reading(http, url));
      }
    }

    void start() {
      for (WsClient client : clients) {
        Thread thread = new Thread(() -> measure(client), "pong-probe");
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
    }

    private void measure(WsClient client) {
      try {
        while (running) {
          long sentAt = System.nanoTime();
          client.send(Map.of("type", "ping"));
          Map<String, Object> pong = null;
          while (running && pong == null) {
            Map<String, Object> message = client.poll(50, TimeUnit.MILLISECONDS);
            if (message != null && "pong".equals(message.get("type"))) {
              pong = message;
            }
            record(System.nanoTime() - sentAt);
          }
          if (pong != null) {
            synchronized (this) {
              pongs++;
            }
          }
          Thread.sleep(100);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private synchronized void record(long delayNanos) {
      maxDelayNanos = Math.max(maxDelayNanos, delayNanos);
    }

    long stopAndMaxDelayMillis() throws InterruptedException {
      running = false;
      for (Thread thread : threads) {
        thread.join(5_000);
      }
      return TimeUnit.NANOSECONDS.toMillis(maxDelayNanos);
    }

    int pongs() {
      return pongs;
    }

    @Override
    public void close() {
      running = false;
      clients.forEach(WsClient::close);
    }
  }
}
