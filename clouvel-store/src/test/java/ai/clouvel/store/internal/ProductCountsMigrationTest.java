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
 * The migration that introduces {@code product_counts} counts the products already stored: a
 * database at version 9 with published products in subreddits of mixed case, and drafts, migrates
 * to counts of exactly the published ones, per lower-case subreddit (under {@code r/}) and in all. On SQLite and
 * PostgreSQL.
 */
@ExtendWith(TestStores.Extension.class)
class ProductCountsMigrationTest {
  @TempDir
  Path directory;

  @Test
  void sqliteCountsThePublishedProductsAlreadyStored() throws Exception {
    countsOnMigration(DatabaseUrl.sqlite(directory.resolve("old.db")).jdbcUrl(), null, null, Dialect.SQLITE);
  }

  @Test
  void postgresqlCountsThePublishedProductsAlreadyStored(TestStores stores) throws Exception {
    EmbeddedPostgresExtension.Database database = stores.newPostgresDatabase();
    countsOnMigration(database.jdbcUrl(), database.user(), database.password(), Dialect.POSTGRESQL);
  }

  private void countsOnMigration(String url, String user, String password, Dialect dialect) throws Exception {
    MigrationTesting.flyway(url, user, password, dialect).target("9").load().migrate();
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO posts (id, subreddit, title, body, author, permalink, score, comment_count,"
            + " created_at, nsfw, stickied, locked, removed, fetched_at)"
            + " VALUES ('p1', 'Hiking', 't', '', 'a', '/r/x', 1, 0, 0, FALSE, FALSE, FALSE, FALSE, 0)");
      }
      insert(c, 1, "Hiking", true);
      insert(c, 2, "hiking", true);
      insert(c, 3, "HIKING", false);
      insert(c, 4, "space", true);
      insert(c, 5, "cats", false);
    }
    MigrationTesting.flyway(url, user, password, dialect).load().migrate();
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(url, user, password);
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT subreddit, published FROM product_counts ORDER BY subreddit")) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    }
    assertThat(counts).containsExactly(Map.entry("", 3L), Map.entry("r/hiking", 2L), Map.entry("r/space", 1L));
  }


  private static void insert(Connection c, long id, String subreddit, boolean published) throws Exception {
    try (PreparedStatement insert = c.prepareStatement("""
        INSERT INTO products (id, post_id, subreddit, post_title, theme, image_title, image_description, image_id,
          image_url, product_url, affiliate_url, template_id, prompt_version, idea_model, image_model,
          image_quality, created_at, run_id, published)
        VALUES (?, 'p1', ?, 't', 't', 't', 'd', 'i', '/images/i.png', '/p/1', '/p/1', 't', 'v', 'm', 'm',
          'standard', 0, ?, ?)""")) {
      insert.setLong(1, id);
      insert.setString(2, subreddit);
      insert.setString(3, "run-" + id);
      insert.setBoolean(4, published);
      insert.executeUpdate();
    }
  }
}
