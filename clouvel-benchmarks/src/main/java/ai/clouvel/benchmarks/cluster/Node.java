package ai.clouvel.benchmarks.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One reference server in its own JVM, started from the built jar; it can be killed and started again. */
final class Node {
  private final String name;
  private final Path jar;
  private final Path logs;
  private final Map<String, String> env;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile Process process;
  private int starts;
  private int kills;

  Node(String name, Path jar, Path logs, Map<String, String> env) {
    this.name = name;
    this.jar = jar;
    this.logs = logs;
    this.port = freePort();
    this.env = Map.copyOf(env);
  }

  String name() {
    return name;
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  int kills() {
    return kills;
  }

  boolean isUp() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** Starts the JVM and waits until it answers {@code /health}. */
  synchronized void start(Duration timeout) {
    starts++;
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
        "-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    for (String inherited : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
      String value = System.getenv(inherited);
      if (value != null) {
        builder.environment().put(inherited, value);
      }
    }
    builder.environment().putAll(env);
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("NODE_ID", name);
    Path log = logs.resolve(name + "-" + starts + ".log");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    try {
      Files.createDirectories(logs);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " at start; see " + log);
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting " + name, e);
      }
      pause(100);
    }
    throw new IllegalStateException(name + " did not become healthy within " + timeout + "; see " + log);
  }

  /** Kills the JVM with SIGKILL: no shutdown hook, no graceful stop, leases left behind. */
  synchronized void kill() {
    Process p = process;
    if (p == null || !p.isAlive()) {
      return;
    }
    kills++;
    p.destroyForcibly();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the JVM gracefully (SIGTERM), or kills it if it takes too long. */
  synchronized void stop() {
    Process p = process;
    if (p == null) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
