package ai.clouvel.core.commission.internal;

import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.progress.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which of a task's progress reports a worker writes to its row, and where it checks that it still
 * holds the task. Every report is published as an event at once (subscribers see each stage); the
 * row is written
 *
 * <ul>
 *   <li>at a report that comes at least the interval after the claim or the last write, and
 *   <li>at each heartbeat of the lease, with the latest report,
 * </ul>
 *
 * <p>so a task's stored progress lags its events by at most one heartbeat interval. A write
 * renews the lease and tells whether the worker still holds the task; at the image call's two
 * checkpoints, before it starts (no image is paid for on a task that was cancelled or taken over)
 * and after it ends (nothing is published for such a task), a report that is not written is
 * checked with a read instead. One instance per claimed task; reports arrive on the worker's
 * thread, image ticks and heartbeats on the ticker's, so its methods are synchronized.
 */
final class ProgressWrites {
  /** The image call's checkpoints. */
  private static final Set<Stage> CHECKPOINTS = Set.of(Stage.IMAGE_GENERATION_STARTED, Stage.IMAGE_GENERATED);

  private final Clock clock;
  private final Duration interval;
  private Instant lastWrite;
  private Progress latest;

  /**
   * Starts counting from the claim, which wrote the row.
   *
   * @param clock the worker's clock
   * @param interval the least time between two writes of reports
   */
  ProgressWrites(Clock clock, Duration interval) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.lastWrite = clock.instant();
  }

  /**
   * Takes a report and tells whether it is written now; if so, counts it as the last write.
   *
   * @param progress the report
   * @return {@code true} if the caller writes it now
   */
  synchronized boolean shouldWrite(Progress progress) {
    latest = progress;
    Instant now = clock.instant();
    if (now.isBefore(lastWrite.plus(interval))) {
      return false;
    }
    lastWrite = now;
    return true;
  }

  /**
   * Tells whether a report is one of the image call's checkpoints, where a worker that did not
   * write it checks that it still holds the task.
   *
   * @param progress the report
   * @return {@code true} before and after the image call
   */
  static boolean isCheckpoint(Progress progress) {
    return CHECKPOINTS.contains(progress.stage());
  }

  /**
   * Returns the latest report for a heartbeat to write with the lease, and counts it as written.
   *
   * @return the latest report, or {@code null} before the first
   */
  synchronized Progress forHeartbeat() {
    lastWrite = clock.instant();
    return latest;
  }
}
