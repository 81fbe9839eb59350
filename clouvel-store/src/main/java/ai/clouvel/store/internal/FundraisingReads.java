package ai.clouvel.store.internal;

import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.donation.DonorTotal;
import ai.clouvel.core.donation.RecentDonation;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The fundraising page's reads: the donor leaderboard and the recent donations, each a count and a
 * page read by index (migration V9), only succeeded donations, never an email or a message.
 */
final class FundraisingReads {
  /**
   * A named donor's public name in SQL: the name, else the Reddit username, as {@link Donor#publicName()}.
   * The same expression as the index {@code donations_donor_board} (V9), which the leaderboard reads alone.
   */
  static final String DONOR_NAME = "COALESCE(NULLIF(TRIM(customer_name), ''), NULLIF(TRIM(reddit_username), ''))";

  /** The succeeded donations of named donors: one range of the index {@code donations_donor_board}. */
  static final String NAMED_DONORS = " FROM donations WHERE status = 'succeeded' AND is_anonymous = FALSE AND "
      + DONOR_NAME + " IS NOT NULL";

  /** The donor leaderboard's page: read from the index {@code donations_donor_board} alone. */
  static final String BY_DONOR = "SELECT " + DONOR_NAME + " AS donor_name, COUNT(*) AS donations,"
      + " SUM(amount_cents) AS total" + NAMED_DONORS + " GROUP BY " + DONOR_NAME
      + " ORDER BY total DESC, donor_name LIMIT <limit> OFFSET <offset>";

  /** How many named donors the leaderboard has. */
  static final String COUNT_DONORS = "SELECT COUNT(*) FROM (SELECT 1" + NAMED_DONORS + " GROUP BY " + DONOR_NAME + ") n";

  /**
   * A page of recent succeeded donations, in the order of the index {@code donations_status_newest};
   * never the email or the message. A post's published product is probed by its index.
   */
  static final String RECENT = """
      SELECT d.amount_cents, d.tier, d.donation_type, d.commission_type, d.customer_name, d.reddit_username,
        d.is_anonymous, d.subreddit, d.post_id, d.created_at,
        (SELECT MIN(p.id) FROM products p WHERE p.post_id = d.post_id AND p.published) AS product_id
      FROM donations d WHERE d.status = 'succeeded'
      ORDER BY d.created_at DESC, d.id DESC LIMIT <limit> OFFSET <offset>""";

  /** How many donations are succeeded. */
  static final String COUNT_SUCCEEDED = "SELECT COUNT(*) FROM donations WHERE status = 'succeeded'";

  private FundraisingReads() {
  }

  static Page<DonorTotal> byDonor(Db db, PageRequest page) {
    return db.read(h -> {
      long total = h.createQuery(COUNT_DONORS).mapTo(Long.class).one();
      List<DonorTotal> items = db.page(h.createQuery(BY_DONOR), page)
          .map((rs, ctx) -> new DonorTotal(rs.getString("donor_name"), rs.getLong("donations"),
              Money.ofCents(rs.getLong("total"))))
          .list();
      return Page.of(items, total, page);
    });
  }

  static Page<RecentDonation> recent(Db db, PageRequest page) {
    return db.read(h -> {
      long total = h.createQuery(COUNT_SUCCEEDED).mapTo(Long.class).one();
      List<RecentDonation> items = db.page(h.createQuery(RECENT), page)
          .map((rs, ctx) -> recentDonation(rs)).list();
      return Page.of(items, total, page);
    });
  }

  private static RecentDonation recentDonation(ResultSet rs) throws SQLException {
    Donor donor = new Donor(null, rs.getString("customer_name"), rs.getString("reddit_username"),
        rs.getBoolean("is_anonymous"));
    long productId = rs.getLong("product_id");
    Long product = rs.wasNull() ? null : productId;
    return new RecentDonation(Money.ofCents(rs.getLong("amount_cents")), rs.getString("tier"),
        DonationType.fromWire(rs.getString("donation_type")).orElseThrow(),
        CommissionType.fromWire(rs.getString("commission_type")).orElse(null), donor.publicName(),
        rs.getString("subreddit"), rs.getString("post_id"), product, Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
