package ai.clouvel.core.commission.internal;

import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.progress.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which of a task's progress reports a worker writes to its row. Every report is published as an
 * event (subscribers see each stage at once); the row, which renews the lease and tells the worker
 * whether it still holds the task, is written only
 *
 * <ul>
 *   <li>at the image call's two checkpoints: before it starts (no image is paid for on a task that
 *       was cancelled or taken over) and after it ends (nothing is published for such a task), and
 *   <li>at any other report once the interval has passed since the claim or the last write, so that
 *       a task's stored stage is never older than one stage and that interval.
 * </ul>
 *
 * <p>The heartbeat ticker renews the lease in between. One instance per claimed task; reports
 * arrive on the worker's thread and the image ticks on the ticker's, so its methods are
 * synchronized.
 */
final class ProgressWrites {
  /** The image call's checkpoints, always written. */
  private static final Set<Stage> CHECKPOINTS = Set.of(Stage.IMAGE_GENERATION_STARTED, Stage.IMAGE_GENERATED);

  private final Clock clock;
  private final Duration interval;
  private Instant lastWrite;

  /**
   * Starts counting from the claim, which wrote the row.
   *
   * @param clock the worker's clock
   * @param interval the longest time a report waits for the row when it is not a checkpoint
   */
  ProgressWrites(Clock clock, Duration interval) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.lastWrite = clock.instant();
  }

  /**
   * Tells whether a report is written to the row, and if so counts it as the last write.
   *
   * @param progress the report
   * @return {@code true} if the caller writes it now
   */
  synchronized boolean shouldWrite(Progress progress) {
    Instant now = clock.instant();
    if (!CHECKPOINTS.contains(progress.stage()) && now.isBefore(lastWrite.plus(interval))) {
      return false;
    }
    lastWrite = now;
    return true;
  }
}
