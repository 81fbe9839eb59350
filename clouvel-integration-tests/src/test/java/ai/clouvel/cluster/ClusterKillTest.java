package ai.clouvel.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.benchmarks.cluster.ClusterRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Three server JVMs from the built jar on one embedded PostgreSQL: a watching node that takes
 * checkouts and WebSocket subscribers but works on nothing, and two working nodes, one of which is
 * killed with SIGKILL at random moments and started again while 300 commissions are paid through
 * the demo checkout and made through a fake Reddit and a fake OpenAI that takes its time and refuses
 * one image in twelve for good (so that some commissions are refunded).
 */
class ClusterKillTest {

  @Test
  void threeHundredCommissionsSurviveRandomKillsExactlyOnce() throws Exception {
    Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    Path jar = base.resolve("../clouvel-server-javalin/target/clouvel-server.jar").normalize();
    assertThat(jar).as("the server jar, built by the server module before this one").exists();
    Path logs = base.resolve("target/cluster-logs");
    Files.createDirectories(logs);

    ClusterRun.Report report = ClusterRun.run(new ClusterRun.Settings(300, 2, 3, Duration.ofMillis(60),
        Duration.ofMillis(400), 12, Duration.ofSeconds(4), Duration.ofSeconds(9), 6, 60, 5, jar, logs,
        20_261_201L, Duration.ofMinutes(6)));
    System.out.println(report.summary());

    assertThat(report.paid()).isEqualTo(300);
    assertThat(report.kills()).as("nodes were killed during the run").isGreaterThanOrEqualTo(3);
    assertThat(report.lostPayments()).as("paid commissions without exactly one task").isEmpty();
    assertThat(report.unfinished()).as("tasks still open").isEmpty();
    assertThat(report.extraProducts()).as("duplicate or orphaned products").isEmpty();
    assertThat(report.notSettledOnce()).as("commissions not completed, or not refunded exactly once").isEmpty();
    assertThat(report.completed() + report.refunded()).isEqualTo(300);
    assertThat(report.refunded()).as("refused images were refunded").isPositive();
    assertThat(report.resumed()).as("tasks of killed nodes were taken over").isPositive();
    assertThat(report.products()).isEqualTo(report.completed());
    assertThat(report.missedByWatcher()).as("terminal statuses the idle node's subscribers never got").isEmpty();
    assertThat(report.watcherErrors()).isEmpty();
  }
}
