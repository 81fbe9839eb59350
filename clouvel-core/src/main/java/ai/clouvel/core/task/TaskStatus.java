package ai.clouvel.core.task;

import ai.clouvel.core.internal.WireNames;
import java.util.Optional;

/** Where a task is in the durable queue. */
public enum TaskStatus {
  /** Waiting to be claimed, possibly not before its next run time. */
  PENDING,
  /** Claimed by a worker that holds a lease. */
  IN_PROGRESS,
  /** Done. */
  COMPLETED,
  /** Failed for good; attempts are exhausted or the failure is permanent. */
  FAILED,
  /** Cancelled by an admin. */
  CANCELLED;

  /**
   * Returns the snake_case name used in JSON and in the database.
   *
   * @return the wire name
   */
  public String wireName() {
    return WireNames.of(this);
  }

  /**
   * Finds a constant by its wire name.
   *
   * @param wire the wire name, in any case
   * @return the constant, or empty if none has that name
   */
  public static Optional<TaskStatus> fromWire(String wire) {
    return WireNames.parse(TaskStatus.class, wire);
  }
}
