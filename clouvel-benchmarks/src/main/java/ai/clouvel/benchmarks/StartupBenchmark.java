package ai.clouvel.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * First start of the demo server, as a newcomer runs it: {@code java -jar clouvel-server.jar} in an
 * empty folder. Measures the time from launching the process to the first {@code 200} of
 * {@code /health}, and to a complete seeded gallery; the baseline, measured in the same run and
 * alternating with it, is the same start with seeding off ({@code SEED_DEMO=false}).
 *
 * <pre>
 * java -cp clouvel-benchmarks/target/clouvel-load.jar ai.clouvel.benchmarks.StartupBenchmark [rounds=5] [jar]
 * </pre>
 */
public final class StartupBenchmark {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

  private StartupBenchmark() {
  }

  /**
   * Runs the benchmark.
   *
   * @param args rounds (default 5) and the server jar (default clouvel-server-javalin/target/clouvel-server.jar)
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path jar = Path.of(args.length > 1 ? args[1] : "clouvel-server-javalin/target/clouvel-server.jar").toAbsolutePath();
    List<Long> seededHealthy = new ArrayList<>();
    List<Long> seededGallery = new ArrayList<>();
    List<Long> bareHealthy = new ArrayList<>();
    List<Long> seededCpu = new ArrayList<>();
    List<Long> bareCpu = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      long[] seeded = start(jar, true);
      long[] bare = start(jar, false);
      seededHealthy.add(seeded[0]);
      seededGallery.add(seeded[1]);
      bareHealthy.add(bare[0]);
      seededCpu.add(seeded[2]);
      bareCpu.add(bare[2]);
      System.out.printf(Locale.ROOT, "round %d: healthy after %d ms, %d ms of CPU (gallery of 12 after %d ms);"
          + " seeding off: %d ms, %d ms of CPU%n", round, seeded[0], seeded[2], seeded[1], bare[0], bare[2]);
    }
    long healthy = median(seededHealthy);
    long baseline = median(bareHealthy);
    System.out.printf(Locale.ROOT, "median: healthy after %d ms (%d ms of CPU), gallery after %d ms; seeding off: healthy"
        + " after %d ms (%d ms of CPU); ratio %.2f; load average %.1f on %d cores%n", healthy, median(seededCpu),
        median(seededGallery), baseline, median(bareCpu), healthy / (double) baseline, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
  }

  /**
   * Starts the server in an empty folder; returns ms to healthy, ms to a full gallery (or -1) and
   * the CPU time the process had used when it was first healthy (all its threads; on a busy machine
   * the wall time mostly measures the others, the CPU time only this start's own work).
   */
  private static long[] start(Path jar, boolean seed) throws Exception {
    Path folder = Files.createTempDirectory("clouvel-first-start");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString()).directory(folder.toFile())
        .redirectErrorStream(true).redirectOutput(folder.resolve("server.log").toFile());
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("SEED_DEMO", String.valueOf(seed));
    long started = System.nanoTime();
    Process process = builder.start();
    try {
      long healthy = -1;
      long gallery = -1;
      long cpu = -1;
      while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(120) && (healthy < 0 || seed && gallery < 0)) {
        if (!process.isAlive()) {
          throw new IllegalStateException("the server exited; see " + folder.resolve("server.log"));
        }
        if (healthy < 0 && status(port, "/health") == 200) {
          healthy = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
          cpu = process.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        }
        if (healthy >= 0 && seed && gallery < 0 && body(port, "/api/generated_products?limit=1").contains("\"total\":12")) {
          gallery = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        }
        Thread.sleep(10);
      }
      return new long[] {healthy, gallery, cpu};
    } finally {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
      TempDirectories.delete(folder);
    }
  }

  private static int status(int port, String path) {
    try {
      return HTTP.send(request(port, path), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String body(int port, String path) {
    try {
      return HTTP.send(request(port, path), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static HttpRequest request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(2)).build();
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
