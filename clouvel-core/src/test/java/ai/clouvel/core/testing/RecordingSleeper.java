package ai.clouvel.core.testing;

import ai.clouvel.core.time.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that never waits: it records each wait and, if given a clock, advances it. */
public final class RecordingSleeper implements Sleeper {
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final MutableClock clock;

  public RecordingSleeper() {
    this(null);
  }

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

  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  public Duration total() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
