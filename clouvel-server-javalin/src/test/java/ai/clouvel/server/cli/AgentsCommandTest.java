package ai.clouvel.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.Clouvel;
import ai.clouvel.core.agent.AgentAction;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.store.SqlStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentsCommandTest {
  @TempDir
  Path directory;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private int run(String... arguments) {
    return new AgentsCommand(out, SqlStore::open, store -> Clouvel.builder().build(store))
        .run(List.of(arguments), "sqlite:" + directory.resolve("cli.db"));
  }

  @Test
  void runsAnAgentOnceDryByDefaultAndLiveWhenAsked() {
    assertThat(run("run", "community")).isZero();
    String dry = bytes.toString(StandardCharsets.UTF_8);
    assertThat(dry).contains("dry run", "welcome", "t3_1cl001", "dry_run", "(dry run)");

    bytes.reset();
    assertThat(run("run", "community", "--live")).isZero();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("LIVE", "done", "-> t1_off");

    bytes.reset();
    assertThat(run("run", "promoter")).isZero();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("promote", "score ");

    try (SqlStore store = SqlStore.open("sqlite:" + directory.resolve("cli.db"))) {
      List<AgentAction> actions = store.agents().actions(PageRequest.first(100), "community").items();
      assertThat(actions).anyMatch(a -> a.dryRun() && a.action().equals("welcome"));
      assertThat(actions).anyMatch(a -> !a.dryRun() && a.outcome().equals("done"));
    }
  }

  @Test
  void aWrongAgentOrOptionIsAUsageMistake() {
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
    String db = "sqlite:" + directory.resolve("cli.db");
    assertThat(Main.run(List.of("agents", "run", "robot"), out, err, db)).isEqualTo(2);
    assertThat(Main.run(List.of("agents", "run", "community", "--vote"), out, err, db)).isEqualTo(2);
    assertThat(Main.run(List.of("agents", "fly"), out, err, db)).isEqualTo(2);
    assertThat(errors.toString(StandardCharsets.UTF_8)).contains("unknown agent: robot", "unknown option: --vote",
        "agents run <community|promoter>");
  }
}
