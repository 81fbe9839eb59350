package ai.clouvel.test.time;

import ai.clouvel.core.time.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sleeper that never waits: it records each wait and, if given a clock, advances it, so retries
 * and backoff run instantly and their delays can be asserted. Thread-safe.
 */
public final class RecordingSleeper implements Sleeper {
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final MutableClock clock;

  /** Records waits without moving any clock. */
  public RecordingSleeper() {
    this(null);
  }

  /**
   * Records waits and moves a clock by each of them.
   *
   * @param clock the clock to advance, or {@code null}
   */
  public RecordingSleeper(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException();
    }
    sleeps.add(duration);
    if (clock != null) {
      clock.advance(duration);
    }
  }

  /**
   * Returns every wait asked for, in order.
   *
   * @return the waits
   */
  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /**
   * Returns the sum of the waits.
   *
   * @return the total
   */
  public Duration total() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
