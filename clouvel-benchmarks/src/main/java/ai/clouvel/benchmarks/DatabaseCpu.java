package ai.clouvel.benchmarks;

import ai.clouvel.store.DatabaseUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The CPU time of the database's own processes, when they run on this machine: PostgreSQL's
 * postmaster (found as the parent of the harness's own backend), its processes, and those of its
 * processes that exited (the postmaster's reaped children), so a backend or an autovacuum worker
 * that ends during a measure is counted for the time it ran in it. SQLite runs in the JVM; a remote
 * PostgreSQL cannot be read. Read from {@code /proc}, in Linux's clock ticks (100 a second).
 */
final class DatabaseCpu {
  private static final long NANOS_PER_TICK = 10_000_000L;

  private final long postmaster;

  private DatabaseCpu(long postmaster) {
    this.postmaster = postmaster;
  }

  /** Nothing to read: SQLite, or a PostgreSQL elsewhere. */
  static DatabaseCpu none() {
    return new DatabaseCpu(-1);
  }

  /** The PostgreSQL server the URL names, if it runs on this machine; else {@link #none()}. */
  static DatabaseCpu postgres(DatabaseUrl url) throws SQLException {
    long backend;
    try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password());
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      backend = rs.getLong(1);
      Optional<Long> parent = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid)
          .filter(pid -> isPostgres(pid) && isPostgres(backend));
      return parent.map(DatabaseCpu::new).orElseGet(DatabaseCpu::none);
    }
  }

  boolean measured() {
    return postmaster > 0;
  }

  /** The CPU the server's processes have used so far, in nanoseconds: only differences mean anything. */
  long nanos() {
    if (!measured()) {
      return 0;
    }
    long[] own = ticks(postmaster);
    long total = own[0] + own[1] + own[2] + own[3];
    total += ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::descendants)
        .mapToLong(p -> {
          long[] child = ticks(p.pid());
          return child[0] + child[1];
        }).sum();
    return total * NANOS_PER_TICK;
  }

  private static boolean isPostgres(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip().equals("postgres");
    } catch (IOException e) {
      return false;
    }
  }

  /** A process's user and system time, then its reaped children's; zeros once it has gone. */
  private static long[] ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The fields after the command name, which may itself hold spaces: the state is the first.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
          Long.parseLong(fields[14])};
    } catch (IOException | RuntimeException e) {
      return new long[4];
    }
  }
}
