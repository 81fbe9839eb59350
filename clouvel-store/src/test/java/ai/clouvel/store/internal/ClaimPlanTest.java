package ai.clouvel.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.store.DatabaseUrl;
import ai.clouvel.store.testing.EmbeddedPostgresExtension;
import ai.clouvel.store.testing.TestStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim is index-driven on both databases: with a backlog of finished tasks far larger than
 * the due ones, the planner reads the two partial indexes, in their own order, and neither scans
 * the table nor sorts. This is what keeps a claim's cost from growing with the backlog.
 */
@ExtendWith(TestStores.Extension.class)
class ClaimPlanTest {
  private static final int FINISHED = 20_000;
  private static final int PENDING = 5_000;
  private static final int RUNNING = 20;

  @TempDir
  Path directory;

  @Test
  void sqliteClaimsFromTheTwoPartialIndexesWithoutSortingOrScanning() {
    try (Pools pools = Pools.open(DatabaseUrl.sqlite(directory.resolve("plan.db")), null, null, 2, 1,
        Duration.ofSeconds(5), Duration.ofSeconds(5), null)) {
      String plan = pools.writer().withHandle(h -> {
        seed(h);
        return String.join("\n", h.createQuery("EXPLAIN QUERY PLAN " + JdbiTaskQueue.claimSql(Dialect.SQLITE))
            .bind("worker", "w").bind("leaseUntil", 2L).bind("now", 1_000L).define("max", ":max").bind("max", 16)
            .map((rs, ctx) -> rs.getString("detail")).list());
      });
      System.out.println("SQLite claim plan:\n" + plan);
      assertThat(plan)
          .contains("USING COVERING INDEX tasks_running_leases")
          .contains("USING COVERING INDEX tasks_pending_due")
          .doesNotContain("TEMP B-TREE")
          .doesNotContainPattern("SCAN tasks(?! USING)");
    }
  }

  @Test
  void postgresqlClaimsFromTheTwoPartialIndexesWithoutSortingOrScanning(TestStores stores) {
    EmbeddedPostgresExtension.Database database = stores.newPostgresDatabase();
    try (Pools pools = Pools.open(DatabaseUrl.parse(database.jdbcUrl()), database.user(), database.password(),
        2, 1, Duration.ofSeconds(5), Duration.ofSeconds(5), null)) {
      // No ANALYZE: a queue that was just filled has statistics that lag behind it.
      String plan = pools.writer().withHandle(h -> {
        seed(h);
        return h.inTransaction(tx -> {
          tx.createQuery(JdbiTaskQueue.PLAN_BY_INDEX).mapTo(String.class).list();
          return String.join("\n", tx.createQuery("EXPLAIN " + JdbiTaskQueue.claimSql(Dialect.POSTGRESQL))
              .bind("worker", "w").bind("leaseUntil", 2L).bind("now", 1_000L).define("max", 16)
              .mapTo(String.class).list());
        });
      });
      System.out.println("PostgreSQL claim plan:\n" + plan);
      assertThat(plan)
          .contains("tasks_running_leases")
          .contains("tasks_pending_due")
          .doesNotContain("Sort")
          .doesNotContain("Seq Scan on tasks");
    }
  }

  /**
   * PostgreSQL plans the claim once per connection, not at every claim: the batch size is in the
   * statement's text, so the plan it keeps (the generic plan, built in the claim's transaction with
   * {@link JdbiTaskQueue#PLAN_BY_INDEX}) is as good as one made for the values, and that kept plan
   * reads the two partial indexes as the one above does. With the size bound, every claim was
   * planned again (26 plans made for values in 30 claims, none kept).
   */
  @Test
  void postgresqlClaimsOnAKeptPlanThatReadsThePartialIndexes(TestStores stores) {
    EmbeddedPostgresExtension.Database database = stores.newPostgresDatabase();
    try (Pools pools = Pools.open(DatabaseUrl.parse(database.jdbcUrl()), database.user(), database.password(),
        2, 1, Duration.ofSeconds(5), Duration.ofSeconds(5), null)) {
      pools.writer().useHandle(h -> {
        seed(h);
        h.execute("ANALYZE tasks");
      });
      // One thread, to which the pool hands back the connection it used last: one session.
      JdbiTaskQueue queue = new JdbiTaskQueue(new Db(pools, Clock.systemUTC()));
      int claims = 30;
      for (int i = 0; i < claims; i++) {
        assertThat(queue.claim("w1", Duration.ofMinutes(5), 1)).hasSize(1);
      }
      Map<String, Object> claim = pools.writer().withHandle(h -> h.createQuery("""
              SELECT name, generic_plans, custom_plans, array_to_string(parameter_types, ',') AS types
              FROM pg_prepared_statements
              WHERE statement LIKE 'WITH expired AS%'""").mapToMap().one());
      assertThat((Long) claim.get("custom_plans")).as("plans made for values").isLessThanOrEqualTo(5);
      assertThat((Long) claim.get("generic_plans")).as("claims on the kept plan").isGreaterThanOrEqualTo(claims - 10);
      // The kept plan itself, as the next claim on this connection would run it.
      String values = Arrays.stream(((String) claim.get("types")).split(","))
          .map(type -> type.equals("bigint") ? "1000" : "'w1'").collect(Collectors.joining(", "));
      String generic = pools.writer().withHandle(h -> String.join("\n", h.createQuery(
          "EXPLAIN EXECUTE \"" + claim.get("name") + "\"(" + values + ")").mapTo(String.class).list()));
      assertThat(generic)
          .contains("tasks_running_leases")
          .contains("tasks_pending_due")
          .doesNotContain("Sort")
          .doesNotContain("Seq Scan on tasks");
    }
  }

  /** A large backlog: many finished tasks, many due, a few running. */
  private static void seed(Handle h) {
    PreparedBatch batch = h.prepareBatch("""
        INSERT INTO tasks (id, status, commission_type, image_quality, message, attempts, max_attempts,
          next_run_at, lease_owner, lease_expires_at, stage, percent, progress_message, created_at, updated_at)
        VALUES (:id, :status, 'random_random', 'standard', '', 1, 3, :runAt, :owner, :lease, 'queued', 0, '',
          :runAt, :runAt)""");
    for (int i = 0; i < FINISHED + PENDING + RUNNING; i++) {
      String status = i < FINISHED ? "completed" : i < FINISHED + PENDING ? "pending" : "in_progress";
      batch.bind("id", "t" + i).bind("status", status).bind("runAt", (long) i % 900)
          .bind("owner", status.equals("in_progress") ? "w0" : null)
          .bind("lease", status.equals("in_progress") ? Long.valueOf(900 + i % 200) : null).add();
    }
    batch.execute();
    assertThat(h.createQuery("SELECT COUNT(*) FROM tasks").mapTo(Long.class).one()).isEqualTo((long) FINISHED + PENDING + RUNNING);
  }
}
