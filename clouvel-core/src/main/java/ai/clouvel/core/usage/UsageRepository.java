package ai.clouvel.core.usage;


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
   * Sums every recorded call.
   *
   * @return the totals
   */
  UsageTotals totals();
}
