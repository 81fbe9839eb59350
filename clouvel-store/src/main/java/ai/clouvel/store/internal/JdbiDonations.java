package ai.clouvel.store.internal;

import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationRepository;
import ai.clouvel.core.donation.DonationSource;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationSummary;
import ai.clouvel.core.donation.DonationTotals;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.donation.DonorTotal;
import ai.clouvel.core.donation.NewDonation;
import ai.clouvel.core.donation.ProductDonations;
import ai.clouvel.core.donation.RecentDonation;
import ai.clouvel.core.donation.SubredditTotal;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.payment.GatewayId;
import ai.clouvel.core.payment.PaymentRefs;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Donations and processed payment events on Jdbi. */
public final class JdbiDonations implements DonationRepository {
  static final String SUPPORT_SUCCEEDED = "donation_type = 'support' AND status = 'succeeded'";

  private final Db db;

  /**
   * Creates the repository.
   *
   * @param db database access
   */
  public JdbiDonations(Db db) {
    this.db = db;
  }

  @Override
  public Donation insert(NewDonation d) {
    long now = db.now();
    long id = db.writeAtomically(h -> {
      long inserted = h.createQuery("""
            INSERT INTO donations (payment_id, source, status, amount_cents, tier, donation_type,
              commission_type, subreddit, post_id, customer_email, customer_name, reddit_username,
              is_anonymous, message, gateway, payment_refs, created_at, updated_at)
            VALUES (:paymentId, :source, :status, :amount, :tier, :type, :commissionType,
              :subreddit, :postId, :email, :name, :reddit, :anonymous, :message, :gateway, :refs,
              :now, :now)
            RETURNING id""")
        .bind("paymentId", d.paymentId())
        .bind("source", d.source().wireName())
        .bind("status", d.status().wireName())
        .bind("amount", d.amount().cents())
        .bind("tier", d.tier())
        .bind("type", d.type().wireName())
        .bind("commissionType", d.commissionType() == null ? null : d.commissionType().wireName())
        .bind("subreddit", d.subreddit())
        .bind("postId", d.postId())
        .bind("email", d.donor().email())
        .bind("name", d.donor().name())
        .bind("reddit", d.donor().redditUsername())
        .bind("anonymous", d.donor().anonymous())
        .bind("message", d.message())
        .bind("gateway", d.gateway() == null ? null : d.gateway().value())
        .bind("refs", RefsText.encode(d.refs()))
        .bind("now", now)
        .mapTo(Long.class).one();
      if (d.gateway() != null) {
        List<String> refs = new ArrayList<>(d.refs().all());
        refs.add(d.paymentId());
        indexRefs(h, d.gateway(), inserted, refs);
      }
      if (d.status() == DonationStatus.SUCCEEDED && d.type() == DonationType.SUPPORT) {
        addSupport(h, d.postId(), 1, d.amount().cents());
      }
      return inserted;
    });
    return new Donation(id, d.paymentId(), d.source(), d.status(), d.amount(), d.tier(), d.type(),
        d.commissionType(), d.subreddit(), d.postId(), d.donor(), d.message(), d.gateway(), d.refs(),
        Instant.ofEpochMilli(now), Instant.ofEpochMilli(now));
  }

  @Override
  public Optional<Donation> find(long id) {
    return db.read(h -> h.createQuery("SELECT * FROM donations WHERE id = :id")
        .bind("id", id).map((rs, ctx) -> map(rs)).findOne());
  }

  @Override
  public Map<Long, Donation> findAll(Collection<Long> ids) {
    Map<Long, Donation> found = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    db.read(h -> h.createQuery("SELECT * FROM donations WHERE id IN (<ids>) ORDER BY id")
        .bindList("ids", List.copyOf(new LinkedHashSet<>(ids))).map((rs, ctx) -> map(rs)).list())
        .forEach(donation -> found.put(donation.id(), donation));
    return found;
  }

  @Override
  public Optional<Donation> findByPaymentId(String paymentId) {
    return db.read(h -> h.createQuery("SELECT * FROM donations WHERE payment_id = :p")
        .bind("p", paymentId).map((rs, ctx) -> map(rs)).findOne());
  }

  @Override
  public Optional<Donation> findByRef(GatewayId gateway, String ref) {
    return db.read(h -> h.createQuery("""
            SELECT d.* FROM payment_refs r JOIN donations d ON d.id = r.donation_id
            WHERE r.gateway = :gateway AND r.ref = :ref""")
        .bind("gateway", gateway.value()).bind("ref", ref).map((rs, ctx) -> map(rs)).findOne());
  }

  @Override
  public boolean transition(long id, DonationStatus expected, DonationStatus next) {
    if (expected != DonationStatus.SUCCEEDED && next != DonationStatus.SUCCEEDED) {
      // Neither side counts in a post's support totals.
      return db.writeAtomically(h -> {
        boolean changed = h.createUpdate(
                "UPDATE donations SET status = :next, updated_at = :now WHERE id = :id AND status = :expected")
            .bind("id", id)
            .bind("expected", expected.wireName())
            .bind("next", next.wireName())
            .bind("now", db.now())
            .execute() == 1;
        if (changed) {
          refreshCards(h, id);
        }
        return changed;
      });
    }
    // Into or out of "succeeded": the row's change and its post's totals in one transaction, so a
    // support is counted exactly when its row says succeeded.
    return db.writeAtomically(h -> {
      Optional<SupportShare> changed = h.createQuery("""
              UPDATE donations SET status = :next, updated_at = :now WHERE id = :id AND status = :expected
              RETURNING donation_type, status, post_id, amount_cents""")
          .bind("id", id)
          .bind("expected", expected.wireName())
          .bind("next", next.wireName())
          .bind("now", db.now())
          .map((rs, ctx) -> SupportShare.of(rs)).findOne();
      changed.ifPresent(after -> {
        long sign = next == DonationStatus.SUCCEEDED ? 1 : -1;
        if (after.isSupport()) {
          addSupport(h, after.postId(), sign, sign * after.cents());
        } else {
          refreshCards(h, id);
        }
      });
      return changed.isPresent();
    });
  }

  @Override
  public void recordPaidAmount(long id, Money amount, String tier) {
    db.writeAtomically(h -> {
      Optional<SupportShare> before = lockShare(h, id);
      h.createUpdate("UPDATE donations SET amount_cents = :amount, tier = :tier, updated_at = :now WHERE id = :id")
          .bind("id", id).bind("amount", amount.cents()).bind("tier", tier).bind("now", db.now()).execute();
      before.filter(SupportShare::counts)
          .ifPresent(b -> addSupport(h, b.postId(), 0, amount.cents() - b.cents()));
      if (before.map(b -> !b.isSupport()).orElse(false)) {
        refreshCards(h, id);
      }
      return null;
    });
  }

  /**
   * What one donation adds to its post's support totals: it counts when it is a succeeded support
   * of a post.
   */
  private record SupportShare(boolean isSupport, boolean succeeded, String postId, long cents) {
    static SupportShare of(ResultSet rs) throws SQLException {
      return new SupportShare(DonationType.SUPPORT.wireName().equals(rs.getString("donation_type")),
          DonationStatus.SUCCEEDED.wireName().equals(rs.getString("status")), rs.getString("post_id"),
          rs.getLong("amount_cents"));
    }

    boolean counts() {
      return isSupport && succeeded && postId != null;
    }
  }

  /** Reads a donation's share, locking its row until the transaction ends (PostgreSQL; SQLite has one writer). */
  private Optional<SupportShare> lockShare(Handle h, long id) {
    return h.createQuery("SELECT donation_type, status, post_id, amount_cents FROM donations WHERE id = :id"
            + (db.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : ""))
        .bind("id", id).map((rs, ctx) -> SupportShare.of(rs)).findOne();
  }

  /**
   * Moves a post's support count and sum, and refreshes its newest supports, in the caller's
   * transaction (also when neither moves: a paid amount may change only the tier).
   */
  private static void addSupport(Handle h, String postId, long count, long cents) {
    if (postId == null) {
      return;
    }
    h.createUpdate("""
            INSERT INTO post_supports (post_id, support_count, support_cents) VALUES (:post, :count, :cents)
            ON CONFLICT (post_id) DO UPDATE SET
              support_count = post_supports.support_count + excluded.support_count,
              support_cents = post_supports.support_cents + excluded.support_cents""")
        .bind("post", postId).bind("count", count).bind("cents", cents).execute();
    NewestSupports.refresh(h, postId);
  }

  @Override
  public void addRefs(long id, PaymentRefs refs) {
    if (refs.isEmpty()) {
      return;
    }
    db.writeAtomically(h -> {
      Optional<Donation> donation = h.createQuery("SELECT * FROM donations WHERE id = :id")
          .bind("id", id).map((rs, ctx) -> map(rs)).findOne();
      if (donation.isEmpty() || donation.get().gateway() == null) {
        throw new IllegalArgumentException("donation " + id + " was not paid through a gateway");
      }
      PaymentRefs merged = donation.get().refs().plus(refs);
      h.createUpdate("UPDATE donations SET payment_refs = :refs, updated_at = :now WHERE id = :id")
          .bind("id", id).bind("refs", RefsText.encode(merged)).bind("now", db.now()).execute();
      indexRefs(h, donation.get().gateway(), id, merged.all());
      return null;
    });
  }

  private static void indexRefs(Handle h, GatewayId gateway, long donationId, Collection<String> refs) {
    if (refs.isEmpty()) {
      return;
    }
    PreparedBatch batch = h.prepareBatch("""
        INSERT INTO payment_refs (gateway, ref, donation_id) VALUES (:gateway, :ref, :donation)
        ON CONFLICT DO NOTHING""");
    for (String ref : refs) {
      batch.bind("gateway", gateway.value()).bind("ref", ref).bind("donation", donationId).add();
    }
    batch.execute();
  }

  @Override
  public void assignPost(long id, String subreddit, String postId) {
    // Only fills a missing post: a support always names its post (NewDonation), so this never moves
    // one between posts' support totals.
    db.writeAtomically(h -> {
      h.createUpdate("""
              UPDATE donations SET subreddit = COALESCE(subreddit, :subreddit),
                post_id = COALESCE(post_id, :postId), updated_at = :now
              WHERE id = :id""")
          .bind("id", id).bind("subreddit", subreddit).bind("postId", postId).bind("now", db.now())
          .execute();
      refreshCards(h, id);
      return null;
    });
  }

  /**
   * Refreshes the gallery cards that show a donation: those of the products its task names. A
   * support has no task, so its writes find none (one probe of the task's unique index).
   */
  private void refreshCards(Handle h, long donationId) {
    GalleryCards.refresh(h, db.dialect(),
        "p.id IN (SELECT t.product_id FROM tasks t WHERE t.donation_id = :donation)",
        s -> s.bind("donation", donationId));
  }

  @Override
  public void refundAttemptFailed(long id, String error, Instant retryAt) {
    db.write(h -> h.createUpdate("""
            UPDATE donations SET refund_attempts = refund_attempts + 1, refund_retry_at = :retryAt,
              last_error = :error, updated_at = :now
            WHERE id = :id""")
        .bind("id", id).bind("retryAt", retryAt.toEpochMilli()).bind("error", error)
        .bind("now", db.now()).execute());
  }

  @Override
  public List<Donation> refundsDue(Instant now, int limit) {
    return db.read(h -> h.createQuery("""
            SELECT * FROM donations
            WHERE status = 'refund_pending' AND (refund_retry_at IS NULL OR refund_retry_at <= :now)
            ORDER BY updated_at, id LIMIT :limit""")
        .bind("now", now.toEpochMilli()).bind("limit", limit)
        .map((rs, ctx) -> map(rs)).list());
  }

  @Override
  public boolean recordEvent(String eventId, String type, String paymentId) {
    return db.write(h -> h.createUpdate("""
            INSERT INTO payment_events (event_id, event_type, payment_id, received_at)
            VALUES (:id, :type, :paymentId, :now) ON CONFLICT (event_id) DO NOTHING""")
        .bind("id", eventId).bind("type", type).bind("paymentId", paymentId).bind("now", db.now())
        .execute()) == 1;
  }

  @Override
  public Page<Donation> list(PageRequest page, DonationStatus status) {
    return db.newestByStatus("donations", status == null ? null : status.wireName(), page, (rs, ctx) -> map(rs));
  }

  @Override
  public DonationTotals totals() {
    return db.read(h -> h.createQuery("""
            SELECT
              COALESCE(SUM(CASE WHEN status = 'succeeded' THEN 1 ELSE 0 END), 0) AS donations,
              COALESCE(SUM(CASE WHEN status = 'succeeded' THEN amount_cents ELSE 0 END), 0) AS total,
              COALESCE(SUM(CASE WHEN status = 'succeeded' AND donation_type = 'commission' THEN 1 ELSE 0 END), 0) AS commissions,
              COALESCE(SUM(CASE WHEN status = 'succeeded' AND donation_type = 'support' THEN 1 ELSE 0 END), 0) AS supports,
              COALESCE(SUM(CASE WHEN status = 'refunded' THEN 1 ELSE 0 END), 0) AS refunded,
              COALESCE(SUM(CASE WHEN status = 'refunded' THEN amount_cents ELSE 0 END), 0) AS refunded_total
            FROM donations""")
        .map((rs, ctx) -> new DonationTotals(rs.getLong("donations"), Money.ofCents(rs.getLong("total")),
            rs.getLong("commissions"), rs.getLong("supports"), rs.getLong("refunded"),
            Money.ofCents(rs.getLong("refunded_total"))))
        .one());
  }

  @Override
  public List<SubredditTotal> bySubreddit(int limit) {
    return db.read(h -> h.createQuery("""
            SELECT COALESCE(subreddit, 'random') AS name, COUNT(*) AS donations,
              SUM(amount_cents) AS total,
              SUM(CASE WHEN donation_type = 'commission' THEN 1 ELSE 0 END) AS commissions,
              SUM(CASE WHEN donation_type = 'support' THEN 1 ELSE 0 END) AS supports
            FROM donations WHERE status = 'succeeded'
            GROUP BY COALESCE(subreddit, 'random')
            ORDER BY total DESC, name
            LIMIT :limit""")
        .bind("limit", limit)
        .map((rs, ctx) -> new SubredditTotal(rs.getString("name"), rs.getLong("donations"),
            Money.ofCents(rs.getLong("total")), rs.getLong("commissions"), rs.getLong("supports")))
        .list());
  }

  @Override
  public Page<DonorTotal> byDonor(PageRequest page) {
    return FundraisingReads.byDonor(db, page);
  }

  @Override
  public Page<RecentDonation> recent(PageRequest page) {
    return FundraisingReads.recent(db, page);
  }

  @Override
  public Map<Long, ProductDonations> forProducts(Collection<Long> productIds, int supportsPerProduct) {
    return BulkDonations.read(db, productIds, supportsPerProduct);
  }

  private static final String[] SUMMARY_COLUMNS = {"id", "amount_cents", "tier", "donation_type",
      "commission_type", "status", "customer_name", "reddit_username", "is_anonymous", "message", "subreddit",
      "post_id", "created_at"};


  /** The columns of a donation's public summary (never the email), each named with a prefix. */
  static String summaryColumns(String table, String prefix) {
    StringBuilder sql = new StringBuilder();
    for (String column : SUMMARY_COLUMNS) {
      sql.append(sql.isEmpty() ? "" : ", ").append(table).append('.').append(column).append(" AS ")
          .append(prefix).append(column);
    }
    return sql.toString();
  }

  static String summaryNulls() {
    StringBuilder sql = new StringBuilder();
    for (String column : SUMMARY_COLUMNS) {
      sql.append(sql.isEmpty() ? "" : ", ").append("NULL AS ").append(column);
    }
    return sql.toString();
  }

  /** Maps the summary columns read with {@link #summaryColumns} from column {@code first} on. */
  static DonationSummary summaryAt(ResultSet rs, int first) throws SQLException {
    long id = rs.getLong(first);
    if (rs.wasNull()) {
      return null;
    }
    return summary(id, rs.getLong(first + 1), rs.getString(first + 2), rs.getString(first + 3),
        rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6), rs.getString(first + 7),
        rs.getBoolean(first + 8), rs.getString(first + 9), rs.getString(first + 10), rs.getString(first + 11),
        rs.getLong(first + 12));
  }

  /** The public summary of a donation's stored values (in the order of {@link #summaryColumns}). */
  static DonationSummary summary(long id, long cents, String tier, String type, String commissionType,
      String status, String customerName, String redditUsername, boolean anonymous, String message,
      String subreddit, String postId, long createdAt) {
    return summary(id, cents, tier, DonationType.fromWire(type).orElseThrow(), commissionType,
        DonationStatus.fromWire(status).orElseThrow(), customerName, redditUsername, anonymous, message, subreddit,
        postId, createdAt);
  }

  /** The same, for a reader that knows the type and status without reading their names. */
  static DonationSummary summary(long id, long cents, String tier, DonationType type, String commissionType,
      DonationStatus status, String customerName, String redditUsername, boolean anonymous, String message,
      String subreddit, String postId, long createdAt) {
    Donor donor = new Donor(null, customerName, redditUsername, anonymous);
    return new DonationSummary(id, Money.ofCents(cents), tier, type,
        CommissionType.fromWire(commissionType).orElse(null), status,
        donor.publicName(), donor.publicRedditUsername(), message, subreddit, postId,
        Instant.ofEpochMilli(createdAt));
  }

  static Donation map(ResultSet rs) throws SQLException {
    return new Donation(
        rs.getLong("id"),
        rs.getString("payment_id"),
        DonationSource.fromWire(rs.getString("source")).orElseThrow(),
        DonationStatus.fromWire(rs.getString("status")).orElseThrow(),
        Money.ofCents(rs.getLong("amount_cents")),
        rs.getString("tier"),
        DonationType.fromWire(rs.getString("donation_type")).orElseThrow(),
        CommissionType.fromWire(rs.getString("commission_type")).orElse(null),
        rs.getString("subreddit"),
        rs.getString("post_id"),
        new Donor(rs.getString("customer_email"), rs.getString("customer_name"),
            rs.getString("reddit_username"), rs.getBoolean("is_anonymous")),
        rs.getString("message"),
        rs.getString("gateway") == null ? null : GatewayId.of(rs.getString("gateway")),
        RefsText.decode(rs.getString("payment_refs")),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }
}
