package ai.clouvel.core.usage;

import java.util.Objects;

/**
 * One answered model call's usage, with what the call was for.
 *
 * @param purpose what the call was for, for example {@code "idea"} or {@code "image"}
 * @param usage what it consumed
 */
public record UsageRecord(String purpose, Usage usage) {

  public UsageRecord {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(usage, "usage");
  }
}
