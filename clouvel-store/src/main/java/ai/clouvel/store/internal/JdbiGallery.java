package ai.clouvel.store.internal;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.donation.DonationSummary;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.store.GalleryRepository;
import ai.clouvel.core.store.Page;
import ai.clouvel.core.store.PageRequest;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gallery in five statements whatever the page size: count, products, their posts, their
 * commission donations, and support totals per post.
 */
public final class JdbiGallery implements GalleryRepository {
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
      long total = h.createQuery("SELECT COUNT(*) FROM products" + JdbiProducts.SUBREDDIT_FILTER)
          .bind("subreddit", subreddit).mapTo(Long.class).one();
      List<Product> products = h.createQuery("SELECT * FROM products" + JdbiProducts.SUBREDDIT_FILTER
              + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
          .bind("subreddit", subreddit).bind("limit", page.limit()).bind("offset", page.offset())
          .map((rs, ctx) -> JdbiProducts.map(rs)).list();
      if (products.isEmpty()) {
        return Page.<GalleryItem>of(List.of(), total, page);
      }
      Set<String> postIds = new LinkedHashSet<>();
      Set<Long> productIds = new LinkedHashSet<>();
      for (Product product : products) {
        postIds.add(product.postId());
        productIds.add(product.id());
      }
      Map<String, Post> posts = new HashMap<>();
      h.createQuery("SELECT * FROM posts WHERE id IN (<ids>)")
          .bindList("ids", List.copyOf(postIds))
          .map((rs, ctx) -> JdbiPosts.map(rs))
          .forEach(post -> posts.put(post.id(), post));
      Map<Long, DonationSummary> commissions = JdbiDonations.commissionsOf(h, productIds);
      Map<String, long[]> support = new HashMap<>();
      h.createQuery("SELECT post_id, COUNT(*) AS n, SUM(amount_cents) AS cents FROM donations WHERE "
              + JdbiDonations.SUPPORT_SUCCEEDED + " AND post_id IN (<ids>) GROUP BY post_id")
          .bindList("ids", List.copyOf(postIds))
          .map((rs, ctx) -> Map.entry(rs.getString("post_id"), new long[] {rs.getLong("n"), rs.getLong("cents")}))
          .forEach(e -> support.put(e.getKey(), e.getValue()));
      List<GalleryItem> items = products.stream().map(product -> {
        long[] totals = support.getOrDefault(product.postId(), new long[] {0, 0});
        return new GalleryItem(product, posts.get(product.postId()), commissions.get(product.id()),
            totals[0], Money.ofCents(totals[1]));
      }).toList();
      return Page.of(items, total, page);
    });
  }
}
