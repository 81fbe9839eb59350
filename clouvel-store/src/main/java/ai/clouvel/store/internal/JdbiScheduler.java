package ai.clouvel.store.internal;

import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.schedule.SchedulerRepository;
import ai.clouvel.core.schedule.SchedulerSettings;
import java.time.Duration;
import java.time.Instant;

/** Scheduler configuration on Jdbi: one row, id 1. */
public final class JdbiScheduler implements SchedulerRepository {
  private final Db db;

  /**
   * Creates the repository.
   *
   * @param db database access
   */
  public JdbiScheduler(Db db) {
    this.db = db;
  }

  @Override
  public SchedulerSettings load() {
    return db.read(h -> h.createQuery("SELECT * FROM scheduler_config WHERE id = 1")
        .map((rs, ctx) -> new SchedulerSettings(rs.getBoolean("enabled"),
            Duration.ofSeconds(rs.getLong("interval_seconds")),
            CommissionType.fromWire(rs.getString("commission_type")).orElseThrow(),
            rs.getString("subreddit"), Rows.instant(rs, "last_run_at")))
        .findOne()
        .orElse(SchedulerSettings.DEFAULTS));
  }

  @Override
  public void save(SchedulerSettings settings) {
    db.write(h -> h.createUpdate("""
            INSERT INTO scheduler_config (id, enabled, interval_seconds, commission_type, subreddit,
              last_run_at, updated_at)
            VALUES (1, :enabled, :interval, :type, :subreddit, :lastRun, :now)
            ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled,
              interval_seconds = excluded.interval_seconds, commission_type = excluded.commission_type,
              subreddit = excluded.subreddit, last_run_at = excluded.last_run_at,
              updated_at = excluded.updated_at""")
        .bind("enabled", settings.enabled())
        .bind("interval", settings.interval().toSeconds())
        .bind("type", settings.commissionType().wireName())
        .bind("subreddit", settings.subreddit())
        .bind("lastRun", Rows.millis(settings.lastRunAt()))
        .bind("now", db.now())
        .execute());
  }

  @Override
  public boolean claimRun(Instant expectedLastRun, Instant now) {
    return db.inTransaction(tx -> tx.write(h -> {
      if (h.createQuery("SELECT COUNT(*) FROM scheduler_config WHERE id = 1").mapTo(Long.class).one() == 0) {
        new JdbiScheduler(tx).save(SchedulerSettings.DEFAULTS);
      }
      return h.createUpdate("""
              UPDATE scheduler_config SET last_run_at = :now, updated_at = :now
              WHERE id = 1 AND ((:expected IS NULL AND last_run_at IS NULL) OR last_run_at = :expected)""")
          .bind("now", now.toEpochMilli())
          .bind("expected", Rows.millis(expectedLastRun))
          .execute() == 1;
    }));
  }
}
