package ai.clouvel.benchmarks.queue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One database that both queues share in a run: a SQLite file, or PostgreSQL (the one
 * {@code DATABASE_URL} names, or an embedded server started here and stopped on close).
 */
final class BenchDatabase implements AutoCloseable {
  /** Which database. */
  enum Kind { SQLITE, POSTGRESQL }

  private final Kind kind;
  private final String url;
  private final String user;
  private final String password;
  private final EmbeddedPostgres embedded;

  private BenchDatabase(Kind kind, String url, String user, String password, EmbeddedPostgres embedded) {
    this.kind = kind;
    this.url = url;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
  }

  static BenchDatabase sqlite(Path file) {
    return new BenchDatabase(Kind.SQLITE, "sqlite:" + file.toAbsolutePath(), null, null, null);
  }

  /** Uses {@code databaseUrl} (a {@code jdbc:postgresql:} URL) if given, else starts embedded PostgreSQL. */
  static BenchDatabase postgresql(String databaseUrl) throws IOException {
    if (databaseUrl != null && !databaseUrl.isBlank()) {
      return new BenchDatabase(Kind.POSTGRESQL, databaseUrl, null, null, null);
    }
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    return new BenchDatabase(Kind.POSTGRESQL, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
        postgres);
  }

  Kind kind() {
    return kind;
  }

  /** The URL for {@code SqlStore.builder().databaseUrl}. */
  String storeUrl() {
    return url;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  /**
   * A pool for db-scheduler on the same database. On SQLite it is one connection, like Clouvel's
   * writer, so that neither queue's writers wait on each other's file lock.
   */
  HikariDataSource peerPool(int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("db-scheduler");
    if (kind == Kind.SQLITE) {
      SQLiteConfig sqlite = new SQLiteConfig();
      sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
      sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      sqlite.setBusyTimeout(30_000);
      SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
      dataSource.setUrl("jdbc:" + url);
      config.setDataSource(dataSource);
      config.setMaximumPoolSize(1);
    } else {
      config.setJdbcUrl(url.startsWith("jdbc:") ? url : "jdbc:" + url);
      config.setUsername(user);
      config.setPassword(password);
      config.setMaximumPoolSize(size);
    }
    return new HikariDataSource(config);
  }

  /** Creates db-scheduler's table (its documented schema, types adapted to SQLite). */
  void createPeerTable(HikariDataSource pool) throws SQLException {
    String time = kind == Kind.SQLITE ? "TIMESTAMP" : "TIMESTAMP WITH TIME ZONE";
    String bytes = kind == Kind.SQLITE ? "BLOB" : "BYTEA";
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("""
          CREATE TABLE IF NOT EXISTS scheduled_tasks (
            task_name TEXT NOT NULL,
            task_instance TEXT NOT NULL,
            task_data %s,
            execution_time %s NOT NULL,
            picked BOOLEAN NOT NULL,
            picked_by TEXT,
            last_success %s,
            last_failure %s,
            consecutive_failures INT,
            last_heartbeat %s,
            version BIGINT NOT NULL,
            priority SMALLINT,
            PRIMARY KEY (task_name, task_instance))""".formatted(bytes, time, time, time, time));
      statement.execute("CREATE INDEX IF NOT EXISTS execution_time_idx ON scheduled_tasks (execution_time)");
      statement.execute("CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON scheduled_tasks (last_heartbeat)");
      statement.execute("CREATE INDEX IF NOT EXISTS priority_execution_time_idx"
          + " ON scheduled_tasks (priority DESC, execution_time ASC)");
    }
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
