package ai.clouvel.core.usage;

import java.util.Objects;

/**
 * What one provider call consumed, and what it cost.
 *
 * @param model the model that did the work, for example {@code "gpt-4o-mini"}; {@code "offline"}
 *     for the offline implementations
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens
 * @param images images generated
 * @param costMicros the cost in millionths of a US dollar (provider prices are fractions of a cent)
 */
public record Usage(String model, long inputTokens, long outputTokens, int images, long costMicros) {

  public Usage {
    Objects.requireNonNull(model, "model");
    if (inputTokens < 0 || outputTokens < 0 || images < 0 || costMicros < 0) {
      throw new IllegalArgumentException("usage cannot be negative");
    }
  }

  /**
   * Returns usage that consumed nothing, for work done offline.
   *
   * @param model the model or implementation name
   * @return the free usage
   */
  public static Usage free(String model) {
    return new Usage(model, 0, 0, 0, 0);
  }
}
