package ai.clouvel.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * WebSocket fan-out: thousands of subscribers of one task on one or two server processes, and the
 * delivery latency of the task's progress updates, from the moment each was published on the
 * server's event bus to the moment its frame was read by a subscriber, with the pong round trip on
 * the same connections as the baseline measured in the same run, each server's memory, and the CPU
 * time each side spent per delivery.
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
 * The subscribers are {@link LeanSubscribers} on one selector thread, so they take little of the
 * cores they share with the servers. With {@code FANOUT_BASELINE_CLASSPATH} (an older build's
 * {@code clouvel-load.jar}) or {@code FANOUT_BASELINE_JVM_OPTS} (other JVM options for the baseline
 * servers, such as {@code -XX:+UseG1GC} against {@code FANOUT_NODE_JVM_OPTS=-XX:+UseParallelGC}) set, the same
 * measurement runs first on servers started that way, in the same run. {@code FANOUT_NODE_CPUS}
 * pins the servers to CPUs ({@code taskset}); start the benchmark under {@code taskset} on the
 * other CPUs to keep the subscribers apart. With {@code FANOUT_OFFER_DEFLATE} set, every
 * subscriber offers permessage-deflate in its upgrade, as browsers do. Ten seconds of updates and pings warm the servers up
 * first and are not counted (counting starts once all of them arrived); the program
 * exits when done, with 1 if an update did not reach a subscriber.
 */
public final class WebSocketFanOut {
  private static final int WARM_UP_SECONDS = 10;

  private WebSocketFanOut() {
  }

  public static void main(String[] args) throws Exception {
    int status;
    try {
      status = run(args);
    } catch (Exception | Error e) {
      e.printStackTrace();
      status = 2;
    }
    System.exit(status);
  }

  private static int run(String[] args) throws Exception {
    int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int nodeCount = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    String databaseUrl = System.getenv("DATABASE_URL");
    if (nodeCount < 1 || nodeCount > 2) {
      System.err.println("nodes must be 1 or 2");
      return 2;
    }
    if (nodeCount == 2 && databaseUrl != null && databaseUrl.startsWith("sqlite")) {
      System.err.println("Two nodes share one PostgreSQL: set DATABASE_URL=postgresql://... or leave it unset");
      return 2;
    }
    EmbeddedPostgres postgres = null;
    try {
      if (databaseUrl == null && nodeCount == 2) {
        postgres = EmbeddedPostgres.builder().start();
        databaseUrl = "postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/postgres";
      } else if (databaseUrl == null) {
        databaseUrl = "sqlite:" + Files.createTempDirectory("clouvel-fanout").resolve("fanout.db");
      }
      System.out.printf(Locale.ROOT, "%,d subscribers of one task on %d node(s), %d updates/s for %d s, %s%n",
          subscribers, nodeCount, rate, seconds, databaseUrl.startsWith("sqlite") ? "SQLite" : "PostgreSQL");
      System.out.println("Load average before (1, 5, 15 min): " + loadAverage());
      List<String> rows = new ArrayList<>();
      boolean complete = true;
      String current = System.getProperty("java.class.path");
      String options = System.getenv("FANOUT_NODE_JVM_OPTS");
      String baseline = System.getenv("FANOUT_BASELINE_CLASSPATH");
      String baselineOptions = System.getenv("FANOUT_BASELINE_JVM_OPTS");
      if (isSet(baseline) || isSet(baselineOptions)) {
        complete &= measure("baseline", isSet(baseline) ? baseline : current,
            isSet(baselineOptions) ? baselineOptions : options, databaseUrl, subscribers, seconds, rate, nodeCount, rows);
      }
      complete &= measure("current", current, options, databaseUrl, subscribers, seconds, rate, nodeCount, rows);
      System.out.println();
      System.out.println("| server | node | subscribers | updates delivered | p50 ms | p90 ms | p99 ms | max ms | pong p50 ms | pong p99 ms | server CPU per delivery | subscribers' CPU per delivery | heap after GC, idle → subscribed | RSS subscribed | load (1 min) |");
      System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
      rows.forEach(System.out::println);
      return complete ? 0 : 1;
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  /** One measurement on servers started from a class path; adds its table rows. */
  private static boolean measure(String label, String classPath, String jvmOptions, String databaseUrl,
      int subscribers, int seconds, int rate, int nodeCount, List<String> rows) throws Exception {
    System.out.println("== " + label + " server: " + classPath + (isSet(jvmOptions) ? ", JVM options " + jvmOptions : ""));
    List<NodeProcess> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < nodeCount; i++) {
        nodes.add(NodeProcess.start(databaseUrl, label + "-node-" + (char) ('a' + i), classPath, jvmOptions));
      }
      NodeProcess publisher = nodes.get(nodes.size() - 1);
      String taskId = publisher.ask("task", "TASK");
      long[] heapBefore = new long[nodeCount];
      for (int i = 0; i < nodeCount; i++) {
        heapBefore[i] = nodes.get(i).memory()[0];
      }
      Recorder[] deliveries = new Recorder[nodeCount];
      Recorder[] pongs = new Recorder[nodeCount];
      for (int i = 0; i < nodeCount; i++) {
        deliveries[i] = new Recorder();
        pongs[i] = new Recorder();
      }
      boolean offerDeflate = isSet(System.getenv("FANOUT_OFFER_DEFLATE"));
      try (LeanSubscribers all = new LeanSubscribers(subscribers, offerDeflate)) {
        long connectStart = System.nanoTime();
        for (int i = 0; i < subscribers; i++) {
          int node = i % nodeCount;
          Recorder delivered = deliveries[node];
          Recorder ponged = pongs[node];
          all.open("localhost", nodes.get(node).port, taskId, new LeanSubscribers.Sink() {
            @Override
            public void delivered(long micros) {
              delivered.add(micros);
            }

            @Override
            public void pong(long micros) {
              ponged.add(micros);
            }
          });
          // At most a few hundred upgrades in flight, as the JDK client's 64 at a time did.
          long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
          while (i - all.subscribedCount() > 256 && System.nanoTime() < waitUntil) {
            Thread.sleep(2);
          }
        }
        if (!all.awaitSubscribed(120)) {
          System.err.printf("only %d of %d subscribed%n", all.subscribedCount(), subscribers);
        }
        all.problems().stream().limit(5).forEach(problem -> System.err.println("subscriber: " + problem));
        System.out.printf(Locale.ROOT, "Connected and subscribed %,d clients in %.1f s%s%n", subscribers,
            (System.nanoTime() - connectStart) / 1e9, offerDeflate
                ? String.format(Locale.ROOT, "; each offered permessage-deflate, %,d accepted", all.deflating()) : "");
        long[] heapConnected = new long[nodeCount];
        long[] rssConnected = new long[nodeCount];
        for (int i = 0; i < nodeCount; i++) {
          long[] memory = nodes.get(i).memory();
          heapConnected[i] = memory[0];
          rssConnected[i] = memory[1];
        }
        // Warm-up: ten seconds of updates and pings that are not counted, so the JIT has compiled
        // both paths (pings only in the measured window had the server compiling them there).
        pingUntilDone(all, publisher.askAsync("publish " + taskId + " " + (rate * WARM_UP_SECONDS) + " "
            + (1000 / rate), "PUBLISHED"), subscribers, nodeCount);
        // Every warm-up update must have arrived (or 30 s passed) before counting starts.
        long drained = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (all.updates() < (long) subscribers * rate * WARM_UP_SECONDS && System.nanoTime() < drained) {
          Thread.sleep(10);
        }
        Thread.sleep(500);
        for (int i = 0; i < nodeCount; i++) {
          deliveries[i].clear();
          pongs[i].clear();
        }
        all.resetUpdates();

        long[][] cpuBefore = new long[nodeCount][];
        for (int i = 0; i < nodeCount; i++) {
          cpuBefore[i] = cpuMillis(nodes.get(i).process.pid());
        }
        long[] clientCpuBefore = cpuMillis(ProcessHandle.current().pid());
        int updates = rate * seconds;
        CompletableFuture<String> published = publisher.askAsync("publish " + taskId + " " + updates + " "
            + (1000 / rate), "PUBLISHED");
        // The baseline: pings on random connections of each node, 50 a second, while the updates flow.
        pingUntilDone(all, published, subscribers, nodeCount);
        Thread.sleep(3_000);
        long[] clientCpuAfter = cpuMillis(ProcessHandle.current().pid());
        long clientCpu = clientCpuAfter[0] + clientCpuAfter[1] - clientCpuBefore[0] - clientCpuBefore[1];
        String load = loadAverage();
        System.out.println("Load average during the run (1, 5, 15 min): " + load);

        boolean complete = true;
        long deliveredInAll = 0;
        for (int i = 0; i < nodeCount; i++) {
          deliveredInAll += deliveries[i].size();
        }
        for (int i = 0; i < nodeCount; i++) {
          int onNode = subscribers / nodeCount + (i < subscribers % nodeCount ? 1 : 0);
          long[] latency = deliveries[i].sorted();
          long[] pong = pongs[i].sorted();
          long[] cpuAfter = cpuMillis(nodes.get(i).process.pid());
          long serverUser = cpuAfter[0] - cpuBefore[i][0];
          long serverSystem = cpuAfter[1] - cpuBefore[i][1];
          String role = nodeCount == 1 ? "single node" : (i == nodeCount - 1 ? "publishing node" : "other node (relayed)");
          long expected = (long) onNode * updates;
          complete &= latency.length == expected;
          rows.add(String.format(Locale.ROOT, "| %s | %s | %,d | %,d of %,d | %s | %s | %s | %s | %s | %s | %s | %s | %,.0f → %,.0f MB (%,.1f kB per subscriber) | %,.0f MB | %s |",
              label, role, onNode, latency.length, expected, ms(latency, 0.50), ms(latency, 0.90),
              ms(latency, 0.99), ms(latency, 1.0), ms(pong, 0.50), ms(pong, 0.99),
              latency.length == 0 ? "-" : String.format(Locale.ROOT, "%.1f µs (%.1f user + %.1f system)",
                  (serverUser + serverSystem) * 1000.0 / latency.length, serverUser * 1000.0 / latency.length,
                  serverSystem * 1000.0 / latency.length),
              deliveredInAll == 0 ? "-" : String.format(Locale.ROOT, "%.1f µs", clientCpu * 1000.0 / deliveredInAll),
              heapBefore[i] / 1e6, heapConnected[i] / 1e6, (heapConnected[i] - heapBefore[i]) / 1e3 / onNode,
              rssConnected[i] / 1e6, load.split(",")[0]));
        }
        System.out.printf(Locale.ROOT, "Update messages received: %,d (fewer than published means progress was merged for a client behind)%n",
            all.updates());
        return complete;
      }
    } finally {
      for (NodeProcess node : nodes) {
        node.close();
      }
    }
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  /** Pings random connections of each node, 50 a second, until the publishing is done. */
  private static void pingUntilDone(LeanSubscribers all, CompletableFuture<String> published, int subscribers,
      int nodeCount) throws InterruptedException {
    while (!published.isDone()) {
      for (int node = 0; node < nodeCount; node++) {
        all.ping(ThreadLocalRandom.current().nextInt(subscribers / nodeCount) * nodeCount + node);
      }
      Thread.sleep(20);
    }
    published.join();
  }

  /** CPU time a process has used, from {@code /proc}, in milliseconds: user, then system. */
  private static long[] cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // After the command: state is field 3, utime field 14 and stime field 15 (clock ticks of 10 ms).
      return new long[] {Long.parseLong(fields[11]) * 10, Long.parseLong(fields[12]) * 10};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
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

    synchronized int size() {
      return size;
    }

    synchronized long[] sorted() {
      long[] copy = Arrays.copyOf(values, size);
      Arrays.sort(copy);
      return copy;
    }
  }
}
