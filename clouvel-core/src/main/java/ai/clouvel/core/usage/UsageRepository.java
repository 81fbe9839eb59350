package ai.clouvel.core.usage;

import java.util.List;

/** Records what provider calls consumed. */
public interface UsageRepository {

  /**
   * Records one call.
   *
   * @param runId the pipeline run the call belonged to
   * @param purpose what the call was for, for example {@code "idea"} or {@code "image"}
   * @param usage what it consumed
   */
  void record(String runId, String purpose, Usage usage);

  /**
   * Records several calls of one run at once, all or none. The pipeline records a run's calls this
   * way, once its model calls are done (or when it fails), so that a run costs one write instead of
   * one per call. The default records them one by one; a database store writes them in one
   * transaction.
   *
   * @param runId the pipeline run the calls belonged to
   * @param records the calls, in order
   */
  default void recordAll(String runId, List<UsageRecord> records) {
    for (UsageRecord entry : records) {
      record(runId, entry.purpose(), entry.usage());
    }
  }

  /**
   * Sums every recorded call.
   *
   * @return the totals
   */
  UsageTotals totals();
}
