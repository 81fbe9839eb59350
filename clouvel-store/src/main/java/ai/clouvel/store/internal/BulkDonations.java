package ai.clouvel.store.internal;

import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationSummary;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.ProductDonations;
import ai.clouvel.core.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Bulk donations in one statement. Up to {@link NewestSupports#KEPT} supports per product (what the
 * gallery asks for) come from what the writes keep ({@link #KEPT}): each product's card (its
 * commission, {@link GalleryCards}), its post's support count and sum and its newest supports, packed
 * ({@code post_supports}, {@link NewestSupports}); no donation is read. When more are asked, or a card
 * or list is missing or unreadable, the rows are read: each product with its post's totals, its
 * commission, and its post's newest supports (from the partial index {@code donations_support_newest},
 * one range per post, newest first). Only the columns of the public summary are read, never an email.
 * CROSS JOIN keeps SQLite's loops in the written order (the products outside, an index probe per
 * product inside), which its planner, without statistics, would otherwise turn around; PostgreSQL
 * plans it as any inner join.
 *
 * <p>The newest supports of a post, from the rows: on PostgreSQL a {@code LATERAL} join with a
 * {@code LIMIT}; on SQLite, which has no lateral join, the supports of the post from the {@code n}-th
 * newest one's time on, all read from the index alone (SQLite's index carries every column the
 * summary shows), and each support packed into one value as {@link NewestSupports#entry} packs it:
 * every column read is a call into SQLite's native library, and a support has ten. Ties at the
 * cut-off time are trimmed here. Both paths answer in the order the ids were asked.
 */
final class BulkDonations {
  private static final String PRODUCTS_AND_COMMISSIONS = """
      SELECT p.id AS product_id, p.post_id AS product_post_id, 0 AS kind,
          COALESCE(st.support_count, 0) AS support_count, COALESCE(st.support_cents, 0) AS support_cents, NULL AS packed, %s
        FROM products p LEFT JOIN post_supports st ON st.post_id = p.post_id WHERE p.id IN (<ids>)
      UNION ALL
      SELECT p.id, p.post_id, 1, 0, 0, NULL, %s
        FROM products p CROSS JOIN tasks t CROSS JOIN donations d
        WHERE p.id IN (<ids>) AND t.product_id = p.id AND d.id = t.donation_id
      UNION ALL
      """.formatted(JdbiDonations.summaryNulls(), JdbiDonations.summaryColumns("d", ""));

  /** Bulk donations from what the writes keep: one row per product, no donation read. */
  static final String KEPT = """
      SELECT p.id, p.post_id, p.card, COALESCE(st.support_count, 0), COALESCE(st.support_cents, 0), st.newest
        FROM products p LEFT JOIN post_supports st ON st.post_id = p.post_id WHERE p.id IN (<ids>)""";

  static final String SQLITE = PRODUCTS_AND_COMMISSIONS + """
      SELECT p.id, p.post_id, 2, 0, 0, %s, %s
        FROM products p CROSS JOIN donations d
        WHERE p.id IN (<ids>) AND :supports > 0 AND d.post_id = p.post_id AND d.%s
          AND d.created_at >= COALESCE((SELECT s.created_at FROM donations s
            WHERE s.post_id = p.post_id AND s.%s
            ORDER BY s.created_at DESC, s.id DESC LIMIT 1 OFFSET :supports - 1), -9223372036854775807)"""
      .formatted(NewestSupports.entry("d"), JdbiDonations.summaryNulls(),
          JdbiDonations.SUPPORT_SUCCEEDED.replace(" AND ", " AND d."),
          JdbiDonations.SUPPORT_SUCCEEDED.replace(" AND ", " AND s."));

  static final String POSTGRESQL = PRODUCTS_AND_COMMISSIONS + """
      SELECT p.id, p.post_id, 2, 0, 0, NULL, %s
        FROM products p CROSS JOIN LATERAL (
          SELECT s.* FROM donations s WHERE s.post_id = p.post_id AND s.%s
          ORDER BY s.created_at DESC, s.id DESC LIMIT :supports) d
        WHERE p.id IN (<ids>)""".formatted(JdbiDonations.summaryColumns("d", ""),
      JdbiDonations.SUPPORT_SUCCEEDED.replace(" AND ", " AND s."));

  /** Newest first, as the answer lists them. */
  private static final Comparator<DonationSummary> NEWEST_FIRST = Comparator
      .comparing(DonationSummary::createdAt).thenComparingLong(DonationSummary::id).reversed();

  private BulkDonations() {
  }

  static Map<Long, ProductDonations> read(Db db, Collection<Long> productIds, int supportsPerProduct) {
    if (productIds.isEmpty()) {
      return Map.of();
    }
    if (supportsPerProduct < 0) {
      throw new IllegalArgumentException("supportsPerProduct must not be negative");
    }
    List<Long> ids = List.copyOf(new LinkedHashSet<>(productIds));
    if (supportsPerProduct <= NewestSupports.KEPT) {
      Map<Long, ProductDonations> kept = db.read(h -> readKept(h, ids, supportsPerProduct));
      if (kept != null) {
        return kept;
      }
    }
    String sql = db.dialect() == Dialect.POSTGRESQL ? POSTGRESQL : SQLITE;
    return db.read(h -> {
      Map<Long, ProductDonations> totals = new HashMap<>();
      Map<Long, DonationSummary> commissions = new HashMap<>();
      Map<Long, List<DonationSummary>> supports = new HashMap<>();
      h.createQuery(sql).bindList("ids", ids).bind("supports", supportsPerProduct)
          .scanResultSet((results, context) -> {
            ResultSet rs = results.get();
            while (rs.next()) {
              // By position: hundreds of rows, and a lookup by name costs more than the value.
              long product = rs.getLong(1);
              switch (rs.getInt(3)) {
                case 0 -> totals.put(product, new ProductDonations(product, rs.getString(2), null, List.of(),
                    rs.getLong(4), Money.ofCents(rs.getLong(5))));
                case 1 -> commissions.merge(product, JdbiDonations.summaryAt(rs, 7),
                    // A product belongs to one task; should a second name it, the newest commission stands.
                    (a, b) -> NEWEST_FIRST.compare(a, b) <= 0 ? a : b);
                default -> {
                  byte[] packed = rs.getBytes(6);
                  List<DonationSummary> newest = supports.computeIfAbsent(product, k -> new ArrayList<>());
                  if (packed == null) {
                    newest.add(support(rs, 7, rs.getString(2)));
                  } else if (NewestSupports.readOne(packed, 0, rs.getString(2), newest) != packed.length) {
                    throw new PackedValues.Unreadable();
                  }
                }
              }
            }
            return null;
          });
      Map<Long, ProductDonations> result = new LinkedHashMap<>();
      for (Long id : ids) {
        ProductDonations product = totals.get(id);
        if (product == null) {
          continue;
        }
        List<DonationSummary> newest = supports.getOrDefault(id, List.of());
        if (newest.size() > 1) {
          newest.sort(NEWEST_FIRST);
          newest = newest.subList(0, Math.min(newest.size(), supportsPerProduct));
        }
        result.put(id, new ProductDonations(id, product.postId(), commissions.get(id), newest,
            Math.max(product.supportCount(), newest.size()), product.supportTotal()));
      }
      return result;
    });
  }

  /**
   * Reads each product from what the writes keep: its card's commission, its post's totals and
   * newest supports; or {@code null} if a card or a list is not there to read (written by SQL that
   * bypassed the store, or by a version of the store that did not keep them), to read the rows.
   */
  private static Map<Long, ProductDonations> readKept(Handle h, List<Long> ids, int supportsPerProduct) {
    Map<Long, ProductDonations> found = h.createQuery(KEPT).bindList("ids", ids)
        .scanResultSet((results, context) -> {
          ResultSet rs = results.get();
          Map<Long, ProductDonations> read = new HashMap<>();
          while (rs.next()) {
            long product = rs.getLong(1);
            String postId = rs.getString(2);
            long supportCount = rs.getLong(4);
            byte[] packed = rs.getBytes(6);
            List<DonationSummary> newest = new ArrayList<>(Math.min(supportsPerProduct, NewestSupports.KEPT));
            DonationSummary commission;
            try {
              commission = GalleryCards.commission(rs.getBytes(3));
              if (packed != null) {
                NewestSupports.read(packed, supportsPerProduct, postId, newest);
              } else if (supportCount > 0) {
                return null;
              }
            } catch (PackedValues.Unreadable e) {
              return null;
            }
            read.put(product, new ProductDonations(product, postId, commission, newest,
                Math.max(supportCount, newest.size()), Money.ofCents(rs.getLong(5))));
          }
          return read;
        });
    if (found == null) {
      return null;
    }
    Map<Long, ProductDonations> inOrder = new LinkedHashMap<>();
    for (Long id : ids) {
      ProductDonations product = found.get(id);
      if (product != null) {
        inOrder.put(id, product);
      }
    }
    return inOrder;
  }

  /**
   * Maps a succeeded support of a post from the summary columns at {@code first}: its type, status
   * and post are what the statement selected it by.
   */
  private static DonationSummary support(ResultSet rs, int first, String postId) throws SQLException {
    return JdbiDonations.summary(rs.getLong(first), rs.getLong(first + 1), rs.getString(first + 2),
        DonationType.SUPPORT, rs.getString(first + 4), DonationStatus.SUCCEEDED,
        rs.getString(first + 6), rs.getString(first + 7), rs.getBoolean(first + 8), rs.getString(first + 9),
        rs.getString(first + 10), postId, rs.getLong(first + 12));
  }
}
