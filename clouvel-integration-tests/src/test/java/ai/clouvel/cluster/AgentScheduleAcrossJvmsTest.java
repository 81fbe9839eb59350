package ai.clouvel.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.agent.AgentKind;
import ai.clouvel.core.agent.AgentSettings;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.store.SqlStore;
import ai.clouvel.store.testing.EmbeddedPostgresExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three JVMs from the built jar ask one PostgreSQL at the same time for the agents' due runs: the
 * community agent runs once, on one of them.
 */
class AgentScheduleAcrossJvmsTest {
  private static final Duration INTERVAL = Duration.ofDays(7);

  @TempDir
  Path directory;

  private EmbeddedPostgresExtension.Database database;

  @RegisterExtension
  final BeforeEachCallback newDatabase = context -> database = EmbeddedPostgresExtension.newDatabase(context);

  @Test
  void threeNodesRunTheCommunityAgentOncePerInterval() throws Exception {
    Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    Path jar = base.resolve("../clouvel-server-javalin/target/clouvel-server.jar").normalize();
    assertThat(jar).as("the server jar, built by the server module before this one").exists();
    try (SqlStore store = SqlStore.builder().databaseUrl(database.jdbcUrl())
        .credentials(database.user(), database.password()).build()) {
      AgentSettings defaults = store.agents().settings(AgentKind.COMMUNITY);
      store.agents().saveSettings(AgentKind.COMMUNITY, new AgentSettings(true, true, INTERVAL, defaults.dailyCaps(),
          defaults.persona(), defaults.communitySubreddit(), List.of(), java.util.Set.of(), defaults.cooldown(),
          defaults.minScore()));
    }

    long slotBefore = System.currentTimeMillis() / INTERVAL.toMillis();
    List<Process> nodes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ProcessBuilder node = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "agents", "run-due", "--database", database.jdbcUrl())
          .redirectErrorStream(true).redirectOutput(directory.resolve("node-" + i + ".log").toFile());
      node.environment().keySet().removeIf(name -> name.startsWith("OPENAI_") || name.startsWith("REDDIT_"));
      nodes.add(node.start());
    }
    List<String> outputs = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      assertThat(nodes.get(i).waitFor(120, TimeUnit.SECONDS)).as("node %d finished", i).isTrue();
      String log = Files.readString(directory.resolve("node-" + i + ".log"), StandardCharsets.UTF_8);
      assertThat(nodes.get(i).exitValue()).as(log).isZero();
      outputs.add(log);
    }
    long slotAfter = System.currentTimeMillis() / INTERVAL.toMillis();
    long slots = slotAfter - slotBefore + 1;

    assertThat(outputs.stream().filter(log -> log.contains("ran community (dry run)")).count()).isEqualTo(slots);
    assertThat(outputs.stream().filter(log -> log.contains("nothing due")).count()).isEqualTo(3 - slots);
    try (SqlStore store = SqlStore.builder().databaseUrl(database.jdbcUrl())
        .credentials(database.user(), database.password()).build()) {
      long decisions = store.agents().actions(PageRequest.first(100), "community").total();
      assertThat(decisions).as("one run's decisions over the sample posts").isEqualTo(7 * slots);
      assertThat(store.agents().actions(PageRequest.first(100), "community").items()).allMatch(a -> a.dryRun());
    }
  }
}
