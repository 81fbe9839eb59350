package ai.clouvel.store.internal;

import ai.clouvel.core.usage.Usage;
import ai.clouvel.core.usage.UsageRecord;
import ai.clouvel.core.usage.UsageRepository;
import ai.clouvel.core.usage.UsageTotals;
import java.util.List;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Usage records on Jdbi. */
public final class JdbiUsage implements UsageRepository {
  private static final String INSERT = """
      INSERT INTO usage_records (run_id, purpose, model, input_tokens, output_tokens, images,
        cost_micros, created_at)
      VALUES (:runId, :purpose, :model, :in, :out, :images, :cost, :now)""";

  private final Db db;

  /**
   * Creates the repository.
   *
   * @param db database access
   */
  public JdbiUsage(Db db) {
    this.db = db;
  }

  @Override
  public void record(String runId, String purpose, Usage usage) {
    db.write(h -> h.createUpdate(INSERT)
        .bind("runId", runId)
        .bind("purpose", purpose)
        .bind("model", usage.model())
        .bind("in", usage.inputTokens())
        .bind("out", usage.outputTokens())
        .bind("images", usage.images())
        .bind("cost", usage.costMicros())
        .bind("now", db.now())
        .execute());
  }

  @Override
  public void recordAll(String runId, List<UsageRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    long now = db.now();
    // One batch in one transaction: one commit (one wait for SQLite's writer) for a run's calls.
    db.writeAtomically(h -> {
      PreparedBatch batch = h.prepareBatch(INSERT);
      for (UsageRecord entry : records) {
        Usage usage = entry.usage();
        batch.bind("runId", runId)
            .bind("purpose", entry.purpose())
            .bind("model", usage.model())
            .bind("in", usage.inputTokens())
            .bind("out", usage.outputTokens())
            .bind("images", usage.images())
            .bind("cost", usage.costMicros())
            .bind("now", now)
            .add();
      }
      return batch.execute();
    });
  }

  @Override
  public UsageTotals totals() {
    return db.read(h -> h.createQuery("""
            SELECT COUNT(*) AS calls, COALESCE(SUM(input_tokens), 0) AS input_tokens,
              COALESCE(SUM(output_tokens), 0) AS output_tokens, COALESCE(SUM(images), 0) AS images,
              COALESCE(SUM(cost_micros), 0) AS cost_micros
            FROM usage_records""")
        .map((rs, ctx) -> new UsageTotals(rs.getLong("calls"), rs.getLong("input_tokens"),
            rs.getLong("output_tokens"), rs.getLong("images"), rs.getLong("cost_micros")))
        .one());
  }
}
