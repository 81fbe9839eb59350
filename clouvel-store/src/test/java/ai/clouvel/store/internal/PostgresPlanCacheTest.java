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
 * PostgreSQL stops planning the paged reads once it has run them a few times: the plan it keeps
 * for a page (its generic plan) is as good as the one it would make for the page's values, so it
 * uses it rather than planning each request again. With the page size bound as a parameter it did
 * not: the kept plan assumed a tenth of the table per page, lost to every plan made for the
 * values, and the gallery was planned on every request (more of its cost than the reading).
 *
 * <p>One thread, to which the pool hands the connection it used last, so that every execution, and
 * PostgreSQL's count of plans per statement ({@code pg_prepared_statements}), is of one session
 * (the migration takes a second connection). The driver prepares a statement on the
 * server from its fifth execution; the server then plans it five times for the values before it
 * compares them with the kept plan.
 */
@ExtendWith(TestStores.Extension.class)
class PostgresPlanCacheTest {
  private static final int PRODUCTS = 2_000;
  private static final int EXECUTIONS = 30;

  @Test
  void galleryAndProductPagesRunOnAKeptPlanAfterTheirFirstExecutions(TestStores stores) {
    EmbeddedPostgresExtension.Database database = stores.newPostgresDatabase();
    try (Pools pools = Pools.open(DatabaseUrl.parse(database.jdbcUrl()), database.user(), database.password(),
        2, 1, Duration.ofSeconds(5), Duration.ofSeconds(5), null)) {
      seed(pools);
      Db db = new Db(pools, Clock.systemUTC());
      JdbiGallery gallery = new JdbiGallery(db);
      JdbiProducts products = new JdbiProducts(db);
      for (int limit : List.of(20, 7)) {
        for (int i = 0; i < EXECUTIONS; i++) {
          PageRequest page = new PageRequest(limit, (i * 137) % PRODUCTS);
          assertThat(gallery.page(page, null).items()).hasSize(limit);
          assertThat(products.list(page, null).items()).hasSize(limit);
        }
      }

      List<Map<String, Object>> plans = pools.reader().withHandle(h -> h.createQuery("""
              SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements
              WHERE statement LIKE '%FROM products WHERE published ORDER BY%'""").mapToMap().list());
      assertThat(plans).isNotEmpty().allSatisfy(plan -> {
        assertThat((Long) plan.get("generic_plans")).as("%s", plan.get("statement"))
            .isGreaterThanOrEqualTo(EXECUTIONS - 15);
        assertThat((Long) plan.get("custom_plans")).as("%s", plan.get("statement")).isLessThanOrEqualTo(5);
      });
      // The gallery and the products list, each in two page sizes.
      assertThat(plans).hasSize(4);
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
