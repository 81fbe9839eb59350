package ai.clouvel.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * wrk (Debian's package) in a process of its own, one event-loop thread for every connection: the
 * server's JVM then spends nothing on the client, and the client little of the machine. Its Lua
 * script sends the URLs in turn and prints every latency with its count, so the slices of a
 * scenario merge into one distribution.
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
    long seconds = Math.max(1, Math.round(duration.toMillis() / 1000.0));
    Process wrk = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
        "-s", script.toString(), base, "--", paths.toString()).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(wrk.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        output.add(line);
      }
    }
    if (wrk.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + String.join("\n", output));
    }
    return parse(output);
  }

  /** Reads the lines the script's {@code done} prints: the summary, then each latency and its count. */
  static LoadResult parse(List<String> output) {
    long[] latencies = new long[0];
    int count = 0;
    long errors = -1;
    double seconds = 0;
    for (String line : output) {
      String[] fields = line.strip().split(" ");
      if (fields[0].equals("clouvel-summary")) {
        seconds = Long.parseLong(fields[2]) / 1e6;
        errors = Long.parseLong(fields[3]);
      } else if (fields[0].equals("clouvel-latency")) {
        long nanos = Long.parseLong(fields[1]) * 1_000;
        int times = Integer.parseInt(fields[2]);
        if (count + times > latencies.length) {
          latencies = Arrays.copyOf(latencies, Math.max(count + times, latencies.length * 2));
        }
        Arrays.fill(latencies, count, count + times, nanos);
        count += times;
      }
    }
    if (errors < 0) {
      throw new UncheckedIOException(new IOException("wrk printed no summary: " + String.join("\n", output)));
    }
    return new LoadResult(Arrays.copyOf(latencies, count), errors, seconds, 0, 0);
  }

  @Override
  public void close() {
    // wrk runs once per slice; nothing stays open.
  }
}
