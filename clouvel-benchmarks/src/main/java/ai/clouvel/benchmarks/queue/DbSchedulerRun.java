package ai.clouvel.benchmarks.queue;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.MySQLJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Drains no-op one-time tasks through db-scheduler on the same database: schedules them (not
 * timed), then times a scheduler with the same number of worker threads until all have run.
 */
final class DbSchedulerRun {
  private static final AtomicInteger RUNS = new AtomicInteger();

  private DbSchedulerRun() {
  }

  private static long remaining(DataSource dataSource, String name) throws java.sql.SQLException {
    try (java.sql.Connection connection = dataSource.getConnection();
         java.sql.PreparedStatement count = connection.prepareStatement(
             "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?")) {
      count.setString(1, name);
      try (java.sql.ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Runs once.
   *
   * @param postgres PostgreSQL (polls with lock-and-fetch, {@code FOR UPDATE SKIP LOCKED}); otherwise
   *     SQLite, with db-scheduler's default fetch-then-lock and {@code LIMIT} queries
   * @param batch the most executions one poll takes, as Clouvel's batch
   * @return the tasks executed per second
   */
  static double run(DataSource dataSource, int tasks, int workers, int batch, boolean postgres) throws Exception {
    String name = "noop-" + RUNS.incrementAndGet();
    AtomicInteger executed = new AtomicInteger();
    CountDownLatch allDone = new CountDownLatch(tasks);
    OneTimeTask<Void> noop = Tasks.oneTime(name).execute((instance, context) -> {
      executed.incrementAndGet();
      allDone.countDown();
    });
    // SQLite is not among db-scheduler's detected databases: its MySQL flavour writes the LIMIT
    // clause SQLite understands, and times as JDBC timestamps, as for any other database.
    JdbcCustomization sqlite = new MySQLJdbcCustomization(false);
    SchedulerClient.Builder clientBuilder = SchedulerClient.Builder.create(dataSource, noop);
    SchedulerClient client = (postgres ? clientBuilder : clientBuilder.jdbcCustomization(sqlite)).build();
    Instant due = Instant.now().minusSeconds(1);
    for (int from = 0; from < tasks; from += 5_000) {
      List<TaskInstance<?>> instances = new ArrayList<>();
      for (int i = from; i < Math.min(tasks, from + 5_000); i++) {
        instances.add(noop.instance("t" + i));
      }
      client.scheduleBatch(instances, due);
    }
    SchedulerBuilder builder = Scheduler.create(dataSource, noop)
        .threads(workers)
        .pollingInterval(Duration.ofMillis(50))
        .shutdownMaxWait(Duration.ofSeconds(5));
    // db-scheduler sizes a poll as a fraction of its threads: take up to the same batch as
    // Clouvel, and poll again when half of it is done.
    double upper = Math.max(1.0, batch / (double) workers);
    if (postgres) {
      // Its high-throughput mode: one SELECT ... FOR UPDATE SKIP LOCKED that picks and fetches.
      builder.pollUsingLockAndFetch(upper / 2, upper);
    } else {
      builder.jdbcCustomization(sqlite).pollUsingFetchAndLockOnExecute(upper / 2, upper);
    }
    Scheduler scheduler = builder.build();
    long began = System.nanoTime();
    scheduler.start();
    try {
      int seen = -1;
      while (!allDone.await(30, TimeUnit.SECONDS)) {
        if (executed.get() == seen) {
          throw new IllegalStateException("db-scheduler is stuck at " + seen + " of " + tasks + " tasks");
        }
        seen = executed.get();
      }
      // The handler ran for every task; the run ends when db-scheduler has also completed (deleted)
      // every execution, as Clouvel's ends when every task is completed.
      while (remaining(dataSource, name) > 0) {
        Thread.onSpinWait();
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      if (executed.get() != tasks) {
        throw new IllegalStateException("db-scheduler ran " + executed.get() + " of " + tasks + " tasks");
      }
      return tasks / seconds;
    } finally {
      scheduler.stop();
    }
  }
}
