package ai.clouvel.store.internal;

import ai.clouvel.store.DatabaseUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * A migrated SQLite file with no data and so no statistics, whose query plans tests read: SQLite
 * never gathers statistics by itself, so these are the plans a live database runs too.
 */
final class SqlitePlans implements AutoCloseable {
  private final Pools pools;

  SqlitePlans(Path directory) {
    pools = Pools.open(DatabaseUrl.sqlite(directory.resolve("plan.db")), null, null, 2, 1, Duration.ofSeconds(5),
        Duration.ofSeconds(5), null);
  }

  /** The plan's lines (their {@code detail}) of an {@code EXPLAIN QUERY PLAN} query. */
  String of(Function<Handle, Query> query) {
    return pools.reader().withHandle(h -> String.join("\n",
        query.apply(h).map((rs, ctx) -> rs.getString("detail")).list()));
  }

  @Override
  public void close() {
    pools.close();
  }
}
