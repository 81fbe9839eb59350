package ai.clouvel.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.store.DatabaseUrl;
import ai.clouvel.store.testing.EmbeddedPostgresExtension;
import ai.clouvel.store.testing.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration that introduces {@code post_supports} fills it from the donations already stored:
 * a database at version 4 with donations of every kind migrates to totals that count exactly the
 * succeeded supports of each post. On SQLite and PostgreSQL.
 */
@ExtendWith(TestStores.Extension.class)
class SupportTotalsMigrationTest {
  @TempDir
  Path directory;

  @Test
  void sqliteBackfillsTheTotalsOfTheDonationsAlreadyStored() throws Exception {
    String url = DatabaseUrl.sqlite(directory.resolve("old.db")).jdbcUrl();
    backfills(url, null, null, Dialect.SQLITE);
  }

  @Test
  void postgresqlBackfillsTheTotalsOfTheDonationsAlreadyStored(TestStores stores) throws Exception {
    EmbeddedPostgresExtension.Database database = stores.newPostgresDatabase();
    backfills(database.jdbcUrl(), database.user(), database.password(), Dialect.POSTGRESQL);
  }

  private void backfills(String url, String user, String password, Dialect dialect) throws Exception {
    MigrationTesting.flyway(url, user, password, dialect).target("4").load().migrate();
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      insert(c, "a", "support", "succeeded", 500);
      insert(c, "a", "support", "succeeded", 250);
      insert(c, "a", "support", "refunded", 1000);
      insert(c, "a", "support", "pending", 700);
      insert(c, "a", "commission", "succeeded", 2500);
      insert(c, "b", "support", "succeeded", 100);
      insert(c, null, "support", "succeeded", 900);
      insert(c, "c", "support", "failed", 300);
    }
    MigrationTesting.flyway(url, user, password, dialect).load().migrate();
    Map<String, String> totals = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(url, user, password);
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(
             "SELECT post_id, support_count, support_cents FROM post_supports ORDER BY post_id")) {
      while (rs.next()) {
        totals.put(rs.getString(1), rs.getLong(2) + " / " + rs.getLong(3));
      }
    }
    assertThat(totals).containsExactly(Map.entry("a", "2 / 750"), Map.entry("b", "1 / 100"));
  }


  private int sequence;

  private void insert(Connection c, String postId, String type, String status, long cents) throws Exception {
    try (PreparedStatement insert = c.prepareStatement("""
        INSERT INTO donations (payment_id, source, status, amount_cents, donation_type, post_id, is_anonymous,
          message, created_at, updated_at)
        VALUES (?, 'manual', ?, ?, ?, ?, FALSE, '', 0, 0)""")) {
      insert.setString(1, "pay_" + ++sequence);
      insert.setString(2, status);
      insert.setLong(3, cents);
      insert.setString(4, type);
      insert.setString(5, postId);
      insert.executeUpdate();
    }
  }
}
