package ai.clouvel.core.time;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Ticker} backed by one daemon scheduler thread. Owned by whoever creates it; close it
 * to stop the thread.
 */
public final class ScheduledTicker implements Ticker, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ScheduledTicker.class);

  private final ScheduledExecutorService scheduler;

  /** Creates a ticker with its own daemon thread. */
  public ScheduledTicker() {
    AtomicInteger count = new AtomicInteger();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "clouvel-ticker-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public Ticking start(Duration period, Runnable tick) {
    long millis = Math.max(1, period.toMillis());
    ScheduledFuture<?> future = scheduler.scheduleAtFixedRate(() -> {
      try {
        tick.run();
      } catch (RuntimeException e) {
        log.warn("Progress tick failed", e);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
    return () -> future.cancel(false);
  }

  /** Stops the scheduler thread; ticks still running finish. */
  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
