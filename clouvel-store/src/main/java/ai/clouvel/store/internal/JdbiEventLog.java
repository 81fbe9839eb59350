package ai.clouvel.store.internal;

import ai.clouvel.core.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The database side of the PostgreSQL event bus: {@code NOTIFY}, payloads too large for a
 * notification, and what changed since a moment (the catch-up after a lost connection).
 */
public final class JdbiEventLog {
  private static final Duration PAYLOAD_AGE = Duration.ofHours(1);

  private final Db db;

  /**
   * Creates the log.
   *
   * @param db database access
   */
  public JdbiEventLog(Db db) {
    this.db = db;
  }

  /**
   * Sends a notification on a channel, through the pool.
   *
   * @param channel the channel
   * @param payload the payload, within PostgreSQL's 8,000-byte limit
   */
  public void notify(String channel, String payload) {
    db.write(h -> h.createQuery("SELECT pg_notify(:channel, :payload)")
        .bind("channel", channel).bind("payload", payload).mapTo(String.class).findOne());
  }

  /**
   * Stores a payload too large to notify, and deletes the ones older than an hour.
   *
   * @param payload the payload
   * @return its id
   */
  public long storePayload(String payload) {
    long now = db.now();
    return db.write(h -> {
      h.createUpdate("DELETE FROM event_payloads WHERE created_at < :old")
          .bind("old", now - PAYLOAD_AGE.toMillis()).execute();
      return h.createQuery("INSERT INTO event_payloads (payload, created_at) VALUES (:payload, :now) RETURNING id")
          .bind("payload", payload).bind("now", now).mapTo(Long.class).one();
    });
  }

  /**
   * Reads a stored payload.
   *
   * @param id its id
   * @return the payload, or empty if it is gone
   */
  public Optional<String> payload(long id) {
    return db.read(h -> h.createQuery("SELECT payload FROM event_payloads WHERE id = :id")
        .bind("id", id).mapTo(String.class).findOne());
  }

  /**
   * Lists the tasks changed (created, progressed, finished) at or after a moment, oldest change first.
   *
   * @param since the moment
   * @param limit at most this many
   * @return the tasks as they are now
   */
  public List<Task> tasksChangedSince(Instant since, int limit) {
    return db.read(h -> h.createQuery(
            "SELECT * FROM tasks WHERE updated_at >= :since ORDER BY updated_at, id LIMIT :limit")
        .bind("since", since.toEpochMilli()).bind("limit", limit)
        .map((rs, ctx) -> JdbiTaskQueue.map(rs)).list());
  }

  /**
   * Lists the ids of products created at or after a moment, oldest first.
   *
   * @param since the moment
   * @param limit at most this many
   * @return the product ids
   */
  public List<Long> productsCreatedSince(Instant since, int limit) {
    return db.read(h -> h.createQuery(
            "SELECT id FROM products WHERE created_at >= :since ORDER BY created_at, id LIMIT :limit")
        .bind("since", since.toEpochMilli()).bind("limit", limit).mapTo(Long.class).list());
  }

  /**
   * Lists the ids of donations changed at or after a moment, oldest change first.
   *
   * @param since the moment
   * @param limit at most this many
   * @return the donation ids
   */
  public List<Long> donationsChangedSince(Instant since, int limit) {
    return db.read(h -> h.createQuery(
            "SELECT id FROM donations WHERE updated_at >= :since ORDER BY updated_at, id LIMIT :limit")
        .bind("since", since.toEpochMilli()).bind("limit", limit).mapTo(Long.class).list());
  }
}
