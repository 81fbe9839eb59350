package ai.clouvel.core.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Usage summed over many calls.
 *
 * @param calls how many calls were recorded
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens
 * @param images images generated
 * @param costMicros the cost in millionths of a US dollar
 */
public record UsageTotals(long calls, long inputTokens, long outputTokens, long images, long costMicros) {

  /** Nothing used yet. */
  public static final UsageTotals NONE = new UsageTotals(0, 0, 0, 0, 0);

  /**
   * Adds one call.
   *
   * @param usage the call's usage
   * @return the new totals
   */
  public UsageTotals plus(Usage usage) {
    return new UsageTotals(calls + 1, inputTokens + usage.inputTokens(),
        outputTokens + usage.outputTokens(), images + usage.images(), costMicros + usage.costMicros());
  }

  /**
   * Formats the cost in dollars with four decimals, for example {@code "0.0412"}.
   *
   * @return the cost in US dollars
   */
  public String costUsd() {
    return BigDecimal.valueOf(costMicros, 6).setScale(4, RoundingMode.HALF_UP).toPlainString();
  }
}
