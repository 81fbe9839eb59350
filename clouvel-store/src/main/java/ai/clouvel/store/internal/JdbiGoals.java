package ai.clouvel.store.internal;

import ai.clouvel.core.donation.Goal;
import ai.clouvel.core.donation.GoalRepository;
import ai.clouvel.core.money.Money;
import java.time.Instant;
import java.util.List;

/** Fundraising goals on Jdbi; progress is summed in the same statement. */
public final class JdbiGoals implements GoalRepository {
  private static final String WITH_RAISED = """
      SELECT g.*, COALESCE((SELECT SUM(d.amount_cents) FROM donations d
          WHERE d.status = 'succeeded' AND d.created_at >= g.starts_at
            AND (g.ends_at IS NULL OR d.created_at <= g.ends_at)
            AND (g.subreddit IS NULL OR lower(d.subreddit) = lower(g.subreddit))), 0) AS raised
      FROM goals g""";

  private final Db db;

  /**
   * Creates the repository.
   *
   * @param db database access
   */
  public JdbiGoals(Db db) {
    this.db = db;
  }

  @Override
  public Goal create(String title, String subreddit, Money target, Instant startsAt, Instant endsAt) {
    long id = db.write(h -> h.createQuery("""
            INSERT INTO goals (title, subreddit, target_cents, starts_at, ends_at, created_at)
            VALUES (:title, :subreddit, :target, :startsAt, :endsAt, :now) RETURNING id""")
        .bind("title", title).bind("subreddit", subreddit).bind("target", target.cents())
        .bind("startsAt", startsAt.toEpochMilli()).bind("endsAt", Rows.millis(endsAt))
        .bind("now", db.now())
        .mapTo(Long.class).one());
    return db.read(h -> h.createQuery(WITH_RAISED + " WHERE g.id = :id").bind("id", id)
        .map((rs, ctx) -> map(rs)).one());
  }

  @Override
  public List<Goal> active(Instant now) {
    return db.read(h -> h.createQuery(WITH_RAISED
            + " WHERE g.ends_at IS NULL OR g.ends_at >= :now ORDER BY g.created_at DESC, g.id DESC")
        .bind("now", now.toEpochMilli())
        .map((rs, ctx) -> map(rs)).list());
  }

  private static Goal map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Goal(rs.getLong("id"), rs.getString("title"), rs.getString("subreddit"),
        Money.ofCents(rs.getLong("target_cents")), Money.ofCents(rs.getLong("raised")),
        Instant.ofEpochMilli(rs.getLong("starts_at")), Rows.instant(rs, "ends_at"));
  }
}
