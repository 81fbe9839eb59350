package ai.clouvel.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.store.testing.EmbeddedPostgresExtension;
import ai.clouvel.store.testing.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * V6 turns the absolute links of our own host, saved before links became paths, into paths, on
 * both databases, and leaves other hosts' links alone.
 */
@ExtendWith(TestStores.Extension.class)
class LinksAsPathsMigrationTest {
  @TempDir
  Path directory;

  @Test
  void sqliteLinksOfOurOwnHostBecomePaths() throws SQLException {
    String url = "jdbc:sqlite:" + directory.resolve("old.db");
    migrateAndCheck(url, null, null, Dialect.SQLITE);
  }

  @Test
  void postgresqlLinksOfOurOwnHostBecomePaths(TestStores stores) throws SQLException {
    EmbeddedPostgresExtension.Database database = stores.newPostgresDatabase();
    migrateAndCheck(database.jdbcUrl(), database.user(), database.password(), Dialect.POSTGRESQL);
  }

  private static void migrateAndCheck(String url, String user, String password, Dialect dialect) throws SQLException {
    MigrationTesting.flyway(url, user, password, dialect).target("5").load().migrate();
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      c.createStatement().executeUpdate("INSERT INTO posts (id, subreddit, title, body, author, permalink, score,"
          + " comment_count, created_at, nsfw, stickied, locked, removed, fetched_at) VALUES ('p1', 'cats', 'A cat',"
          + " '', 'u', 'https://www.reddit.com/r/cats/comments/p1/', 1, 1, 1, false, false, false, false, 1)");
      PreparedStatement image = c.prepareStatement(
          "INSERT INTO images (id, content_type, bytes, size_bytes, created_at) VALUES (?, 'image/png', ?, 1, 1)");
      for (String id : List.of("aa11", "bb22")) {
        image.setString(1, id);
        image.setBytes(2, new byte[] {1});
        image.executeUpdate();
      }
      // 1: made by the CLI on the default port; 2: by a server on another port; 3: Imgur and Zazzle.
      insertProduct(c, 1, "aa11", "http://localhost:8000/images/aa11.png", "http://localhost:8000/p/1",
          "http://localhost:8000/p/1?ref=clouvel");
      insertProduct(c, 2, "bb22", "https://clouvel.example:8443/images/bb22.png", "https://clouvel.example:8443/p/2",
          "https://clouvel.example:8443/p/2?ref=clouvel");
      insertProduct(c, 3, "Xy9z", "https://i.imgur.com/Xy9z.png",
          "https://www.zazzle.com/api/create/at-1?pd=2&t_image1_url=https%3A%2F%2Fi.imgur.com%2FXy9z.png",
          "https://www.zazzle.com/api/create/at-1?pd=2&t_image1_url=https%3A%2F%2Fi.imgur.com%2FXy9z.png&rf=1");
    }
    MigrationTesting.flyway(url, user, password, dialect).load().migrate();
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      Map<Long, List<String>> links = new LinkedHashMap<>();
      try (ResultSet rs = c.createStatement().executeQuery(
          "SELECT id, image_url, product_url, affiliate_url FROM products ORDER BY id")) {
        while (rs.next()) {
          links.put(rs.getLong(1), List.of(rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
      assertThat(links.get(1L)).containsExactly("/images/aa11.png", "/p/1", "/p/1?ref=clouvel");
      assertThat(links.get(2L)).containsExactly("/images/bb22.png", "/p/2", "/p/2?ref=clouvel");
      assertThat(links.get(3L)).containsExactly("https://i.imgur.com/Xy9z.png",
          "https://www.zazzle.com/api/create/at-1?pd=2&t_image1_url=https%3A%2F%2Fi.imgur.com%2FXy9z.png",
          "https://www.zazzle.com/api/create/at-1?pd=2&t_image1_url=https%3A%2F%2Fi.imgur.com%2FXy9z.png&rf=1");
    }
  }


  private static void insertProduct(Connection c, long id, String imageId, String imageUrl, String productUrl,
      String affiliateUrl) throws SQLException {
    PreparedStatement insert = c.prepareStatement("INSERT INTO products (id, post_id, subreddit, post_title, theme,"
        + " image_title, image_description, image_id, image_url, product_url, affiliate_url, template_id,"
        + " prompt_version, idea_model, image_model, image_quality, created_at) VALUES"
        + " (?, 'p1', 'cats', 'A cat', 't', 'T', 'd', ?, ?, ?, ?, 'x', 'v1', 'm', 'm', 'standard', 1)");
    insert.setLong(1, id);
    insert.setString(2, imageId);
    insert.setString(3, imageUrl);
    insert.setString(4, productUrl);
    insert.setString(5, affiliateUrl);
    insert.executeUpdate();
  }
}
