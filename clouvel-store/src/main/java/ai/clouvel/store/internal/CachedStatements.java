package ai.clouvel.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps SQLite's compiled statements for the read-only connections: sqlite-jdbc compiles every
 * statement it is given, and compiling the gallery's or bulk donations' statement costs about as
 * much as running it. Each physical connection keeps its most recent {@value #PER_CONNECTION}
 * statements by SQL text; a statement is used by one thread at a time, like its connection, and
 * only after Jdbi has closed its previous result set. The statements are prepared on the physical
 * connection (HikariCP would close the ones prepared through its proxy when the connection goes
 * back to the pool) and closed with it, or when they fall out of the cache.
 */
final class CachedStatements implements StatementBuilderFactory {
  static final int PER_CONNECTION = 64;

  private final Map<Connection, Map<String, PreparedStatement>> byConnection =
      Collections.synchronizedMap(new WeakHashMap<>());

  @Override
  public StatementBuilder createStatementBuilder(Connection connection) {
    return new Builder();
  }

  /** One per handle, so one thread at a time. */
  private final class Builder extends DefaultStatementBuilder {
    /** The SQL each statement was prepared from: Jdbi closes it naming the statement's template instead. */
    private final Map<Statement, String> prepared = new IdentityHashMap<>();

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
      if (context.isReturningGeneratedKeys() || context.isConcurrentUpdatable()) {
        return super.create(connection, sql, context);
      }
      Connection physical = connection.unwrap(Connection.class);
      Map<String, PreparedStatement> cache = byConnection.computeIfAbsent(physical, c -> lru());
      PreparedStatement statement;
      synchronized (cache) {
        statement = cache.remove(sql);
      }
      if (statement == null || statement.isClosed()) {
        statement = physical.prepareStatement(sql);
      } else {
        statement.clearParameters();
      }
      prepared.put(statement, sql);
      return statement;
    }

    @Override
    public void close(Connection connection, String template, Statement statement) throws SQLException {
      String sql = prepared.remove(statement);
      if (sql == null || !(statement instanceof PreparedStatement reusable) || statement.isClosed()) {
        super.close(connection, template, statement);
        return;
      }
      Map<String, PreparedStatement> cache = byConnection.get(connection.unwrap(Connection.class));
      if (cache == null) {
        statement.close();
        return;
      }
      PreparedStatement previous;
      synchronized (cache) {
        previous = cache.put(sql, reusable);
      }
      if (previous != null && previous != reusable) {
        previous.close();
      }
    }
  }

  private static Map<String, PreparedStatement> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
        if (size() <= PER_CONNECTION) {
          return false;
        }
        try {
          eldest.getValue().close();
        } catch (SQLException e) {
          // Closing a statement of a connection that is going away: nothing to keep.
        }
        return true;
      }
    };
  }
}
