package ai.clouvel.test.time;

import ai.clouvel.core.time.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A ticker whose ticks a test fires by hand with {@link #tick()}. Thread-safe. */
public final class ManualTicker implements Ticker {
  private final List<Runnable> active = new CopyOnWriteArrayList<>();
  private volatile Duration lastPeriod;

  @Override
  public Ticking start(Duration period, Runnable tick) {
    lastPeriod = period;
    active.add(tick);
    return () -> active.remove(tick);
  }

  /** Fires every running series once. */
  public void tick() {
    active.forEach(Runnable::run);
  }

  /**
   * Counts the series started and not yet closed.
   *
   * @return how many run
   */
  public int activeCount() {
    return active.size();
  }

  /**
   * Returns the period of the last series started.
   *
   * @return the period, or {@code null} if none started
   */
  public Duration lastPeriod() {
    return lastPeriod;
  }
}
