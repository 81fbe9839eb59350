package ai.clouvel.agents.http;

import ai.clouvel.core.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import okhttp3.Headers;

/**
 * Keeps a client under a provider's request limit: never more than {@code permits} requests in
 * any window of {@code window}, and no request at all while the provider says its quota is spent
 * ({@code X-Ratelimit-Remaining: 0} with {@code X-Ratelimit-Reset: seconds}, Reddit's convention).
 * Waits go through the injected {@link Sleeper}. Thread-safe.
 */
public final class RequestPacer {
  private final int permits;
  private final Duration window;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Deque<Instant> recent = new ArrayDeque<>();
  private Instant pausedUntil = Instant.MIN;

  /**
   * Creates a pacer.
   *
   * @param permits requests allowed per window
   * @param window the window, for example one minute
   * @param clock what time it is
   * @param sleeper how to wait
   */
  public RequestPacer(int permits, Duration window, Clock clock, Sleeper sleeper) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be at least 1");
    }
    this.permits = permits;
    this.window = Objects.requireNonNull(window, "window");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Waits until a request may be sent, and counts it.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void acquire() throws InterruptedException {
    while (true) {
      Duration wait;
      synchronized (this) {
        Instant now = clock.instant();
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
          recent.removeFirst();
        }
        if (now.isBefore(pausedUntil)) {
          wait = Duration.between(now, pausedUntil);
        } else if (recent.size() >= permits) {
          wait = Duration.between(now, recent.peekFirst().plus(window));
        } else {
          recent.addLast(now);
          return;
        }
      }
      sleeper.sleep(wait);
    }
  }

  /**
   * Reads a response's rate-limit headers and pauses when the quota is spent.
   *
   * @param headers the response headers
   */
  public void observe(Headers headers) {
    String remaining = headers.get("x-ratelimit-remaining");
    String reset = headers.get("x-ratelimit-reset");
    if (remaining == null || reset == null) {
      return;
    }
    try {
      if (Double.parseDouble(remaining) < 1) {
        Instant until = clock.instant().plusMillis((long) (Double.parseDouble(reset) * 1000));
        synchronized (this) {
          if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
          }
        }
      }
    } catch (NumberFormatException ignored) {
      // A malformed header is no reason to fail the request that carried it.
    }
  }
}
