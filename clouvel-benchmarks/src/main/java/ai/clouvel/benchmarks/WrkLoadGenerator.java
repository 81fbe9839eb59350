package ai.clouvel.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * wrk (Debian's package) in a process of its own, one event-loop thread for all the connections: the
 * server's JVM then spends nothing on the client, and the client little of the machine (it still
 * shares its cores). Its Lua script sends the URLs in turn, counts answers other than 200 as errors
 * (as the JDK's generator does), and prints every latency with its count, so the slices of a
 * scenario merge into one distribution.
 *
 * <p>wrk adds samples to its latencies before its script reads them (its correction for coordinated
 * omission: for a latency of at least twice the mean interval between a connection's requests, one
 * more at each interval below it), which the JDK's generator does not. {@link #parse} takes them out
 * again, exactly, so both generators report the latencies measured.
 */
final class WrkLoadGenerator implements LoadGenerator {
  private final Path dir;
  private final Path script;

  private WrkLoadGenerator(Path dir) throws IOException {
    this.dir = dir;
    this.script = dir.resolve("rotate.lua");
    try (InputStream in = Objects.requireNonNull(WrkLoadGenerator.class.getResourceAsStream("/load/rotate.lua"),
        "load/rotate.lua")) {
      Files.copy(in, script);
    }
  }

  /**
   * Prepares wrk's script in a directory of the run.
   *
   * @throws IllegalStateException if {@code wrk} is not on the {@code PATH}
   */
  static WrkLoadGenerator inDirectory(Path dir) throws IOException {
    boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .anyMatch(p -> Files.isExecutable(Path.of(p, "wrk")));
    if (!found) {
      throw new IllegalStateException("wrk is not on the PATH (Debian: apt-get install wrk)");
    }
    return new WrkLoadGenerator(Files.createDirectories(dir));
  }

  @Override
  public String describe() {
    return "wrk, one thread, in its own process (its CPU is in neither column)";
  }

  @Override
  public LoadResult run(List<String> urls, int connections, Duration duration) throws Exception {
    URI first = URI.create(urls.get(0));
    String base = first.getScheme() + "://" + first.getAuthority();
    Path paths = Files.createTempFile(dir, "paths", ".txt");
    Files.write(paths, urls.stream().map(url -> {
      URI uri = URI.create(url);
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }).toList());
    // wrk takes whole seconds.
    long seconds = Math.max(1, Math.round(duration.toMillis() / 1000.0));
    Process wrk = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
        "-s", script.toString(), base, "--", paths.toString()).redirectErrorStream(true).start();
    try {
      List<String> output = new ArrayList<>();
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(wrk.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          output.add(line);
        }
      }
      if (!wrk.waitFor(seconds + 30, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
        throw new IllegalStateException("wrk failed: " + String.join("\n", output));
      }
      return parse(output, connections);
    } finally {
      wrk.destroyForcibly();
      Files.deleteIfExists(paths);
    }
  }

  /**
   * Reads the lines the script's {@code done} prints: the summary, then each latency and its count,
   * without the samples wrk added to them.
   */
  static LoadResult parse(List<String> output, int connections) {
    TreeMap<Long, Long> counts = new TreeMap<>();
    long requests = -1;
    long durationMicros = 0;
    long errors = 0;
    for (String line : output) {
      String[] fields = line.strip().split(" ");
      if (fields[0].equals("clouvel-summary")) {
        requests = Long.parseLong(fields[1]);
        durationMicros = Long.parseLong(fields[2]);
        errors = Long.parseLong(fields[3]);
      } else if (fields[0].equals("clouvel-latency")) {
        counts.put(Long.parseLong(fields[1]), Long.parseLong(fields[2]));
      }
    }
    if (requests < 0) {
      throw new IllegalStateException("wrk printed no summary: " + String.join("\n", output));
    }
    long[] latencies = new long[Math.toIntExact(counts.values().stream().mapToLong(Long::longValue).sum())];
    int count = 0;
    for (Map.Entry<Long, Long> entry : measured(counts, requests, durationMicros, connections).entrySet()) {
      int times = Math.toIntExact(entry.getValue());
      Arrays.fill(latencies, count, count + times, entry.getKey() * 1_000);
      count += times;
    }
    return new LoadResult(Arrays.copyOf(latencies, count), errors, durationMicros / 1e6, 0, 0);
  }

  /**
   * Takes out the samples wrk added: with {@code e} its interval (the run's microseconds over the
   * requests of one connection, in whole numbers, as wrk computes it), each latency {@code v} above
   * {@code e} was given one more sample for every measured latency at {@code v + e}, {@code v + 2e},
   * and so on; so what was measured at {@code v} is wrk's count there less its count at {@code v + e}.
   */
  static TreeMap<Long, Long> measured(TreeMap<Long, Long> reported, long requests, long durationMicros,
      int connections) {
    long perConnection = requests / connections;
    if (perConnection == 0) {
      return reported;
    }
    long interval = durationMicros / perConnection;
    TreeMap<Long, Long> measured = new TreeMap<>();
    reported.forEach((value, count) -> {
      long own = value > interval ? count - reported.getOrDefault(value + interval, 0L) : count;
      if (own > 0) {
        measured.put(value, own);
      }
    });
    return measured;
  }

  @Override
  public void close() {
    // wrk runs once per slice; nothing stays open.
  }
}
