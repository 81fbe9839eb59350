package ai.clouvel.store.internal;

import ai.clouvel.core.idea.ProductIdea;
import ai.clouvel.core.image.HostedImage;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.ProductLinks;
import ai.clouvel.core.product.ProductRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Products on Jdbi. */
public final class JdbiProducts implements ProductRepository {
  /**
   * The published products, or those of one subreddit (ignoring case): each form matches one
   * partial index of published products ({@code products_published_newest},
   * {@code products_published_by_subreddit}), so paging reads index entries only.
   *
   * @param subreddit the subreddit, or {@code null} for all
   * @return the {@code WHERE} clause; binds {@code :subreddit} when one is given
   */
  private static String filter(String subreddit) {
    return subreddit == null ? " WHERE published" : " WHERE published AND lower(subreddit) = lower(:subreddit)";
  }

  /**
   * The ids of one page of published products, newest first, from the index alone: skipping
   * the offset's entries reads no row.
   *
   * @param subreddit the subreddit, or {@code null} for all
   * @return the {@code SELECT}; takes its page from {@link Db#page} and, with a subreddit, binds
   *     {@code :subreddit}
   */
  static String pageIds(String subreddit) {
    return "SELECT id FROM products" + filter(subreddit) + " ORDER BY created_at DESC, id DESC LIMIT <limit> OFFSET <offset>";
  }

  static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindSubreddit(T statement, String subreddit) {
    return Db.bindUnlessNull(statement, "subreddit", subreddit);
  }

  private final Db db;

  /**
   * Creates the repository.
   *
   * @param db database access
   */
  public JdbiProducts(Db db) {
    this.db = db;
  }

  @Override
  public long nextId() {
    return db.write(h -> h.createQuery(
            "UPDATE id_sequences SET next_value = next_value + 1 WHERE name = 'products' RETURNING next_value - 1")
        .mapTo(Long.class).one());
  }

  @Override
  public void save(Product p) {
    db.writeAtomically(h -> {
      insert(h, p, null, true);
      GalleryCards.refreshInserted(h, db.dialect(), p.id(), p.postId());
      countPublished(h, p.id());
      return null;
    });
  }

  @Override
  public Product saveDraft(String runId, Product product) {
    return db.writeAtomically(h -> {
      Optional<Product> existing = byRun(h, runId);
      if (existing.isPresent()) {
        return existing.get();
      }
      insert(h, product, runId, false);
      GalleryCards.refreshInserted(h, db.dialect(), product.id(), product.postId());
      return product;
    });
  }

  @Override
  public Optional<Product> findByRun(String runId) {
    return db.read(h -> byRun(h, runId));
  }

  @Override
  public boolean publish(long productId) {
    return db.writeAtomically(h -> {
      boolean published = h.createUpdate("UPDATE products SET published = TRUE WHERE id = :id AND NOT published")
          .bind("id", productId).execute() == 1;
      if (published) {
        countPublished(h, productId);
      }
      return published;
    });
  }

  @Override
  public boolean discardDraft(String runId) {
    return db.write(h -> h.createUpdate("DELETE FROM products WHERE run_id = :run AND NOT published")
        .bind("run", runId).execute()) == 1;
  }

  private static Optional<Product> byRun(Handle h, String runId) {
    return h.createQuery("SELECT * FROM products WHERE run_id = :run")
        .bind("run", runId).map((rs, ctx) -> map(rs)).findOne();
  }

  /**
   * Counts a product that has just become public, under its subreddit and under all: called in the
   * transaction that published it, after the write that did, so each is counted once.
   */
  private static void countPublished(Handle h, long productId) {
    h.createUpdate("""
            INSERT INTO product_counts (subreddit, published)
            SELECT s.subreddit, 1 FROM (SELECT '' AS subreddit UNION ALL
              SELECT 'r/' || lower(subreddit) FROM products WHERE id = :id) s WHERE TRUE
            ON CONFLICT (subreddit) DO UPDATE SET published = product_counts.published + 1""")
        .bind("id", productId).execute();
  }

  /**
   * The number of published products, or of those of one subreddit (ignoring case), from
   * {@code product_counts}: all under the empty key, a subreddit under {@code r/} and its lower-case
   * name, so that no name, not even an empty one, reads the count of all.
   *
   * @param subreddit the subreddit, or {@code null} for all
   * @return a scalar subquery; binds {@code :subreddit} when there is one
   */
  static String total(String subreddit) {
    return "(SELECT published FROM product_counts WHERE subreddit = "
        + (subreddit == null ? "''" : "'r/' || lower(:subreddit)") + ")";
  }

  /** Reads {@link #total} alone, for a page past the last product. */
  static long total(Handle h, String subreddit) {
    Long total = bindSubreddit(h.createQuery("SELECT " + total(subreddit)), subreddit)
        .mapTo(Long.class).one();
    return total == null ? 0 : total;
  }

  private static void insert(Handle h, Product p, String runId, boolean published) {
    h.createUpdate("""
            INSERT INTO products (id, post_id, subreddit, post_title, theme, image_title,
              image_description, image_id, image_url, product_url, affiliate_url, template_id,
              prompt_version, idea_model, image_model, image_quality, created_at, run_id, published)
            VALUES (:id, :postId, :subreddit, :postTitle, :theme, :imageTitle, :imageDescription,
              :imageId, :imageUrl, :productUrl, :affiliateUrl, :templateId, :promptVersion,
              :ideaModel, :imageModel, :imageQuality, :createdAt, :runId, :published)""")
        .bind("id", p.id())
        .bind("postId", p.postId())
        .bind("subreddit", p.subreddit())
        .bind("postTitle", p.postTitle())
        .bind("theme", p.idea().theme())
        .bind("imageTitle", p.idea().imageTitle())
        .bind("imageDescription", p.idea().imageDescription())
        .bind("imageId", p.image().id())
        .bind("imageUrl", p.image().url())
        .bind("productUrl", p.links().productUrl())
        .bind("affiliateUrl", p.links().affiliateUrl())
        .bind("templateId", p.links().templateId())
        .bind("promptVersion", p.promptVersion())
        .bind("ideaModel", p.ideaModel())
        .bind("imageModel", p.imageModel())
        .bind("imageQuality", p.imageQuality().name().toLowerCase(java.util.Locale.ROOT))
        .bind("createdAt", p.createdAt().toEpochMilli())
        .bind("runId", runId)
        .bind("published", published)
        .execute();
  }

  @Override
  public Optional<Product> find(long id) {
    return db.read(h -> h.createQuery("SELECT * FROM products WHERE id = :id AND published")
        .bind("id", id).map((rs, ctx) -> map(rs)).findOne());
  }

  @Override
  public Page<Product> list(PageRequest page, String subreddit) {
    return db.read(h -> {
      long total = total(h, subreddit);
      Query query = db.page(bindSubreddit(h.createQuery("SELECT p.* FROM (" + pageIds(subreddit) + ") k"
              + " JOIN products p ON p.id = k.id ORDER BY p.created_at DESC, p.id DESC"), subreddit), page);
      List<Product> items = query.map((rs, ctx) -> map(rs)).list();
      return Page.of(items, total, page);
    });
  }

  static Product map(ResultSet rs) throws SQLException {
    return new Product(
        rs.getLong("id"),
        rs.getString("post_id"),
        rs.getString("subreddit"),
        rs.getString("post_title"),
        new ProductIdea(rs.getString("theme"), rs.getString("image_title"),
            rs.getString("image_description")),
        new HostedImage(rs.getString("image_id"), rs.getString("image_url")),
        new ProductLinks(rs.getString("product_url"), rs.getString("affiliate_url"),
            rs.getString("template_id")),
        rs.getString("prompt_version"),
        rs.getString("idea_model"),
        rs.getString("image_model"),
        ImageQuality.valueOf(rs.getString("image_quality").toUpperCase(java.util.Locale.ROOT)),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
