package ai.clouvel.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A server process running {@link FanOutNode}, driven through its standard input and output. */
final class NodeProcess implements AutoCloseable {
  final Process process;
  final int port;
  final Writer commands;
  final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

  private NodeProcess(Process process) throws Exception {
    this.process = process;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("FANOUT ")) {
            answers.add(line.substring(7));
          } else if (line.contains("ERROR") || line.contains("Exception")) {
            System.err.println(line);
          }
        }
      } catch (IOException e) {
        answers.add("ERROR " + e);
      }
    }, "node-output");
    reader.setDaemon(true);
    reader.start();
    this.port = Integer.parseInt(await("READY", 120));
  }

  static NodeProcess start(String databaseUrl, String name) throws Exception {
    return start(databaseUrl, name, System.getProperty("java.class.path"), System.getenv("FANOUT_NODE_JVM_OPTS"));
  }

  /**
   * Starts a node from a class path (the current one, or an older build's jar for a baseline).
   * {@code options} are JVM options for the node (a flight recording, another collector), or
   * {@code null}; {@code FANOUT_NODE_CPUS} (a {@code taskset} CPU list such as {@code 1})
   * pins the node to those CPUs, so that it does not share a core with subscribers pinned elsewhere.
   */
  static NodeProcess start(String databaseUrl, String name, String classPath, String options) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    String cpus = System.getenv("FANOUT_NODE_CPUS");
    if (cpus != null && !cpus.isBlank()) {
      command.addAll(List.of("taskset", "-c", cpus.strip()));
    }
    command.add(java);
    if (options != null && !options.isBlank()) {
      command.addAll(List.of(options.trim().split("\\s+")));
    }
    command.addAll(List.of("-cp", classPath, FanOutNode.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("PORT", "0");
    env.put("DATABASE_URL", databaseUrl);
    env.put("CLOUVEL_LOG_LEVEL", "WARN");
    env.put("WORKERS", "0");
    System.out.println("Starting " + name + ": " + String.join(" ", command.subList(0, command.indexOf("-cp"))));
    return new NodeProcess(builder.start());
  }

  String ask(String command, String answer) throws Exception {
    send(command);
    return await(answer, 120);
  }

  CompletableFuture<String> askAsync(String command, String answer) throws IOException {
    send(command);
    return CompletableFuture.supplyAsync(() -> {
      try {
        return await(answer, 3_600);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** Heap used after GC and resident memory, in bytes. */
  long[] memory() throws Exception {
    String[] words = ask("mem", "MEM").split(" ");
    return new long[] {Long.parseLong(words[0]), Long.parseLong(words[1]) * 1024};
  }

  private void send(String command) throws IOException {
    commands.write(command + "\n");
    commands.flush();
  }

  private String await(String kind, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String answer = answers.poll(1, TimeUnit.SECONDS);
      if (answer != null && answer.startsWith(kind + " ")) {
        return answer.substring(kind.length() + 1);
      }
      if (answer != null && answer.startsWith("ERROR")) {
        throw new IllegalStateException(answer);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the server process ended with " + process.exitValue());
      }
    }
    throw new IllegalStateException("no " + kind + " from the server within " + seconds + " s");
  }

  @Override
  public void close() {
    try {
      commands.close();
    } catch (IOException ignored) {
      // already gone
    }
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
