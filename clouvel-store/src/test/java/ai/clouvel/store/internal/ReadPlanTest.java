package ai.clouvel.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gallery and bulk donations read by index from the page's products outwards on SQLite, even
 * with no statistics (SQLite never gathers them by itself): no statement scans donations, tasks or
 * posts, so their cost follows the page, not the tables.
 */
class ReadPlanTest {
  @TempDir
  Path directory;

  private SqlitePlans plans;

  @BeforeEach
  void open() {
    plans = new SqlitePlans(directory);
  }

  @AfterEach
  void close() {
    plans.close();
  }

  @Test
  void bulkDonationsOfTheKeptSupportsReadOneRowOfEachProductAndPost() {
    String plan = plans.of(h -> h.createQuery("EXPLAIN QUERY PLAN " + BulkDonations.KEPT)
        .bindList("ids", List.of(1L, 2L, 3L)));
    assertThat(plan)
        .contains("SEARCH p USING INDEX sqlite_autoindex_products_1 (id=?)")
        .contains("SEARCH st USING INDEX sqlite_autoindex_post_supports_1 (post_id=?)")
        .doesNotContain("donations")
        .doesNotContain("tasks")
        .doesNotContainPattern("SCAN (st|p)\\b");
  }

  @Test
  void aPostsNewestSupportsArePackedFromTheirIndexAlone() {
    String plan = plans.of(h -> h.createQuery("EXPLAIN QUERY PLAN UPDATE post_supports SET newest = "
        + NewestSupports.LIST + " WHERE post_id = :post").bind("post", "p1"));
    assertThat(plan)
        .contains("SEARCH s USING COVERING INDEX donations_support_newest (post_id=?)")
        .doesNotContain("donations_status_newest")
        .doesNotContainPattern("SCAN (s|donations)\\b");
  }

  @Test
  void aCardIsPackedByProbingItsProductPostAndCommission() {
    for (String products : List.of("p.id = :id", "p.post_id = :id",
        "p.id IN (SELECT t.product_id FROM tasks t WHERE t.donation_id = :id)")) {
      String plan = plans.of(h -> h.createQuery("EXPLAIN QUERY PLAN UPDATE products SET card = " + GalleryCards.CARD
          + " WHERE id IN (SELECT p.id FROM products p WHERE " + products + ")").bind("id", 1));
      assertThat(plan).as(products)
          .contains("SEARCH po USING INDEX sqlite_autoindex_posts_1 (id=?)")
          .contains("SEARCH t USING INDEX tasks_by_product (product_id=?)")
          .contains("SEARCH c USING INTEGER PRIMARY KEY (rowid=?)")
          .doesNotContainPattern("SCAN (p|po|t|d|c|products|donations|tasks)\\b");
    }
  }

  @Test
  void bulkDonationsProbeTheIndexesOfEachProduct() {
    String plan = plans.of(h -> h.createQuery("EXPLAIN QUERY PLAN " + BulkDonations.SQLITE)
        .bindList("ids", List.of(1L, 2L, 3L)).bind("supports", 10));
    assertThat(plan)
        .contains("SEARCH p USING INDEX sqlite_autoindex_products_1 (id=?)")
        .contains("SEARCH t USING INDEX tasks_by_product (product_id=?)")
        .contains("SEARCH st USING INDEX sqlite_autoindex_post_supports_1 (post_id=?)")
        .contains("SEARCH d USING INTEGER PRIMARY KEY (rowid=?)")
        // Each post's newest supports: the n-th newest one's time, then the range from it, both
        // from the index alone (no row of donations is read for a support).
        .contains("SEARCH d USING COVERING INDEX donations_support_newest (post_id=? AND created_at>?)")
        .contains("CORRELATED SCALAR SUBQUERY")
        .contains("SEARCH s USING COVERING INDEX donations_support_newest (post_id=?)")
        .doesNotContain("donations_by_status")
        .doesNotContain("TEMP B-TREE")
        .doesNotContainPattern("SCAN (d|t|p|s|st)\\b");
  }

  @Test
  void theGalleryPageReadsItsProductsInOrderAndProbesTheRest() {
    String plan = plans.of(h -> h.createQuery("EXPLAIN QUERY PLAN " + JdbiGallery.page(null))
        .define("limit", ":limit").bind("limit", 20).define("offset", ":offset").bind("offset", 0));
    assertThat(plan)
        // The page's ids, offset included, from the index of published products alone.
        .contains("SCAN products USING COVERING INDEX products_published_newest")
        // Then per product its row (the card) and its post's support totals: no post, task or
        // donation is read, the card carries them.
        .contains("SEARCH p USING INDEX sqlite_autoindex_products_1 (id=?)")
        .contains("SEARCH st USING INDEX sqlite_autoindex_post_supports_1 (post_id=?)")
        .doesNotContain("posts")
        .doesNotContain("tasks")
        .doesNotContain("donations")
        // The total from one row of the counts, not a count of the index.
        .contains("SEARCH product_counts USING INDEX sqlite_autoindex_product_counts_1 (subreddit=?)")
        .doesNotContainPattern("SCAN (st|p)\\b")
        // The ids come in order from the index: the joined rows are not sorted again.
        .doesNotContain("TEMP B-TREE");
    String bySubreddit = plans.of(h -> h.createQuery("EXPLAIN QUERY PLAN " + JdbiGallery.page("hiking"))
        .bind("subreddit", "hiking").define("limit", ":limit").bind("limit", 20).define("offset", ":offset").bind("offset", 0));
    assertThat(bySubreddit).contains("SEARCH products USING COVERING INDEX products_published_by_subreddit (<expr>=?)");
  }

  @Test
  void theGalleryCountsPublishedProductsFromOneRowOfTheirCounts() {
    assertThat(plans.of(h -> h.createQuery("EXPLAIN QUERY PLAN SELECT " + JdbiProducts.total(null))))
        .contains("SEARCH product_counts USING INDEX sqlite_autoindex_product_counts_1 (subreddit=?)")
        .doesNotContain("SCAN product_counts");
    assertThat(plans.of(h -> h.createQuery("EXPLAIN QUERY PLAN SELECT " + JdbiProducts.total("hiking"))
        .bind("subreddit", "hiking")))
        .contains("SEARCH product_counts USING INDEX sqlite_autoindex_product_counts_1 (subreddit=?)")
        .doesNotContain("SCAN product_counts");
  }

}
