package ai.clouvel.store.internal;

import ai.clouvel.core.money.Money;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.core.product.GalleryRepository;
import ai.clouvel.core.product.Product;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The gallery in two statements whatever the page size: the count, and one statement that reads
 * the page of products with, beside each, its post, its commission donation, and its post's
 * support count and total (one row of {@code post_supports}, kept by the donations' writes).
 */
public final class JdbiGallery implements GalleryRepository {
  private static final String PAGE = """
      SELECT p.*, %s, %s,
        COALESCE(st.support_count, 0) AS support_count, COALESCE(st.support_cents, 0) AS support_cents
      FROM (%%s) k
      JOIN products p ON p.id = k.id
      LEFT JOIN posts po ON po.id = p.post_id
      LEFT JOIN post_supports st ON st.post_id = p.post_id
      LEFT JOIN tasks t ON t.product_id = p.id
      LEFT JOIN donations c ON c.id = t.donation_id
      ORDER BY p.created_at DESC, p.id DESC""".formatted(JdbiPosts.columns("po", "po_"),
      JdbiDonations.summaryColumns("c", "commission_"));

  /**
   * The page statement: the page's product ids from the index of published products (skipping the
   * offset reads no row), then each product with its post, commission and support totals.
   *
   * @param subreddit the subreddit, or {@code null} for all
   * @return the SQL
   */
  static String page(String subreddit) {
    return PAGE.formatted(JdbiProducts.pageIds(subreddit));
  }

  private final Db db;

  /**
   * Creates the repository.
   *
   * @param db database access
   */
  public JdbiGallery(Db db) {
    this.db = db;
  }

  @Override
  public Page<GalleryItem> page(PageRequest page, String subreddit) {
    return db.read(h -> {
      long total = JdbiProducts.bindSubreddit(h.createQuery("SELECT COUNT(*) FROM products"
          + JdbiProducts.filter(subreddit)), subreddit).mapTo(Long.class).one();
      List<GalleryItem> items = new ArrayList<>();
      Set<Long> seen = new HashSet<>();
      JdbiProducts.bindSubreddit(h.createQuery(page(subreddit)), subreddit)
          .bind("limit", page.limit()).bind("offset", page.offset())
          .scanResultSet((results, context) -> {
            ResultSet rs = results.get();
            while (rs.next()) {
              Product product = JdbiProducts.map(rs);
              // A product belongs to one task; should a second name it, the first row stands.
              if (seen.add(product.id())) {
                items.add(new GalleryItem(product, JdbiPosts.map(rs, "po_"),
                    JdbiDonations.summary(rs, "commission_"), rs.getLong("support_count"),
                    Money.ofCents(rs.getLong("support_cents"))));
              }
            }
            return null;
          });
      return Page.of(items, total, page);
    });
  }
}
