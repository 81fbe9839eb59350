package ai.clouvel.core.task;

import java.time.Instant;
import java.util.Objects;

/**
 * A task to enqueue.
 *
 * @param id the task id, chosen by the caller so that retries of the same enqueue are detectable
 * @param donationId the donation that pays for it, or {@code null}; at most one task per donation
 * @param spec what to make
 * @param maxAttempts how many claims it may have
 * @param runAt not claimed before this time
 */
public record NewTask(String id, Long donationId, CommissionSpec spec, int maxAttempts, Instant runAt) {

  public NewTask {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(runAt, "runAt");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }
}
