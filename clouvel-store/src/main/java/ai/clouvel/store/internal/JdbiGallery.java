package ai.clouvel.store.internal;

import ai.clouvel.core.money.Money;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.core.product.GalleryRepository;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gallery in one statement whatever the page size: the page of products, each as its card
 * ({@link GalleryCards}: the product, its post and its commission in one value), with its post's
 * support count and total (one row of {@code post_supports}, kept by the donations' writes), and
 * the number of products the page is one of (one row of {@code product_counts}, kept by the
 * products' writes).
 *
 * <p>The page's ids come newest first from the index; the statement does not sort its joined rows
 * again (SQLite would copy each card into a temporary B-tree for that): the page, at most a few
 * hundred items, is put in order here. A product without a readable card (written by SQL that
 * bypassed the store, or by a version of the card this one does not read) is packed from its rows
 * by a second statement, so the page is right whatever wrote it.
 */
public final class JdbiGallery implements GalleryRepository {
  /** Newest first, as the page lists them. */
  private static final Comparator<GalleryItem> NEWEST_FIRST = Comparator
      .comparing((GalleryItem item) -> item.product().createdAt())
      .thenComparingLong(item -> item.product().id()).reversed();

  /**
   * The page statement: the page's product ids from the index of published products (skipping the
   * offset reads no row), then each product's card and its post's support totals.
   *
   * @param subreddit the subreddit, or {@code null} for all
   * @return the SQL
   */
  static String page(String subreddit) {
    return "SELECT p.card, COALESCE(st.support_count, 0), COALESCE(st.support_cents, 0), p.id, "
        + JdbiProducts.total(subreddit) + " FROM (" + JdbiProducts.pageIds(subreddit) + ") k"
        + " JOIN products p ON p.id = k.id LEFT JOIN post_supports st ON st.post_id = p.post_id";
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
    String sql = page(subreddit);
    return db.read(h -> {
      List<GalleryItem> items = new ArrayList<>(page.limit());
      Map<Long, Support> unpacked = new HashMap<>();
      long total = db.page(JdbiProducts.bindSubreddit(h.createQuery(sql), subreddit), page)
          .scanResultSet((results, context) -> {
            ResultSet rs = results.get();
            long count = -1;
            while (rs.next()) {
              count = rs.getLong(5);
              long supportCount = rs.getLong(2);
              Money supportTotal = Money.ofCents(rs.getLong(3));
              try {
                items.add(GalleryCards.item(rs.getBytes(1), supportCount, supportTotal));
              } catch (PackedValues.Unreadable e) {
                unpacked.put(rs.getLong(4), new Support(supportCount, supportTotal));
              }
            }
            return count;
          });
      if (!unpacked.isEmpty()) {
        h.createQuery("SELECT products.id, " + GalleryCards.CARD + " FROM products WHERE products.id IN (<ids>)")
            .bindList("ids", List.copyOf(unpacked.keySet()))
            .scanResultSet((results, context) -> {
              ResultSet rs = results.get();
              while (rs.next()) {
                long id = rs.getLong(1);
                Support support = unpacked.get(id);
                try {
                  items.add(GalleryCards.item(rs.getBytes(2), support.count(), support.total()));
                } catch (PackedValues.Unreadable e) {
                  // Only a database that does not hold UTF-8 could pack a card this store cannot read
                  // (its byte lengths would not be the driver's); the store refuses such databases.
                  throw new IllegalStateException("the gallery card of product " + id
                      + " cannot be read even when packed from its rows", e);
                }
              }
              return null;
            });
      }
      items.sort(NEWEST_FIRST);
      // Past the last product the page has no row to carry the total: it is read on its own.
      return Page.of(items, total >= 0 ? total : JdbiProducts.total(h, subreddit), page);
    });
  }

  /** A post's support totals, read beside a card that had to be packed again. */
  private record Support(long count, Money total) {
  }
}
