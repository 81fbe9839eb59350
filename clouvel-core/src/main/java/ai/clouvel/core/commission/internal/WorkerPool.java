package ai.clouvel.core.commission.internal;

import ai.clouvel.core.commission.CommissionSettings;
import ai.clouvel.core.time.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link CommissionWorker}s on threads with a configurable concurrency, plus one maintenance
 * loop that fails abandoned tasks, retries due refunds and runs the scheduler. Idle workers wait
 * through the injected {@link Sleeper}. Stop gracefully with {@link #stop}; {@link #kill()} drops
 * in-flight tasks on the floor, as a crash would, for their leases to expire.
 */
final class WorkerPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

  private final CommissionWorker worker;
  private final Runnable maintenance;
  private final CommissionSettings settings;
  private final Sleeper sleeper;
  private final String poolId = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean killed = new AtomicBoolean();
  private final AtomicInteger busy = new AtomicInteger();
  private ExecutorService threads;
  private ExecutorService maintenanceThread;

  WorkerPool(CommissionWorker worker, Runnable maintenance, CommissionSettings settings, Sleeper sleeper) {
    this.worker = Objects.requireNonNull(worker, "worker");
    this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Starts the worker threads and the maintenance loop. Does nothing if already running.
   *
   * @return this pool
   */
  synchronized WorkerPool start() {
    if (!running.compareAndSet(false, true)) {
      return this;
    }
    killed.set(false);
    AtomicInteger count = new AtomicInteger();
    threads = Executors.newFixedThreadPool(settings.workers(), runnable -> {
      Thread thread = new Thread(runnable, "clouvel-worker-" + poolId + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    for (int i = 1; i <= settings.workers(); i++) {
      String workerId = "worker-" + poolId + "-" + i;
      threads.submit(() -> workLoop(workerId));
    }
    maintenanceThread = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "clouvel-maintenance-" + poolId);
      thread.setDaemon(true);
      return thread;
    });
    maintenanceThread.submit(this::maintenanceLoop);
    log.info("Started {} commission worker(s), pool {}", settings.workers(), poolId);
    return this;
  }

  /**
   * Tells whether the pool is running.
   *
   * @return {@code true} between {@link #start} and {@link #stop}
   */
  boolean isRunning() {
    return running.get();
  }

  /**
   * Returns the number of configured workers.
   *
   * @return the concurrency
   */
  int size() {
    return settings.workers();
  }

  /**
   * Returns how many workers are on a task right now.
   *
   * @return busy workers
   */
  int busyWorkers() {
    return busy.get();
  }

  /**
   * Stops claiming tasks and waits for the ones in flight to finish.
   *
   * @param grace how long to wait before interrupting
   */
  synchronized void stop(Duration grace) {
    if (!running.compareAndSet(true, false)) {
      return;
    }
    // Maintenance holds no task: interrupt its long wait at once. Workers finish what they hold.
    maintenanceThread.shutdownNow();
    threads.shutdown();
    try {
      if (!threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        threads.shutdownNow();
      }
    } catch (InterruptedException e) {
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops at once, as a crash would: tasks in flight are not completed nor failed; their leases
   * run out and other workers resume them.
   */
  synchronized void kill() {
    if (!running.compareAndSet(true, false)) {
      return;
    }
    killed.set(true);
    maintenanceThread.shutdownNow();
    threads.shutdownNow();
  }

  /** Stops gracefully, waiting up to 30 seconds. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }

  private void workLoop(String workerId) {
    while (running.get()) {
      boolean worked;
      busy.incrementAndGet();
      try {
        worked = worker.runOnce(workerId, killed::get);
      } catch (RuntimeException e) {
        if (killed.get()) {
          return;
        }
        log.error("{} failed outside a task", workerId, e);
        worked = false;
      } finally {
        busy.decrementAndGet();
      }
      if (!worked && !idle(settings.pollInterval())) {
        return;
      }
    }
  }

  private void maintenanceLoop() {
    while (running.get()) {
      try {
        maintenance.run();
      } catch (RuntimeException e) {
        if (killed.get()) {
          return;
        }
        log.error("Commission maintenance failed", e);
      }
      if (!idle(settings.maintenanceInterval())) {
        return;
      }
    }
  }

  /** Waits; returns {@code false} if the thread was interrupted and should end. */
  private boolean idle(Duration wait) {
    try {
      sleeper.sleep(wait);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
