package ai.clouvel.store.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one real PostgreSQL (embedded binaries, no Docker) per test JVM, on first use, and hands
 * out fresh, empty databases on it. Stopped when the JVM's tests finish.
 */
public final class EmbeddedPostgresExtension {
  private static final String KEY = "clouvel-embedded-postgres";
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private EmbeddedPostgresExtension() {
  }

  /** A fresh database: its JDBC URL, user and password. */
  public record Database(String jdbcUrl, String user, String password) {
  }

  /**
   * Creates a new empty database on the shared server, starting the server if needed.
   *
   * @param context any extension context of the running test
   * @return the database
   */
  public static Database newDatabase(ExtensionContext context) {
    Server server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(KEY, k -> Server.start(), Server.class);
    String name = "clouvel_test_" + DATABASES.incrementAndGet();
    try (Connection connection = server.postgres.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return new Database(server.postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
  }

  /** The running server; JUnit closes the root store's AutoCloseable values at the end. */
  static final class Server implements AutoCloseable {
    final EmbeddedPostgres postgres;

    private Server(EmbeddedPostgres postgres) {
      this.postgres = postgres;
    }

    static Server start() {
      try {
        return new Server(EmbeddedPostgres.builder().start());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
    }

    @Override
    public void close() throws IOException {
      postgres.close();
    }
  }
}
