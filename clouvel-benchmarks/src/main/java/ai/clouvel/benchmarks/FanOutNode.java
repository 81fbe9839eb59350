package ai.clouvel.benchmarks;

import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.event.EventBus;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.progress.Stage;
import ai.clouvel.core.task.CommissionSpec;
import ai.clouvel.core.task.NewTask;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.server.ClouvelServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * One server process of the {@link WebSocketFanOut} benchmark: the real reference server (from the
 * environment, like the jar), driven over standard input. It answers on standard output with
 * lines that start with {@code FANOUT}:
 *
 * <ul>
 *   <li>at start: {@code FANOUT READY <port>};
 *   <li>{@code task}: creates a pending task and answers {@code FANOUT TASK <id>};
 *   <li>{@code publish <task> <count> <interval ms>}: publishes that many progress updates of the
 *       task on its event bus, as a worker does, then answers {@code FANOUT PUBLISHED <count>};
 *   <li>{@code mem}: collects garbage and answers {@code FANOUT MEM <heap used bytes> <rss kB>};
 *   <li>end of input: stops.
 * </ul>
 */
public final class FanOutNode {
  private FanOutNode() {
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putIfAbsent("WORKERS", "0");
    env.putIfAbsent("SEED_DEMO", "false");
    try (ClouvelServer server = ClouvelServer.fromEnvironment(env).start()) {
      EventBus events = server.clouvel().events();
      out.println("FANOUT READY " + server.port());
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] words = line.strip().split(" ");
        switch (words[0]) {
          case "task" -> out.println("FANOUT TASK " + server.clouvel().store().tasks().enqueue(
              new NewTask(UUID.randomUUID().toString(), null,
                  new CommissionSpec(CommissionType.RANDOM_SUBREDDIT, "hiking", null, ImageQuality.STANDARD, ""),
                  3, Instant.now())).id());
          case "publish" -> {
            int count = Integer.parseInt(words[2]);
            long intervalNanos = Long.parseLong(words[3]) * 1_000_000L;
            long next = System.nanoTime();
            for (int i = 0; i < count; i++) {
              LockSupport.parkNanos(next - System.nanoTime());
              next += intervalNanos;
              int percent = 40 + i % 50;
              events.publish(new ClouvelEvent.TaskUpdated(words[1], TaskStatus.IN_PROGRESS,
                  new Progress(Stage.IMAGE_GENERATION_IN_PROGRESS, percent, "Painting, " + percent + "%"),
                  null, null, Instant.now()));
            }
            out.println("FANOUT PUBLISHED " + count);
          }
          case "mem" -> {
            for (int i = 0; i < 3; i++) {
              System.gc();
              Thread.sleep(200);
            }
            Runtime runtime = Runtime.getRuntime();
            out.println("FANOUT MEM " + (runtime.totalMemory() - runtime.freeMemory()) + " " + rssKb());
          }
          default -> out.println("FANOUT ERROR unknown command " + words[0]);
        }
      }
    }
  }

  private static long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      return -1;
    }
    return -1;
  }
}
