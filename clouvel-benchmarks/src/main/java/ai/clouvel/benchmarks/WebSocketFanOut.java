package ai.clouvel.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WebSocket fan-out: thousands of subscribers of one task on one or two server processes, and the
 * delivery latency of the task's progress updates, with the pong round trip on the same
 * connections as the baseline measured in the same run, and each server's memory.
 *
 * <pre>
 * mvn -B -ntp -DskipTests package
 * java -cp clouvel-benchmarks/target/clouvel-load.jar ai.clouvel.benchmarks.WebSocketFanOut [subscribers] [seconds] [updates/s] [nodes]
 * </pre>
 *
 * Defaults: 5,000 subscribers, 20 s, 2 updates a second, 1 node (a temporary SQLite file). With 2
 * nodes (on {@code DATABASE_URL}, a PostgreSQL database, or else an embedded PostgreSQL started for
 * the run) half the subscribers connect to
 * each process and the updates are published on the second one, so the first one's subscribers
 * measure the relay between processes. Each server is a separate JVM ({@link FanOutNode}), so its
 * memory is its own; updates are published on its event bus exactly as a worker publishes them.
 */
public final class WebSocketFanOut {
  private WebSocketFanOut() {
  }

  public static void main(String[] args) throws Exception {
    int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int nodeCount = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    String databaseUrl = System.getenv("DATABASE_URL");
    if (nodeCount < 1 || nodeCount > 2) {
      System.err.println("nodes must be 1 or 2");
      System.exit(2);
    }
    if (nodeCount == 2 && databaseUrl != null && databaseUrl.startsWith("sqlite")) {
      System.err.println("Two nodes share one PostgreSQL: set DATABASE_URL=postgresql://... or leave it unset");
      System.exit(2);
    }
    EmbeddedPostgres postgres = null;
    if (databaseUrl == null && nodeCount == 2) {
      postgres = EmbeddedPostgres.builder().start();
      databaseUrl = "postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/postgres";
    } else if (databaseUrl == null) {
      databaseUrl = "sqlite:" + Files.createTempDirectory("clouvel-fanout").resolve("fanout.db");
    }
    System.out.printf(Locale.ROOT, "%,d subscribers of one task on %d node(s), %d updates/s for %d s, %s%n",
        subscribers, nodeCount, rate, seconds, databaseUrl.startsWith("sqlite") ? "SQLite" : "PostgreSQL");

    List<NodeProcess> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < nodeCount; i++) {
        nodes.add(NodeProcess.start(databaseUrl, "node-" + (char) ('a' + i)));
      }
      NodeProcess publisher = nodes.get(nodes.size() - 1);
      String taskId = publisher.ask("task", "TASK");
      long[] heapBefore = new long[nodeCount];
      for (int i = 0; i < nodeCount; i++) {
        heapBefore[i] = nodes.get(i).memory()[0];
      }

      ExecutorService callbacks = Executors.newFixedThreadPool(2);
      List<HttpClient> clients = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        clients.add(HttpClient.newBuilder().executor(callbacks).build());
      }
      Recorder[] deliveries = new Recorder[nodeCount];
      Recorder[] pongs = new Recorder[nodeCount];
      for (int i = 0; i < nodeCount; i++) {
        deliveries[i] = new Recorder();
        pongs[i] = new Recorder();
      }
      List<Subscriber> all = new ArrayList<>();
      CountDownLatch subscribed = new CountDownLatch(subscribers);
      Semaphore connecting = new Semaphore(64);
      long connectStart = System.nanoTime();
      for (int i = 0; i < subscribers; i++) {
        int node = i % nodeCount;
        Subscriber subscriber = new Subscriber(taskId, deliveries[node], pongs[node], subscribed);
        all.add(subscriber);
        connecting.acquire();
        clients.get(i % clients.size()).newWebSocketBuilder()
            .buildAsync(URI.create("ws://localhost:" + nodes.get(node).port + "/ws"), subscriber)
            .whenComplete((ws, error) -> {
              connecting.release();
              if (error != null) {
                System.err.println("connect failed: " + error);
                subscribed.countDown();
              }
            });
      }
      if (!subscribed.await(120, TimeUnit.SECONDS)) {
        System.err.printf("only %d of %d subscribed%n", subscribers - subscribed.getCount(), subscribers);
      }
      System.out.printf(Locale.ROOT, "Connected and subscribed %,d clients in %.1f s%n", subscribers,
          (System.nanoTime() - connectStart) / 1e9);
      long[] heapConnected = new long[nodeCount];
      long[] rssConnected = new long[nodeCount];
      for (int i = 0; i < nodeCount; i++) {
        long[] memory = nodes.get(i).memory();
        heapConnected[i] = memory[0];
        rssConnected[i] = memory[1];
      }
      // Warm-up: three seconds of updates that are not counted, so the JIT has compiled the paths.
      publisher.ask("publish " + taskId + " " + (rate * 3) + " " + (1000 / rate), "PUBLISHED");
      Thread.sleep(1_000);
      for (Recorder recorder : deliveries) {
        recorder.clear();
      }
      for (Recorder recorder : pongs) {
        recorder.clear();
      }
      for (Subscriber subscriber : all) {
        subscriber.updates.set(0);
      }

      int updates = rate * seconds;
      CompletableFuture<String> published = publisher.askAsync("publish " + taskId + " " + updates + " " + (1000 / rate),
          "PUBLISHED");
      // The baseline: pings on random connections of each node, 50 a second, while the updates flow.
      while (!published.isDone()) {
        for (int node = 0; node < nodeCount; node++) {
          all.get(ThreadLocalRandom.current().nextInt(subscribers / nodeCount) * nodeCount + node).ping();
        }
        Thread.sleep(20);
      }
      published.join();
      Thread.sleep(3_000);
      System.out.println("Load average during the run (1, 5, 15 min): " + loadAverage());

      System.out.println();
      System.out.println("| node | subscribers | updates delivered | p50 ms | p90 ms | p99 ms | max ms | pong p50 ms | pong p99 ms | p99 vs pong p99 | heap after GC, idle → subscribed | RSS subscribed |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
      for (int i = 0; i < nodeCount; i++) {
        int onNode = subscribers / nodeCount + (i < subscribers % nodeCount ? 1 : 0);
        long[] latency = deliveries[i].sorted();
        long[] pong = pongs[i].sorted();
        String role = nodeCount == 1 ? "single node" : (i == nodeCount - 1 ? "publishing node" : "other node (relayed)");
        if (latency.length == 0) {
          System.err.printf("%s: no update arrived; the event bus does not relay between processes%n", role);
        }
        System.out.printf(Locale.ROOT, "| %s | %,d | %,d of %,d | %s | %s | %s | %s | %s | %s | %s | %,.0f → %,.0f MB (%,.1f kB per subscriber) | %,.0f MB |%n",
            role, onNode, latency.length, (long) onNode * updates, ms(latency, 0.50), ms(latency, 0.90),
            ms(latency, 0.99), ms(latency, 1.0), ms(pong, 0.50), ms(pong, 0.99),
            latency.length == 0 || pong.length == 0 ? "-"
                : String.format(Locale.ROOT, "%.1fx", percentile(latency, 0.99) / Math.max(1.0, percentile(pong, 0.99))),
            heapBefore[i] / 1e6, heapConnected[i] / 1e6, (heapConnected[i] - heapBefore[i]) / 1e3 / onNode,
            rssConnected[i] / 1e6);
      }
      long merged = all.stream().mapToLong(s -> s.updates.get()).sum();
      System.out.printf(Locale.ROOT, "%nUpdate messages received: %,d (fewer than published means progress was merged for a client behind)%n",
          merged);
      for (Subscriber subscriber : all) {
        subscriber.close();
      }
      callbacks.shutdownNow();
    } finally {
      for (NodeProcess node : nodes) {
        node.close();
      }
      if (postgres != null) {
        postgres.close();
      }
    }
    System.exit(0);
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + ", " + fields[1] + ", " + fields[2] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String ms(long[] sortedMicros, double q) {
    return sortedMicros.length == 0 ? "-" : String.format(Locale.ROOT, "%.1f", percentile(sortedMicros, q) / 1000.0);
  }

  private static double percentile(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1 < 0 ? 0 : (int) Math.ceil(q * sorted.length) - 1)];
  }

  /** Latencies in microseconds. */
  private static final class Recorder {
    private long[] values = new long[1 << 16];
    private int size;

    synchronized void add(long micros) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = micros;
    }

    synchronized void clear() {
      size = 0;
    }

    synchronized long[] sorted() {
      long[] copy = Arrays.copyOf(values, size);
      Arrays.sort(copy);
      return copy;
    }
  }

  /** One subscriber: subscribes on open, times each update from its publication, times its pongs. */
  private static final class Subscriber implements WebSocket.Listener {
    private final String taskId;
    private final Recorder deliveries;
    private final Recorder pongs;
    private final CountDownLatch subscribed;
    private final StringBuilder partial = new StringBuilder();
    private final AtomicLong pingSentAt = new AtomicLong();
    final AtomicLong updates = new AtomicLong();
    private volatile WebSocket socket;
    private boolean counted;

    Subscriber(String taskId, Recorder deliveries, Recorder pongs, CountDownLatch subscribed) {
      this.taskId = taskId;
      this.deliveries = deliveries;
      this.pongs = pongs;
      this.subscribed = subscribed;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      socket = webSocket;
      webSocket.sendText("{\"type\":\"subscribe\",\"task_id\":\"" + taskId + "\"}", true);
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      long now = nowMicros();
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        if (text.startsWith("{\"type\":\"task_update\"")) {
          updates.incrementAndGet();
          int at = text.indexOf("\"updated_at\":\"");
          if (at >= 0) {
            Instant sent = Instant.parse(text.substring(at + 14, text.indexOf('"', at + 14)));
            deliveries.add(now - (sent.getEpochSecond() * 1_000_000L + sent.getNano() / 1_000));
          }
        } else if (text.startsWith("{\"type\":\"pong\"")) {
          long sentAt = pingSentAt.getAndSet(0);
          if (sentAt != 0) {
            pongs.add((System.nanoTime() - sentAt) / 1_000);
          }
        } else if (text.startsWith("{\"type\":\"subscribed\"") && !counted) {
          counted = true;
          subscribed.countDown();
        } else if (text.startsWith("{\"type\":\"error\"") && !counted) {
          System.err.println("subscribe failed: " + text);
          counted = true;
          subscribed.countDown();
        }
      }
      webSocket.request(1);
      return null;
    }

    void ping() {
      WebSocket ws = socket;
      if (ws != null && pingSentAt.compareAndSet(0, System.nanoTime())) {
        ws.sendText("{\"type\":\"ping\"}", true);
      }
    }

    void close() {
      WebSocket ws = socket;
      if (ws != null) {
        ws.abort();
      }
    }

    private static long nowMicros() {
      Instant now = Instant.now();
      return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
  }
}
