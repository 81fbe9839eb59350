package ai.clouvel.core.task;

import ai.clouvel.core.progress.Progress;
import java.time.Instant;
import java.util.Objects;

/**
 * A commission task in the durable queue.
 *
 * @param id the task id
 * @param status where the task is
 * @param donationId the donation that paid for it, or {@code null} for free tasks
 * @param spec what to make
 * @param attempts how many times it was claimed
 * @param maxAttempts how many claims it may have before it fails for good
 * @param nextRunAt not claimed before this time
 * @param leaseOwner the worker that holds it, or {@code null}
 * @param leaseExpiresAt when the holder's lease runs out, or {@code null}
 * @param heartbeatAt the holder's last sign of life, or {@code null}
 * @param progress the last reported progress
 * @param error the last error, or {@code null}
 * @param productId the product it made, or {@code null}
 * @param createdAt when it was enqueued
 * @param updatedAt when it last changed
 */
public record Task(
    String id,
    TaskStatus status,
    Long donationId,
    CommissionSpec spec,
    int attempts,
    int maxAttempts,
    Instant nextRunAt,
    String leaseOwner,
    Instant leaseExpiresAt,
    Instant heartbeatAt,
    Progress progress,
    String error,
    Long productId,
    Instant createdAt,
    Instant updatedAt) {

  public Task {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(nextRunAt, "nextRunAt");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * Tells whether the task reached an end state.
   *
   * @return {@code true} for completed, failed and cancelled tasks
   */
  public boolean isFinished() {
    return status == TaskStatus.COMPLETED || status == TaskStatus.FAILED
        || status == TaskStatus.CANCELLED;
  }
}
