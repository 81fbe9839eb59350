package ai.clouvel.core.time;

import java.time.Duration;

/**
 * Waits for a while. Every wait in Clouvel (retry backoff, worker polling, rate limiting) goes
 * through a {@code Sleeper} so that tests can replace real time with a fake one and never wait.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Blocks the calling thread for {@code duration}.
   *
   * @param duration how long to wait; zero or negative returns at once
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Returns a sleeper that really waits, using {@link Thread#sleep(long)}.
   *
   * @return the real-time sleeper
   */
  static Sleeper system() {
    return duration -> {
      long millis = duration.toMillis();
      if (millis > 0) {
        Thread.sleep(millis);
      }
    };
  }
}
