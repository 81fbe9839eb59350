package ai.clouvel.store.internal;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.donation.DonationSummary;
import ai.clouvel.core.idea.ProductIdea;
import ai.clouvel.core.image.HostedImage;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.core.product.GalleryRepository;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.ProductLinks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gallery in one statement whatever the page size: the page of products with, beside each,
 * its post, its commission donation, its post's support count and total (one row of
 * {@code post_supports}, kept by the donations' writes), and the number of products the page is one
 * of (one row of {@code product_counts}, kept by the products' writes).
 *
 * <p>The page's columns are named once, in {@link #COLUMNS}, and read by position (a read by name
 * looks the name up, ignoring case, for each of 45 columns of every row). The page's ids come newest
 * first from the index; the statement does not sort its joined rows again (SQLite would copy every
 * column of the page into a temporary B-tree for that): the page, at most a few hundred items, is put
 * in order here.
 */
public final class JdbiGallery implements GalleryRepository {
  /** The page's columns, in the order they are read: the product, its post, its commission, its support. */
  static final List<String> COLUMNS = List.of(
      "p.id", "p.post_id", "p.subreddit", "p.post_title", "p.theme", "p.image_title", "p.image_description",
      "p.image_id", "p.image_url", "p.product_url", "p.affiliate_url", "p.template_id", "p.prompt_version",
      "p.idea_model", "p.image_model", "p.image_quality", "p.created_at",
      "po.id", "po.subreddit", "po.title", "po.body", "po.author", "po.permalink", "po.score", "po.comment_count",
      "po.created_at", "po.nsfw", "po.stickied", "po.locked", "po.removed",
      "c.id", "c.amount_cents", "c.tier", "c.donation_type", "c.commission_type", "c.status", "c.customer_name",
      "c.reddit_username", "c.is_anonymous", "c.message", "c.subreddit", "c.post_id", "c.created_at",
      "COALESCE(st.support_count, 0)", "COALESCE(st.support_cents, 0)");
  /** The first column (from 1) of the post, the commission and the support totals. */
  private static final int POST = 18;
  private static final int COMMISSION = 31;
  private static final int SUPPORT = 44;
  /** The column after {@link #COLUMNS}: the number of products the page is one of. */
  private static final int TOTAL = COLUMNS.size() + 1;

  private static final String FROM = """
       FROM (%s) k
      JOIN products p ON p.id = k.id
      LEFT JOIN posts po ON po.id = p.post_id
      LEFT JOIN post_supports st ON st.post_id = p.post_id
      """;

  /** The commission: SQLite probes the task's index, then the donation's key, for each product. */
  private static final String SQLITE_COMMISSION = """
      LEFT JOIN tasks t ON t.product_id = p.id
      LEFT JOIN donations c ON c.id = t.donation_id""";

  /**
   * The commission on PostgreSQL: a lateral probe per product. Joined as two more tables,
   * PostgreSQL's planner merged the page with the donations' whole primary key and spent longer
   * planning six tables than running them (20–25% of the statement, measured side by side).
   */
  private static final String POSTGRESQL_COMMISSION = """
      LEFT JOIN LATERAL (SELECT d.* FROM tasks t JOIN donations d ON d.id = t.donation_id
        WHERE t.product_id = p.id ORDER BY d.created_at DESC, d.id DESC LIMIT 1) c ON TRUE""";

  private static final Comparator<DonationSummary> NEWEST_COMMISSION = Comparator
      .comparing(DonationSummary::createdAt).thenComparingLong(DonationSummary::id).reversed();

  /** Newest first, as the page lists them. */
  private static final Comparator<GalleryItem> NEWEST_FIRST = Comparator
      .comparing((GalleryItem item) -> item.product().createdAt())
      .thenComparingLong(item -> item.product().id()).reversed();

  /**
   * The page statement: the page's product ids from the index of published products (skipping the
   * offset reads no row), then each product with its post, commission and support totals.
   *
   * @param subreddit the subreddit, or {@code null} for all
   * @param dialect the database's
   * @return the SQL
   */
  static String page(String subreddit, Dialect dialect) {
    return "SELECT " + String.join(", ", COLUMNS) + ", " + JdbiProducts.total(subreddit)
        + FROM.formatted(JdbiProducts.pageIds(subreddit))
        + (dialect == Dialect.POSTGRESQL ? POSTGRESQL_COMMISSION : SQLITE_COMMISSION);
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
    String sql = page(subreddit, db.dialect());
    return db.read(h -> {
      List<GalleryItem> items = new ArrayList<>(page.limit());
      Map<Long, Integer> positions = new HashMap<>();
      long total = JdbiProducts.bindSubreddit(h.createQuery(sql), subreddit)
          .bind("limit", page.limit()).bind("offset", page.offset())
          .scanResultSet((results, context) -> {
            ResultSet rs = results.get();
            long count = -1;
            while (rs.next()) {
              count = rs.getLong(TOTAL);
              GalleryItem item = item(rs);
              Integer position = positions.putIfAbsent(item.product().id(), items.size());
              if (position == null) {
                items.add(item);
              } else if (newer(item.commission(), items.get(position).commission())) {
                // A product belongs to one task; should a second name it, the newest commission
                // stands, as in bulk donations and on PostgreSQL.
                items.set(position, item);
              }
            }
            return count;
          });
      items.sort(NEWEST_FIRST);
      // Past the last product the page has no row to carry the total: it is read on its own.
      return Page.of(items, total >= 0 ? total : JdbiProducts.total(h, subreddit), page);
    });
  }

  private static boolean newer(DonationSummary candidate, DonationSummary current) {
    return current == null || candidate != null && NEWEST_COMMISSION.compare(candidate, current) < 0;
  }

  /** Maps a row of {@link #COLUMNS}. */
  static GalleryItem item(ResultSet rs) throws SQLException {
    Product product = new Product(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        new ProductIdea(rs.getString(5), rs.getString(6), rs.getString(7)),
        new HostedImage(rs.getString(8), rs.getString(9)),
        new ProductLinks(rs.getString(10), rs.getString(11), rs.getString(12)),
        rs.getString(13), rs.getString(14), rs.getString(15),
        ImageQuality.valueOf(rs.getString(16).toUpperCase(Locale.ROOT)),
        Instant.ofEpochMilli(rs.getLong(17)));
    String postId = rs.getString(POST);
    Post post = postId == null ? null : new Post(postId, rs.getString(POST + 1), rs.getString(POST + 2),
        rs.getString(POST + 3), rs.getString(POST + 4), rs.getString(POST + 5), rs.getInt(POST + 6),
        rs.getInt(POST + 7), Instant.ofEpochMilli(rs.getLong(POST + 8)), rs.getBoolean(POST + 9),
        rs.getBoolean(POST + 10), rs.getBoolean(POST + 11), rs.getBoolean(POST + 12));
    return new GalleryItem(product, post, JdbiDonations.summaryAt(rs, COMMISSION), rs.getLong(SUPPORT),
        Money.ofCents(rs.getLong(SUPPORT + 1)));
  }
}
