package ai.clouvel.benchmarks.queue;

import ai.clouvel.benchmarks.TempDirectories;
import ai.clouvel.store.SqlStore;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Drains no-op tasks through Clouvel's durable queue and through db-scheduler, on the same
 * database in the same run, with the same number of workers, and prints one table of tasks per
 * second with the ratio between them. Both queues warm up (a small drain each, not reported)
 * before anything is measured on a database; the order of the two alternates from cell to cell.
 *
 * <pre>
 * java -cp clouvel-benchmarks/target/clouvel-load.jar ai.clouvel.benchmarks.queue.QueueBenchmark \
 *   [--tasks 20000,200000] [--workers 1,4] [--db sqlite,postgresql] [--batch 256]
 * </pre>
 *
 * PostgreSQL is an embedded server started for the run unless {@code DATABASE_URL} gives a
 * {@code jdbc:postgresql:} URL (with user and password in it).
 */
public final class QueueBenchmark {
  private static final int WARM_UP_TASKS = 5_000;

  private QueueBenchmark() {
  }

  /**
   * Runs the benchmark.
   *
   * @param args see the class comment
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    List<Integer> taskCounts = ints(option(args, "--tasks", "20000,200000"));
    List<Integer> workerCounts = ints(option(args, "--workers", "1,4"));
    List<String> databases = Arrays.asList(option(args, "--db", "sqlite,postgresql").split(","));
    int batch = Integer.parseInt(option(args, "--batch", "256"));
    List<String> rows = new ArrayList<>();
    long began = System.nanoTime();
    for (String database : databases) {
      Path directory = Files.createTempDirectory("clouvel-queue-bench");
      try (BenchDatabase db = database.strip().equalsIgnoreCase("sqlite")
          ? BenchDatabase.sqlite(directory.resolve("queue.db"))
          : BenchDatabase.postgresql(System.getenv("DATABASE_URL"))) {
        rows.addAll(runDatabase(db, taskCounts, workerCounts, batch));
      } finally {
        TempDirectories.delete(directory);
      }
    }
    System.out.printf(Locale.ROOT, "%nQueue drain, no-op tasks, claim + complete; %d cores; both queues claim up to"
        + " %d tasks at a time; %.0f s in all%n", Runtime.getRuntime().availableProcessors(), batch,
        (System.nanoTime() - began) / 1e9);
    System.out.println("| database | tasks | workers | Clouvel tasks/s | db-scheduler tasks/s | Clouvel / db-scheduler |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    rows.forEach(System.out::println);
  }

  private static List<String> runDatabase(BenchDatabase db, List<Integer> taskCounts, List<Integer> workerCounts,
      int batch) throws Exception {
    int maxWorkers = workerCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
    SqlStore.Builder builder = SqlStore.builder().databaseUrl(db.storeUrl()).maximumPoolSize(maxWorkers + 2);
    if (db.user() != null) {
      builder.credentials(db.user(), db.password());
    }
    boolean postgres = db.kind() == BenchDatabase.Kind.POSTGRESQL;
    List<String> rows = new ArrayList<>();
    // The store first: Flyway migrates only an empty schema or its own.
    try (SqlStore store = builder.build(); HikariDataSource peer = db.peerPool(maxWorkers + 2)) {
      db.createPeerTable(peer);
      System.out.printf(Locale.ROOT, "%s: warming up both queues (%d tasks each, %d workers)%n", db.kind(),
          WARM_UP_TASKS, maxWorkers);
      ClouvelQueueRun.run(store, WARM_UP_TASKS, maxWorkers, batch);
      DbSchedulerRun.run(peer, WARM_UP_TASKS, maxWorkers, batch, postgres);
      int cell = 0;
      for (int tasks : taskCounts) {
        for (int workers : workerCounts) {
          double clouvel;
          double peerRate;
          if (cell++ % 2 == 0) {
            clouvel = ClouvelQueueRun.run(store, tasks, workers, batch);
            peerRate = DbSchedulerRun.run(peer, tasks, workers, batch, postgres);
          } else {
            peerRate = DbSchedulerRun.run(peer, tasks, workers, batch, postgres);
            clouvel = ClouvelQueueRun.run(store, tasks, workers, batch);
          }
          String row = String.format(Locale.ROOT, "| %s | %,d | %d | %,.0f | %,.0f | %.2f× |",
              db.kind() == BenchDatabase.Kind.SQLITE ? "SQLite" : "PostgreSQL", tasks, workers, clouvel, peerRate,
              clouvel / peerRate);
          System.out.println(row);
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private static List<Integer> ints(String list) {
    return Arrays.stream(list.split(",")).map(String::strip).map(Integer::parseInt).toList();
  }
}
