package ai.clouvel.core.time;

import java.time.Duration;

/**
 * Runs an action repeatedly while a long operation is under way, for example to report the
 * progress of an image call. Injectable so tests can fire ticks by hand instead of waiting.
 */
@FunctionalInterface
public interface Ticker {

  /**
   * Starts calling {@code tick} every {@code period} until the returned handle is closed.
   *
   * @param period time between two ticks
   * @param tick the action; exceptions it throws are the caller's concern
   * @return a handle whose {@code close()} stops the ticks
   */
  Ticking start(Duration period, Runnable tick);

  /** A running series of ticks; closing it stops them. */
  interface Ticking extends AutoCloseable {
    /** Stops the ticks. Never throws. */
    @Override
    void close();
  }

  /**
   * A ticker that never ticks, for callers that do not want intermediate progress.
   *
   * @return the silent ticker
   */
  static Ticker none() {
    return (period, tick) -> () -> { };
  }
}
