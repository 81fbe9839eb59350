package ai.clouvel.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationSummary;
import ai.clouvel.core.donation.ProductDonations;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.store.DatabaseUrl;
import ai.clouvel.store.SqlStore;
import ai.clouvel.store.testing.EmbeddedPostgresExtension;
import ai.clouvel.store.testing.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations that introduce the gallery's cards (V11) and the posts' newest supports (V12) fill
 * them for what is already stored: a database at version 10 with a product, its post, its
 * commission's task and a dozen supports migrates to a card and a list that the store reads as it
 * would have read the rows. On SQLite and PostgreSQL.
 */
@ExtendWith(TestStores.Extension.class)
class ReadModelsMigrationTest {
  @TempDir
  Path directory;

  @Test
  void sqliteFillsTheCardsAndListsOfWhatIsStored() throws Exception {
    Path file = directory.resolve("old.db");
    String url = DatabaseUrl.sqlite(file).jdbcUrl();
    fillsOnMigration(url, null, null, Dialect.SQLITE, SqlStore.builder().databaseUrl("sqlite:" + file));
  }

  @Test
  void postgresqlFillsTheCardsAndListsOfWhatIsStored(TestStores stores) throws Exception {
    EmbeddedPostgresExtension.Database database = stores.newPostgresDatabase();
    fillsOnMigration(database.jdbcUrl(), database.user(), database.password(), Dialect.POSTGRESQL,
        SqlStore.builder().databaseUrl(database.jdbcUrl()).credentials(database.user(), database.password()));
  }

  private void fillsOnMigration(String url, String user, String password, Dialect dialect, SqlStore.Builder store)
      throws Exception {
    MigrationTesting.flyway(url, user, password, dialect).target("10").load().migrate();
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO posts (id, subreddit, title, body, author, permalink, score, comment_count,"
          + " created_at, nsfw, stickied, locked, removed, fetched_at)"
          + " VALUES ('p1', 'hiking', 'Trails, peaks; café', 'body', 'a', '/r/hiking/p1', -3, 4, 5, TRUE, FALSE,"
          + " FALSE, FALSE, 0)");
      s.executeUpdate("""
          INSERT INTO products (id, post_id, subreddit, post_title, theme, image_title, image_description, image_id,
            image_url, product_url, affiliate_url, template_id, prompt_version, idea_model, image_model,
            image_quality, created_at, published)
          VALUES (1, 'p1', 'hiking', 'Trails', 'Peaks', 'Peak', 'A peak', 'i1', '/images/i1.png', '/p/1', '/p/1',
            't', 'v1', 'm', 'm', 'standard', 10, TRUE)""");
      s.executeUpdate("INSERT INTO product_counts (subreddit, published) VALUES ('', 1), ('r/hiking', 1)"
          + " ON CONFLICT (subreddit) DO UPDATE SET published = excluded.published");
      long commission = donation(c, "cs_1", "commission", 2500, "Bea", 1);
      s.executeUpdate("""
          INSERT INTO tasks (id, status, donation_id, commission_type, image_quality, message, attempts,
            max_attempts, next_run_at, stage, percent, progress_message, product_id, created_at, updated_at)
          VALUES ('t1', 'completed', %d, 'random_random', 'standard', '', 1, 3, 0, 'commission_complete', 100, '',
            1, 0, 0)""".formatted(commission));
      long cents = 0;
      for (int i = 0; i < 12; i++) {
        donation(c, "pi_" + i, "support", 100 + i, i % 2 == 0 ? "Dana" : null, 20 + i);
        cents += 100 + i;
      }
      s.executeUpdate("INSERT INTO post_supports (post_id, support_count, support_cents) VALUES ('p1', 12, "
          + cents + ")");
    }

    MigrationTesting.flyway(url, user, password, dialect).load().migrate();

    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM products WHERE card IS NULL),"
            + " (SELECT COUNT(*) FROM post_supports WHERE newest IS NULL)")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).as("products without a card").isZero();
      assertThat(rs.getLong(2)).as("posts without their newest supports").isZero();
    }
    List<String> statements = new CopyOnWriteArrayList<>();
    try (SqlStore opened = store.onStatement(statements::add).build()) {
      statements.clear();
      GalleryItem item = opened.gallery().page(PageRequest.first(10), null).items().get(0);
      assertThat(statements).as("a page read from the cards the migration packed").hasSize(1);
      assertThat(item.post().title()).isEqualTo("Trails, peaks; café");
      assertThat(item.post().score()).isEqualTo(-3);
      assertThat(item.post().nsfw()).isTrue();
      assertThat(item.commission().donorName()).isEqualTo("Bea");
      assertThat(item.commission().status()).isEqualTo(DonationStatus.SUCCEEDED);
      assertThat(item.supportCount()).isEqualTo(12);
      statements.clear();
      ProductDonations kept = opened.donations().forProducts(List.of(1L), 10).get(1L);
      assertThat(statements).as("bulk donations read from the lists the migration packed").hasSize(1);
      ProductDonations rows = opened.donations().forProducts(List.of(1L), 100).get(1L);
      assertThat(kept.supports()).extracting(DonationSummary::amount)
          .extracting(m -> m.cents()).containsExactly(111L, 110L, 109L, 108L, 107L, 106L, 105L, 104L, 103L, 102L);
      assertThat(kept.supports()).isEqualTo(rows.supports().subList(0, 10));
      assertThat(kept.commission()).isEqualTo(rows.commission());
    }
  }

  private static long donation(Connection c, String paymentId, String type, long cents, String name, long createdAt)
      throws Exception {
    try (PreparedStatement insert = c.prepareStatement("""
        INSERT INTO donations (payment_id, source, status, amount_cents, donation_type, commission_type, subreddit,
          post_id, customer_name, is_anonymous, message, created_at, updated_at)
        VALUES (?, 'manual', 'succeeded', ?, ?, ?, 'hiking', 'p1', ?, FALSE, 'hi', ?, 0)""")) {
      insert.setString(1, paymentId);
      insert.setLong(2, cents);
      insert.setString(3, type);
      insert.setString(4, type.equals("commission") ? "random_subreddit" : null);
      insert.setString(5, name);
      insert.setLong(6, createdAt);
      insert.executeUpdate();
    }
    try (PreparedStatement id = c.prepareStatement("SELECT id FROM donations WHERE payment_id = ?")) {
      id.setString(1, paymentId);
      try (ResultSet rs = id.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
