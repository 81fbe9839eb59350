package ai.clouvel.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.server.ClouvelServer;
import ai.clouvel.store.testing.EmbeddedPostgresExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting the server goes wrong the way an operator meets it: the real entry point in a JVM of its
 * own, configured by environment variables. Every failure is one line on stderr, naming the cause,
 * with exit status 2 for configuration and 1 for run time, and a stack trace only with --debug.
 */
class StartupFailureTest {
  @TempDir
  Path directory;

  private ExtensionContext context;

  @RegisterExtension
  final BeforeEachCallback captureContext = extensionContext -> context = extensionContext;

  /** What a finished process said. */
  private record Outcome(int status, List<String> stderr) {
    String last() {
      return stderr.isEmpty() ? "" : stderr.get(stderr.size() - 1);
    }
  }

  private Outcome run(Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(directory.resolve("stderr.txt").toFile());
    builder.environment().keySet().removeIf(key -> !key.equals("PATH") && !key.equals("HOME"));
    builder.environment().put("DATABASE_URL", "sqlite:" + directory.resolve("startup.db"));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the server did not exit within 60 s; it should have failed to start");
    }
    return new Outcome(process.exitValue(),
        Files.readAllLines(directory.resolve("stderr.txt"), StandardCharsets.UTF_8));
  }

  private static void assertNoStackTrace(Outcome outcome) {
    assertThat(outcome.stderr()).as("stderr").noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception")
        || line.startsWith("Caused by") || line.contains(" ERROR "));
  }

  @Test
  void aPortInUseIsOneLineAndExitStatusOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
      Outcome outcome = run(Map.of("PORT", String.valueOf(taken.getLocalPort())));

      assertThat(outcome.status()).isEqualTo(1);
      assertThat(outcome.last()).isEqualTo("clouvel: cannot start: port " + taken.getLocalPort()
          + " is already in use (PORT); stop the other process or choose another port");
      assertThat(outcome.stderr()).filteredOn(line -> line.startsWith("clouvel:")).hasSize(1);
      assertNoStackTrace(outcome);
      assertThat(outcome.stderr()).as("workers start only after the server listens")
          .noneMatch(line -> line.contains("commission worker"));
      assertThat(outcome.stderr()).as("nothing is seeded before the server listens")
          .noneMatch(line -> line.contains("Seeded"));
    }
  }

  @Test
  void withDebugThePortInUseShowsItsStackTrace() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
      Outcome outcome = run(Map.of("PORT", String.valueOf(taken.getLocalPort())), "--debug");

      assertThat(outcome.status()).isEqualTo(1);
      assertThat(outcome.stderr()).anyMatch(line -> line.startsWith("clouvel: cannot start: port "))
          .anyMatch(line -> line.startsWith("\tat "));
    }
  }

  @Test
  void anInvalidSettingIsTheOnlyLineAndExitStatusTwo() throws Exception {
    Outcome port = run(Map.of("PORT", "80a"));
    assertThat(port.status()).isEqualTo(2);
    assertThat(port.stderr()).containsExactly("clouvel: configuration error: PORT must be a whole number, not 80a");

    Outcome zazzle = run(Map.of("PORT", "0", "ZAZZLE_AFFILIATE_ID", "not-a-number"));
    assertThat(zazzle.status()).isEqualTo(2);
    assertThat(zazzle.stderr()).containsExactly(
        "clouvel: configuration error: ZAZZLE_AFFILIATE_ID must be a number (your Zazzle affiliate id), not not-a-number");

    Outcome pool = run(Map.of("PORT", "0", "DATABASE_POOL_SIZE", "0"));
    assertThat(pool.status()).isEqualTo(2);
    assertThat(pool.stderr()).containsExactly(
        "clouvel: configuration error: DATABASE_POOL_SIZE must be a whole number above 0, not 0");
    Outcome readers = run(Map.of("PORT", "0", "SQLITE_READERS", "four"));
    assertThat(readers.status()).isEqualTo(2);
    assertThat(readers.stderr()).containsExactly(
        "clouvel: configuration error: SQLITE_READERS must be a whole number above 0, not four");
  }

  @Test
  void theGenerateCommandReportsAnInvalidSettingTheSameWay() throws Exception {
    Outcome outcome = run(Map.of("ZAZZLE_AFFILIATE_ID", "abc"), "generate", "--count", "1",
        "--out", directory.resolve("out").toString());
    assertThat(outcome.status()).isEqualTo(2);
    assertThat(outcome.last()).isEqualTo(
        "clouvel: configuration error: ZAZZLE_AFFILIATE_ID must be a number (your Zazzle affiliate id), not abc");
    assertNoStackTrace(outcome);
  }

  @Test
  void anUnknownDatabaseUrlIsAConfigurationError() throws Exception {
    Outcome outcome = run(Map.of("PORT", "0", "DATABASE_URL", "mysql://localhost/clouvel"));
    assertThat(outcome.status()).isEqualTo(2);
    assertThat(outcome.stderr()).hasSize(1);
    assertThat(outcome.last()).startsWith("clouvel: configuration error: DATABASE_URL: unsupported database URL");
  }

  @Test
  void anUnreachableDatabaseIsOneLineAndExitStatusOne() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    Outcome outcome = run(Map.of("PORT", "0",
        "DATABASE_URL", "postgresql://clouvel:s3cret-pass@127.0.0.1:" + closedPort + "/clouvel"));

    assertThat(outcome.status()).isEqualTo(1);
    assertThat(outcome.last()).startsWith("clouvel: cannot start: cannot reach the database in DATABASE_URL: ")
        .contains("127.0.0.1:" + closedPort);
    assertThat(String.join("\n", outcome.stderr())).doesNotContain("s3cret-pass");
    assertNoStackTrace(outcome);
  }

  @Test
  void wrongDatabaseCredentialsAreOneLineAndExitStatusOne() throws Exception {
    EmbeddedPostgresExtension.Database database = EmbeddedPostgresExtension.newDatabase(context);
    String hostAndDb = database.jdbcUrl().substring("jdbc:postgresql://".length()).replaceFirst("\\?.*$", "");
    Outcome outcome = run(Map.of("PORT", "0",
        "DATABASE_URL", "postgresql://nobody:wrong-pass@" + hostAndDb));

    assertThat(outcome.status()).isEqualTo(1);
    assertThat(outcome.last()).startsWith("clouvel: cannot start: the database refused the credentials in DATABASE_URL: ")
        .contains("nobody");
    assertThat(String.join("\n", outcome.stderr())).doesNotContain("wrong-pass");
    assertNoStackTrace(outcome);
  }

  @Test
  void aServerThatCannotListenHasStartedNoWorkersAndClosesWhatItOwns() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
      Map<String, String> env = new HashMap<>();
      env.put("PORT", String.valueOf(taken.getLocalPort()));
      env.put("DATABASE_URL", "sqlite:" + directory.resolve("inprocess.db"));
      env.put("SEED_DEMO", "false");
      ClouvelServer server = ClouvelServer.fromEnvironment(env);

      assertThatThrownBy(server::start).hasRootCauseInstanceOf(java.net.BindException.class);
      assertThat(server.clouvel().commissions().workerStatus().running()).isFalse();
      assertThat(server.clouvel().store().isHealthy()).as("the store was closed").isFalse();
    }
  }
}
