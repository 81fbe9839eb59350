package ai.clouvel.benchmarks.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The long cluster run: by default 10,000 commissions through three server JVMs (one watching,
 * two working with three workers each) on one embedded PostgreSQL, a working node SIGKILLed every
 * 10 to 30 seconds. Prints the report; exits with 1 if anything was lost, duplicated, left
 * unfinished, settled other than exactly once, or missed by the watching node's subscribers.
 *
 * <pre>
 * mvn -B -ntp -DskipTests package
 * java -cp clouvel-benchmarks/target/clouvel-load.jar ai.clouvel.benchmarks.cluster.ClusterBenchmark [commissions] [server jar]
 * </pre>
 */
public final class ClusterBenchmark {
  private ClusterBenchmark() {
  }

  /**
   * Runs the cluster and prints the report.
   *
   * @param args the number of commissions (default 10000) and the server jar
   *     (default {@code clouvel-server-javalin/target/clouvel-server.jar})
   * @throws Exception if the cluster cannot be run
   */
  public static void main(String[] args) throws Exception {
    int commissions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path jar = Path.of(args.length > 1 ? args[1] : "clouvel-server-javalin/target/clouvel-server.jar");
    if (!Files.exists(jar)) {
      System.err.println("No server jar at " + jar + "; build it with: mvn -B -ntp -DskipTests package");
      System.exit(2);
    }
    Path logs = Files.createTempDirectory("clouvel-cluster-");
    ClusterRun.Report report = ClusterRun.run(new ClusterRun.Settings(commissions, 2, 3, Duration.ofMillis(60),
        Duration.ofMillis(400), 12, Duration.ofSeconds(10), Duration.ofSeconds(30), 6, 200, 5, jar, logs,
        System.nanoTime(), Duration.ofHours(3)));
    System.out.println(report.summary());
    report.extraProducts().stream().limit(20).forEach(line -> System.out.println("  extra: " + line));
    report.lostPayments().stream().limit(20).forEach(line -> System.out.println("  lost: " + line));
    report.notSettledOnce().stream().limit(20).forEach(line -> System.out.println("  not settled once: " + line));
    report.missedByWatcher().stream().limit(20).forEach(line -> System.out.println("  missed by watcher: " + line));
    report.watcherErrors().stream().limit(20).forEach(line -> System.out.println("  watcher: " + line));
    System.out.println("node logs: " + logs);
    boolean clean = report.lostPayments().isEmpty() && report.unfinished().isEmpty() && report.extraProducts().isEmpty()
        && report.notSettledOnce().isEmpty() && report.missedByWatcher().isEmpty();
    System.exit(clean ? 0 : 1);
  }
}
