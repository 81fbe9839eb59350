package ai.clouvel.store.internal;

import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.progress.Stage;
import ai.clouvel.core.task.CommissionSpec;
import ai.clouvel.core.task.NewTask;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskQueue;
import ai.clouvel.core.task.TaskStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The durable task queue on Jdbi. A claim, of one task or a batch, is one statement: an
 * {@code UPDATE ... RETURNING} fed by two short index scans (expired leases, then due pending
 * tasks), each reading a partial index in its own order, so its cost does not grow with the
 * backlog. PostgreSQL's scans take {@code FOR UPDATE SKIP LOCKED} so that concurrent workers pass
 * over each other; SQLite's single writer serialises claims there. Completions can be batched.
 */
public final class JdbiTaskQueue implements TaskQueue {
  /** Expired leases with attempts left, oldest lease first: a scan of {@code tasks_running_leases}. */
  private static final String EXPIRED = """
      SELECT %s AS k FROM tasks
      WHERE status = 'in_progress' AND lease_expires_at < :now AND attempts < max_attempts
      ORDER BY lease_expires_at LIMIT <max>""";
  /** Pending tasks whose time has come, in run order: a scan of {@code tasks_pending_due}. */
  private static final String PENDING = """
      SELECT %s AS k FROM tasks
      WHERE status = 'pending' AND next_run_at <= :now
      ORDER BY next_run_at, created_at, id LIMIT <max>""";
  private static final String SET_CLAIMED = """
      status = 'in_progress', lease_owner = :worker, lease_expires_at = :leaseUntil,
      heartbeat_at = :now, attempts = attempts + 1, updated_at = :now""";
  /**
   * SQLite: the single writer already serialises claims, so one {@code UPDATE} picks by rowid from
   * the two index scans, expired leases first.
   */
  private static final String CLAIM_SQLITE = """
      UPDATE tasks SET %s
      WHERE rowid IN (SELECT k FROM (%s) UNION ALL SELECT k FROM (%s) LIMIT <max>)
      RETURNING *""".formatted(SET_CLAIMED, EXPIRED.formatted("rowid"), PENDING.formatted("rowid"));
  /**
   * PostgreSQL: each scan locks what it takes and skips rows another claim holds; the second scan
   * runs only if the first found fewer than {@code max}.
   */
  private static final String CLAIM_POSTGRESQL = """
      WITH expired AS (%s FOR UPDATE SKIP LOCKED),
        due AS (%s FOR UPDATE SKIP LOCKED),
        picked AS (SELECT k FROM expired UNION ALL SELECT k FROM due LIMIT <max>)
      UPDATE tasks SET %s
      FROM picked WHERE tasks.id = picked.k
      RETURNING tasks.*""".formatted(EXPIRED.formatted("id"), PENDING.formatted("id"), SET_CLAIMED);
  /**
   * PostgreSQL, for the claim's transaction only: read the partial indexes in their order, never a
   * bitmap of every due task and a sort. Without this the planner, whose statistics lag behind a
   * queue that was just filled (autovacuum analyses minutes later), may expect a dozen due rows
   * and gather and sort all of them, which makes a claim's cost grow with the backlog.
   */
  static final String PLAN_BY_INDEX =
      "SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true)";
  /** Puts the planner back when the claim ran inside a caller's transaction. */
  private static final String PLAN_AS_BEFORE =
      "SELECT set_config('enable_bitmapscan', 'on', true), set_config('enable_sort', 'on', true)";
  private static final Comparator<Task> CLAIM_ORDER = Comparator.comparing(Task::nextRunAt)
      .thenComparing(Task::createdAt).thenComparing(Task::id);
  private static final String COMPLETE = """
      UPDATE tasks SET status = 'completed', product_id = :productId, lease_owner = NULL,
        lease_expires_at = NULL, stage = :stage, percent = 100, progress_message = :message,
        error = NULL, updated_at = :now
      WHERE id = :id AND lease_owner = :worker AND status = 'in_progress'""";
  private static final String COMPLETE_ALL_POSTGRESQL = """
      UPDATE tasks SET status = 'completed', product_id = done.product_id, lease_owner = NULL,
        lease_expires_at = NULL, stage = :stage, percent = 100, progress_message = :message,
        error = NULL, updated_at = :now
      FROM unnest(:ids, :products) AS done (id, product_id)
      WHERE tasks.id = done.id AND tasks.lease_owner = :worker AND tasks.status = 'in_progress'
      RETURNING tasks.id""";
  private static final Progress DONE = Progress.at(Stage.COMMISSION_COMPLETE, "Your product is ready");

  private final Db db;

  /**
   * Creates the queue.
   *
   * @param db database access
   */
  public JdbiTaskQueue(Db db) {
    this.db = db;
  }

  @Override
  public Task enqueue(NewTask task) {
    long now = db.now();
    CommissionSpec spec = task.spec();
    return db.write(h -> h.createQuery("""
            INSERT INTO tasks (id, status, donation_id, commission_type, subreddit, post_id,
              image_quality, message, attempts, max_attempts, next_run_at, stage, percent,
              progress_message, created_at, updated_at)
            VALUES (:id, 'pending', :donationId, :type, :subreddit, :postId, :quality, :message, 0,
              :maxAttempts, :runAt, :stage, 0, :progressMessage, :now, :now)
            RETURNING *""")
        .bind("id", task.id())
        .bind("donationId", task.donationId())
        .bind("type", spec.type().wireName())
        .bind("subreddit", spec.subreddit())
        .bind("postId", spec.postId())
        .bind("quality", spec.quality().name().toLowerCase(Locale.ROOT))
        .bind("message", spec.message())
        .bind("maxAttempts", task.maxAttempts())
        .bind("runAt", task.runAt().toEpochMilli())
        .bind("stage", Progress.QUEUED.stage().wireName())
        .bind("progressMessage", Progress.QUEUED.message())
        .bind("now", now)
        .map((rs, ctx) -> map(rs)).one());
  }

  @Override
  public Optional<Task> claim(String workerId, Duration lease) {
    List<Task> claimed = claim(workerId, lease, 1);
    return claimed.isEmpty() ? Optional.empty() : Optional.of(claimed.get(0));
  }

  @Override
  public List<Task> claim(String workerId, Duration lease, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, not " + max);
    }
    long now = db.now();
    List<Task> claimed = new ArrayList<>(db.write(h -> {
      if (db.dialect() != Dialect.POSTGRESQL) {
        return claimStatement(h, workerId, now + lease.toMillis(), now, max);
      }
      boolean outer = h.isInTransaction();
      return h.inTransaction(tx -> {
        tx.createQuery(PLAN_BY_INDEX).mapTo(String.class).list();
        List<Task> tasks = claimStatement(tx, workerId, now + lease.toMillis(), now, max);
        if (outer) {
          tx.createQuery(PLAN_AS_BEFORE).mapTo(String.class).list();
        }
        return tasks;
      });
    }));
    // RETURNING gives no order: hand them out in run order, as single claims would.
    claimed.sort(CLAIM_ORDER);
    return claimed;
  }

  private List<Task> claimStatement(Handle h, String workerId, long leaseUntil, long now, int max) {
    // The batch size as a page's numbers (Db.number): bound, PostgreSQL planned every claim.
    return db.number(h.createQuery(claimSql(db.dialect())), "max", max)
        .bind("worker", workerId)
        .bind("leaseUntil", leaseUntil)
        .bind("now", now)
        .map((rs, ctx) -> map(rs)).list();
  }

  /**
   * The claim statement of a dialect; binds {@code worker}, {@code leaseUntil} and {@code now}, and
   * takes {@code max} from {@link Db#number}.
   */
  static String claimSql(Dialect dialect) {
    return dialect == Dialect.POSTGRESQL ? CLAIM_POSTGRESQL : CLAIM_SQLITE;
  }

  @Override
  public boolean heartbeat(String taskId, String workerId, Duration lease, Progress progress) {
    long now = db.now();
    return db.write(h -> h.createUpdate("""
            UPDATE tasks SET lease_expires_at = :leaseUntil, heartbeat_at = :now, updated_at = :now,
              stage = COALESCE(:stage, stage), percent = COALESCE(:percent, percent),
              progress_message = COALESCE(:message, progress_message)
            WHERE id = :id AND lease_owner = :worker AND status = 'in_progress'""")
        .bind("id", taskId)
        .bind("worker", workerId)
        .bind("leaseUntil", now + lease.toMillis())
        .bind("now", now)
        .bind("stage", progress == null ? null : progress.stage().wireName())
        .bind("percent", progress == null ? null : progress.percent())
        .bind("message", progress == null ? null : progress.message())
        .execute()) == 1;
  }

  @Override
  public boolean complete(String taskId, String workerId, long productId) {
    long now = db.now();
    return db.writeAtomically(h -> {
      boolean completed = h.createUpdate(COMPLETE)
          .bind("id", taskId)
          .bind("worker", workerId)
          .bind("productId", productId)
          .bind("stage", DONE.stage().wireName())
          .bind("message", DONE.message())
          .bind("now", now)
          .execute() == 1;
      if (completed) {
        GalleryCards.refreshLinked(h, db.dialect(), List.of(productId));
      }
      return completed;
    });
  }

  @Override
  public Set<String> completeAll(String workerId, Map<String, Long> productByTask) {
    if (productByTask.isEmpty()) {
      return Set.of();
    }
    long now = db.now();
    List<String> ids = List.copyOf(productByTask.keySet());
    if (db.dialect() == Dialect.POSTGRESQL) {
      // One statement: the ids and products travel as two arrays.
      Set<String> done = Set.copyOf(db.writeAtomically(h -> {
        List<String> completed = h.createQuery(COMPLETE_ALL_POSTGRESQL)
            .bindArray("ids", String.class, ids)
            .bindArray("products", Long.class, ids.stream().map(productByTask::get).toList())
            .bind("worker", workerId)
            .bind("stage", DONE.stage().wireName())
            .bind("message", DONE.message())
            .bind("now", now)
            .mapTo(String.class).list();
        GalleryCards.refreshLinked(h, db.dialect(), completed.stream().map(productByTask::get).toList());
        return completed;
      }));
      Set<String> inOrder = new LinkedHashSet<>();
      ids.stream().filter(done::contains).forEach(inOrder::add);
      return inOrder;
    }
    // SQLite: one batch in one transaction, so one commit.
    int[] counts = db.write(h -> h.inTransaction(tx -> {
      PreparedBatch batch = tx.prepareBatch(COMPLETE);
      for (String id : ids) {
        batch.bind("id", id)
            .bind("worker", workerId)
            .bind("productId", productByTask.get(id).longValue())
            .bind("stage", DONE.stage().wireName())
            .bind("message", DONE.message())
            .bind("now", now)
            .add();
      }
      int[] changed = batch.execute();
      List<Long> linked = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        if (changed[i] == 1) {
          linked.add(productByTask.get(ids.get(i)));
        }
      }
      GalleryCards.refreshLinked(tx, db.dialect(), linked);
      return changed;
    }));
    Set<String> completed = new LinkedHashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (counts[i] == 1) {
        completed.add(ids.get(i));
      }
    }
    return completed;
  }

  @Override
  public Optional<TaskStatus> fail(String taskId, String workerId, String error, boolean permanent,
      Instant retryAt) {
    long now = db.now();
    return db.write(h -> h.createQuery("""
            UPDATE tasks SET
              status = CASE WHEN :permanent OR attempts >= max_attempts THEN 'failed' ELSE 'pending' END,
              stage = CASE WHEN :permanent OR attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
              progress_message = CASE WHEN :permanent OR attempts >= max_attempts THEN :error
                ELSE 'Waiting to try again' END,
              next_run_at = :retryAt, lease_owner = NULL, lease_expires_at = NULL, error = :error,
              updated_at = :now
            WHERE id = :id AND lease_owner = :worker AND status = 'in_progress'
            RETURNING status""")
        .bind("id", taskId)
        .bind("worker", workerId)
        .bind("permanent", permanent)
        .bind("error", error)
        .bind("retryAt", retryAt.toEpochMilli())
        .bind("now", now)
        .mapTo(String.class)
        .findOne()
        .flatMap(TaskStatus::fromWire));
  }

  @Override
  public List<Task> failAbandoned() {
    long now = db.now();
    return db.write(h -> h.createQuery("""
            UPDATE tasks SET status = 'failed', stage = 'failed', lease_owner = NULL,
              lease_expires_at = NULL, error = 'The worker stopped and no attempts are left',
              progress_message = 'The worker stopped and no attempts are left', updated_at = :now
            WHERE status = 'in_progress' AND lease_expires_at < :now AND attempts >= max_attempts
            RETURNING *""")
        .bind("now", now)
        .map((rs, ctx) -> map(rs)).list());
  }

  @Override
  public boolean cancel(String taskId) {
    return db.write(h -> h.createUpdate("""
            UPDATE tasks SET status = 'cancelled', stage = 'failed', progress_message = 'Cancelled',
              lease_owner = NULL, lease_expires_at = NULL, updated_at = :now
            WHERE id = :id AND status IN ('pending', 'in_progress')""")
        .bind("id", taskId).bind("now", db.now()).execute()) == 1;
  }

  @Override
  public boolean retry(String taskId) {
    long now = db.now();
    return db.write(h -> h.createUpdate("""
            UPDATE tasks SET status = 'pending', attempts = 0, next_run_at = :now, error = NULL,
              stage = 'queued', percent = 0, progress_message = :message, updated_at = :now
            WHERE id = :id AND status IN ('failed', 'cancelled')""")
        .bind("id", taskId).bind("now", now).bind("message", Progress.QUEUED.message())
        .execute()) == 1;
  }

  @Override
  public Optional<Task> find(String taskId) {
    return db.read(h -> h.createQuery("SELECT * FROM tasks WHERE id = :id")
        .bind("id", taskId).map((rs, ctx) -> map(rs)).findOne());
  }

  @Override
  public Optional<Task> findByDonation(long donationId) {
    return db.read(h -> h.createQuery("SELECT * FROM tasks WHERE donation_id = :id")
        .bind("id", donationId).map((rs, ctx) -> map(rs)).findOne());
  }

  @Override
  public Page<Task> list(PageRequest page, TaskStatus status) {
    return db.newestByStatus("tasks", status == null ? null : status.wireName(), page, (rs, ctx) -> map(rs));
  }

  @Override
  public long depth() {
    // Two counts, each over one of the claim's partial indexes, rather than a scan of every task.
    return db.read(h -> h.createQuery("""
            SELECT (SELECT COUNT(*) FROM tasks WHERE status = 'pending')
              + (SELECT COUNT(*) FROM tasks WHERE status = 'in_progress')""")
        .mapTo(Long.class).one());
  }

  static Task map(ResultSet rs) throws SQLException {
    CommissionSpec spec = new CommissionSpec(
        CommissionType.fromWire(rs.getString("commission_type")).orElseThrow(),
        rs.getString("subreddit"),
        rs.getString("post_id"),
        ImageQuality.valueOf(rs.getString("image_quality").toUpperCase(Locale.ROOT)),
        rs.getString("message"));
    Progress progress = new Progress(Stage.fromWire(rs.getString("stage")).orElse(Stage.QUEUED),
        rs.getInt("percent"), rs.getString("progress_message"));
    return new Task(
        rs.getString("id"),
        TaskStatus.fromWire(rs.getString("status")).orElseThrow(),
        Rows.nullableLong(rs, "donation_id"),
        spec,
        rs.getInt("attempts"),
        rs.getInt("max_attempts"),
        Instant.ofEpochMilli(rs.getLong("next_run_at")),
        rs.getString("lease_owner"),
        Rows.instant(rs, "lease_expires_at"),
        Rows.instant(rs, "heartbeat_at"),
        progress,
        rs.getString("error"),
        Rows.nullableLong(rs, "product_id"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }
}
