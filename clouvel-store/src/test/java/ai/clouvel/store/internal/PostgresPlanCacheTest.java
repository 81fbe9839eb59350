package ai.clouvel.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.store.DatabaseUrl;
import ai.clouvel.store.testing.EmbeddedPostgresExtension;
import ai.clouvel.store.testing.TestStores;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL plans a page of the gallery or of the products once per connection: the store's pool
 * has the driver prepare every statement on the server at its first execution (the driver's default
 * is the fifth, and it sends the first four unnamed, each planned), and the page's numbers are in
 * its text, so the plan PostgreSQL keeps is the plan for them. With the numbers bound it went on
 * planning: the kept plan guessed a tenth of the rows for the limit and for the offset, lost to the
 * plans made for the values (by far on the front page), and the gallery was planned on every
 * request, which cost more than reading it.
 *
 * <p>How this failed before each: with the numbers bound, 26 plans made for the values and none
 * kept; with the driver's default threshold, 26 executions of 30 on the kept plan.
 */
@ExtendWith(TestStores.Extension.class)
class PostgresPlanCacheTest {
  private static final int PRODUCTS = 2_000;
  private static final int EXECUTIONS = 30;

  @Test
  void galleryAndProductPagesRunOnAKeptPlanFromTheirFirstExecution(TestStores stores) {
    EmbeddedPostgresExtension.Database database = stores.newPostgresDatabase();
    try (Pools pools = Pools.open(DatabaseUrl.parse(database.jdbcUrl()), database.user(), database.password(),
        2, 1, Duration.ofSeconds(5), Duration.ofSeconds(5), null)) {
      seed(pools);
      // One thread, to which the pool hands back the connection it used last: one session for every
      // execution and for the count. (Not one transaction: there the gallery's statements stay open
      // until the transaction ends, and the driver prepares a new one each time.)
      Db db = new Db(pools, Clock.systemUTC());
      JdbiGallery gallery = new JdbiGallery(db);
      JdbiProducts products = new JdbiProducts(db);
      // The front page (where most visitors are), the next, and one deep in the catalogue.
      List<PageRequest> pages = List.of(new PageRequest(7, 0), new PageRequest(20, 20), new PageRequest(20, 1_500));
      for (int i = 0; i < EXECUTIONS; i++) {
        for (PageRequest page : pages) {
          assertThat(gallery.page(page, null).items()).hasSize(page.limit());
          assertThat(products.list(page, null).items()).hasSize(page.limit());
        }
      }
      List<Map<String, Object>> plans = pools.reader().withHandle(h -> h.createQuery("""
              SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements
              WHERE statement LIKE '%FROM products WHERE published ORDER BY%'
              AND statement NOT LIKE '%pg_prepared_statements%'""").mapToMap().list());
      assertThat(plans).isNotEmpty().allSatisfy(plan -> {
        // Prepared at its first execution, then never planned for values again.
        assertThat((Long) plan.get("generic_plans")).as("%s", plan.get("statement"))
            .isEqualTo(EXECUTIONS);
        assertThat((Long) plan.get("custom_plans")).as("%s", plan.get("statement")).isZero();
      });
      // The gallery and the products list, each on three pages.
      assertThat(plans).hasSize(2 * pages.size());
    }
  }

  /**
   * A {@code prepareThreshold} in the database's URL wins over the pool's: behind a pooler that
   * cannot keep prepared statements (PgBouncer in transaction mode before 1.21, or with
   * {@code max_prepared_statements = 0}) {@code 0} must leave every statement unprepared. Had the
   * pool's threshold won, the gallery's statement would be prepared, and the count's own statement
   * with it (21 when the URL's key was misspelt).
   */
  @Test
  void aPrepareThresholdInTheUrlWins(TestStores stores) {
    EmbeddedPostgresExtension.Database database = stores.newPostgresDatabase();
    String url = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "prepareThreshold=0";
    try (Pools pools = Pools.open(DatabaseUrl.parse(url), database.user(), database.password(),
        2, 1, Duration.ofSeconds(5), Duration.ofSeconds(5), null)) {
      seed(pools);
      JdbiGallery gallery = new JdbiGallery(new Db(pools, Clock.systemUTC()));
      for (int i = 0; i < EXECUTIONS; i++) {
        assertThat(gallery.page(new PageRequest(20, 0), null).items()).hasSize(20);
      }
      long prepared = pools.reader().withHandle(h -> h.createQuery("SELECT count(*) FROM pg_prepared_statements")
          .mapTo(Long.class).one());
      assertThat(prepared).isZero();
    }
  }

  /**
   * Posts, their products with cards of a gallery's size, and their support totals, then analysed as
   * autovacuum would.
   */
  private static void seed(Pools pools) {
    pools.writer().useHandle(h -> {
      h.execute("""
          INSERT INTO posts (id, subreddit, title, body, author, permalink, score, comment_count, created_at,
            nsfw, stickied, locked, removed, fetched_at)
          SELECT 'p' || i, 'hiking', 'Post ' || i, 'body', 'author', '/r/hiking/p' || i, i, 0, i, FALSE, FALSE,
            FALSE, FALSE, i
          FROM generate_series(1, ?) i""", PRODUCTS);
      h.execute("""
          INSERT INTO products (id, post_id, subreddit, post_title, theme, image_title, image_description,
            image_id, image_url, product_url, affiliate_url, template_id, prompt_version, idea_model, image_model,
            image_quality, created_at)
          SELECT i, 'p' || i, 'hiking', 'Post ' || i, 'theme', 'title', repeat('A long description. ', 20), 'img' || i,
            '/images/img' || i || '.png', '/p/' || i, '/a/' || i, 't', 'v1', 'model', 'model', 'standard', i
          FROM generate_series(1, ?) i""", PRODUCTS);
      h.execute("UPDATE products SET card = " + GalleryCards.CARD);
      h.execute("INSERT INTO post_supports (post_id, support_count, support_cents) SELECT id, 1, 500 FROM posts");
      h.execute("ANALYZE");
    });
  }
}
