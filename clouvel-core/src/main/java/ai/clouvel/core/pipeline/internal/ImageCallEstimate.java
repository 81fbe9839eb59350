package ai.clouvel.core.pipeline.internal;

import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.progress.Stage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Estimates how long an image call takes from the durations of recent calls, and turns elapsed
 * time into honest progress between 40% and 89%. Thread-safe.
 */
final class ImageCallEstimate {
  private static final int WINDOW = 20;
  private static final int FIRST_PERCENT = Stage.IMAGE_GENERATION_STARTED.percent();
  private static final int LAST_PERCENT = Stage.IMAGE_GENERATED.percent() - 1;

  private final Duration initialGuess;
  private final Deque<Duration> recent = new ArrayDeque<>();

  ImageCallEstimate(Duration initialGuess) {
    this.initialGuess = initialGuess;
  }

  synchronized void record(Duration duration) {
    if (recent.size() == WINDOW) {
      recent.removeFirst();
    }
    recent.addLast(duration);
  }

  /** The median of recent calls, or the initial guess before any call finished. */
  synchronized Duration estimate() {
    if (recent.isEmpty()) {
      return initialGuess;
    }
    List<Duration> sorted = new ArrayList<>(recent);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  Progress progressAfter(Duration elapsed) {
    Duration estimate = estimate();
    double fraction = estimate.isZero() ? 1.0 : (double) elapsed.toMillis() / estimate.toMillis();
    int span = LAST_PERCENT - FIRST_PERCENT;
    int percent = FIRST_PERCENT + (int) Math.min(span, Math.floor(fraction * span));
    long elapsedSeconds = elapsed.toSeconds();
    long leftSeconds = estimate.minus(elapsed).toSeconds();
    String message = leftSeconds > 0
        ? "Painting the image: " + elapsedSeconds + " s so far, about " + leftSeconds + " s left"
        : "Painting the image: " + elapsedSeconds + " s so far, longer than the usual "
            + estimate.toSeconds() + " s";
    return new Progress(Stage.IMAGE_GENERATION_IN_PROGRESS, percent, message);
  }
}
