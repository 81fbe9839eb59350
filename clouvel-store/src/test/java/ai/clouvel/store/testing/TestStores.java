package ai.clouvel.store.testing;

import ai.clouvel.store.SqlStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Opens real stores for tests: a SQLite file, or a fresh database on embedded PostgreSQL. Register
 * with {@code @ExtendWith(TestStores.Extension.class)} and take a {@code TestStores} parameter.
 */
public final class TestStores {
  private final ExtensionContext context;
  private EmbeddedPostgresExtension.Database lastPostgres;

  private TestStores(ExtensionContext context) {
    this.context = context;
  }

  /** Which database a test runs against. */
  public enum Kind { SQLITE, POSTGRESQL }

  /**
   * Opens a fresh, migrated store.
   *
   * @param kind the database
   * @param directory a temporary directory for SQLite files
   * @param clock the store's clock
   * @param statements told every statement, or {@code null}
   * @return the store
   */
  public SqlStore open(Kind kind, Path directory, Clock clock, Consumer<String> statements) {
    SqlStore.Builder builder = SqlStore.builder().clock(clock);
    if (statements != null) {
      builder.onStatement(statements);
    }
    if (kind == Kind.SQLITE) {
      return builder.databaseUrl("sqlite:" + directory.resolve("clouvel-test.db")).build();
    }
    EmbeddedPostgresExtension.Database database = EmbeddedPostgresExtension.newDatabase(context);
    lastPostgres = database;
    return builder.databaseUrl(database.jdbcUrl()).credentials(database.user(), database.password())
        .maximumPoolSize(12).build();
  }

  /**
   * Connects to the database of the store last opened here, for tests that write what the store
   * would not (as another program sharing the database could).
   *
   * @param kind the database the store was opened on
   * @param directory the directory it was opened with
   * @return a new connection; the caller closes it
   * @throws SQLException if the database refuses
   */
  public Connection connect(Kind kind, Path directory) throws SQLException {
    if (kind == Kind.SQLITE) {
      return DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("clouvel-test.db"));
    }
    return DriverManager.getConnection(lastPostgres.jdbcUrl(), lastPostgres.user(), lastPostgres.password());
  }

  /**
   * Creates a fresh, empty database on the embedded PostgreSQL, for tests below the store.
   *
   * @return the database
   */
  public EmbeddedPostgresExtension.Database newPostgresDatabase() {
    return EmbeddedPostgresExtension.newDatabase(context);
  }

  /** Resolves {@link TestStores} parameters. */
  public static final class Extension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == TestStores.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return new TestStores(context);
    }
  }
}
