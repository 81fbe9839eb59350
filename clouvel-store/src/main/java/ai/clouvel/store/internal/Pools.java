package ai.clouvel.store.internal;

import ai.clouvel.store.DatabaseUrl;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The connection pools of one store, migrated and ready. */
public final class Pools implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Pools.class);

  private final HikariDataSource writerPool;
  private final HikariDataSource readerPool;
  private final Jdbi writer;
  private final Jdbi reader;
  private final Dialect dialect;

  private Pools(HikariDataSource writerPool, HikariDataSource readerPool, Dialect dialect,
      Consumer<String> statementListener) {
    this.writerPool = writerPool;
    this.readerPool = readerPool;
    this.dialect = dialect;
    this.writer = jdbi(writerPool, statementListener);
    this.reader = readerPool == writerPool ? writer : jdbi(readerPool, statementListener);
    if (readerPool != writerPool) {
      // SQLite's read-only connections keep their compiled statements (PostgreSQL's driver has its own cache).
      reader.setStatementBuilderFactory(new CachedStatements());
    }
  }

  /**
   * Opens the pools and migrates the schema, without pool metrics.
   *
   * @param url the database
   * @param username the PostgreSQL user, or {@code null}
   * @param password the PostgreSQL password, or {@code null}
   * @param maximumPoolSize the PostgreSQL pool size
   * @param sqliteReaders SQLite's read-only connections
   * @param connectionTimeout how long to wait for a connection
   * @param busyTimeout how long SQLite waits for a lock
   * @param statementListener told every statement's SQL, or {@code null}
   * @return the pools
   */
  public static Pools open(DatabaseUrl url, String username, String password, int maximumPoolSize,
      int sqliteReaders, Duration connectionTimeout, Duration busyTimeout,
      Consumer<String> statementListener) {
    return open(url, username, password, maximumPoolSize, sqliteReaders, connectionTimeout, busyTimeout,
        statementListener, null);
  }

  /**
   * Opens the pools and migrates the schema.
   *
   * @param url the database
   * @param username the PostgreSQL user, or {@code null}
   * @param password the PostgreSQL password, or {@code null}
   * @param maximumPoolSize the PostgreSQL pool size
   * @param sqliteReaders SQLite's read-only connections
   * @param connectionTimeout how long to wait for a connection
   * @param busyTimeout how long SQLite waits for a lock
   * @param statementListener told every statement's SQL, or {@code null}
   * @param poolMetrics a metrics registry HikariCP reports to, or {@code null}
   * @return the pools
   */
  public static Pools open(DatabaseUrl url, String username, String password, int maximumPoolSize,
      int sqliteReaders, Duration connectionTimeout, Duration busyTimeout,
      Consumer<String> statementListener, Object poolMetrics) {
    if (url.kind() == DatabaseUrl.Kind.SQLITE) {
      createParentDirectories(url.sqliteFile());
      HikariDataSource writer = pool("clouvel-sqlite-writer", sqlite(url, false, busyTimeout), 1,
          connectionTimeout, false, poolMetrics);
      try {
        migrate(writer, Dialect.SQLITE);
        HikariDataSource reader = pool("clouvel-sqlite-reader", sqlite(url, true, busyTimeout),
            sqliteReaders, connectionTimeout, true, poolMetrics);
        return new Pools(writer, reader, Dialect.SQLITE, statementListener);
      } catch (RuntimeException e) {
        writer.close();
        throw e;
      }
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("clouvel-postgresql");
    config.setJdbcUrl(url.jdbcUrl());
    config.setUsername(username);
    config.setPassword(password);
    config.setMaximumPoolSize(maximumPoolSize);
    config.setConnectionTimeout(connectionTimeout.toMillis());
    // PostgreSQL's error details quote the failing row (emails, names); they never reach our messages.
    config.addDataSourceProperty("logServerErrorDetail", "false");
    // Prepared on the server from a statement's first execution on a connection, not its fifth: the
    // driver sends the first four unnamed, and PostgreSQL plans each of them. Every statement of the
    // store runs again and again, and a page's limit and offset are in its text (Db#page), so a
    // gallery that serves 100 pages on 10 connections planned 4,000 of them before keeping a plan.
    // A prepareThreshold in the database's URL still wins.
    config.addDataSourceProperty("prepareThreshold", "1");
    if (poolMetrics != null) {
      config.setMetricRegistry(poolMetrics);
    }
    HikariDataSource pool = new HikariDataSource(config);
    try {
      requireUtf8(pool);
      migrate(pool, Dialect.POSTGRESQL);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Pools(pool, pool, Dialect.POSTGRESQL, statementListener);
  }

  Jdbi writer() {
    return writer;
  }

  Jdbi reader() {
    return reader;
  }

  Dialect dialect() {
    return dialect;
  }

  /**
   * Checks both pools with a trivial query.
   *
   * @return {@code true} if both answer
   */
  public boolean isHealthy(long now) {
    try {
      // A real write, committed: a database that answers reads but cannot write (disk full, read-only
      // file, lost lock) is not healthy.
      return reader.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1
          && writer.inTransaction(h -> h.createUpdate("UPDATE health_probe SET checked_at = :now WHERE id = 1")
              .bind("now", now).execute()) == 1;
    } catch (RuntimeException e) {
      log.warn("Database health check failed: {}", e.toString());
      return false;
    }
  }

  @Override
  public void close() {
    if (readerPool != writerPool) {
      readerPool.close();
    }
    writerPool.close();
  }

  /**
   * Refuses a PostgreSQL database whose texts are not stored as UTF-8: the store packs texts with
   * their byte lengths in the database ({@code GalleryCards}, {@code NewestSupports}), which are the
   * driver's UTF-8 lengths only there (or in {@code SQL_ASCII}, which keeps the bytes it is sent).
   */
  private static void requireUtf8(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SHOW server_encoding")) {
      String encoding = rs.next() ? rs.getString(1) : "";
      if (!encoding.equalsIgnoreCase("UTF8") && !encoding.equalsIgnoreCase("SQL_ASCII")) {
        throw new IllegalStateException("the PostgreSQL database stores text as " + encoding
            + "; Clouvel needs a UTF8 database (CREATE DATABASE ... ENCODING 'UTF8' TEMPLATE template0)");
      }
    } catch (SQLException e) {
      throw Db.translate(new ConnectionException(e));
    }
  }

  private static void migrate(DataSource dataSource, Dialect dialect) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .placeholders(dialect.migrationPlaceholders())
        .load()
        .migrate();
  }

  private static DataSource sqlite(DatabaseUrl url, boolean readOnly, Duration busyTimeout) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout((int) busyTimeout.toMillis());
    config.setReadOnly(readOnly);
    if (readOnly) {
      // Readers map the file rather than copy pages into each connection's cache, and keep the
      // hot pages of the gallery's indexes (a few MB) in their own cache as well.
      config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(256L << 20));
      config.setCacheSize(-16_384);
      config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    }
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(url.jdbcUrl());
    return dataSource;
  }

  private static HikariDataSource pool(String name, DataSource dataSource, int size, Duration timeout,
      boolean readOnly, Object poolMetrics) {
    HikariConfig config = new HikariConfig();
    // Must match the SQLite connection's own flag: sqlite-jdbc refuses to change it afterwards.
    config.setReadOnly(readOnly);
    config.setPoolName(name);
    config.setDataSource(dataSource);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(timeout.toMillis());
    if (poolMetrics != null) {
      config.setMetricRegistry(poolMetrics);
    }
    return new HikariDataSource(config);
  }

  private static Jdbi jdbi(DataSource dataSource, Consumer<String> statementListener) {
    Jdbi jdbi = Jdbi.create(dataSource);
    // Jdbi's default messages list a failed statement's bound values, which include donors' emails
    // and names; logs and errors get the database's own message only.
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    if (statementListener != null) {
      jdbi.setSqlLogger(new SqlLogger() {
        @Override
        public void logBeforeExecution(StatementContext context) {
          statementListener.accept(context.getRenderedSql());
        }
      });
    }
    return jdbi;
  }

  private static void createParentDirectories(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the database directory " + parent, e);
    }
  }
}
