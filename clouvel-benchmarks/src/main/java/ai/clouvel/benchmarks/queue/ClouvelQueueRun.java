package ai.clouvel.benchmarks.queue;

import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.task.CommissionSpec;
import ai.clouvel.core.task.NewTask;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drains no-op tasks through Clouvel's {@link TaskQueue}: each worker claims a batch, "runs" it
 * (nothing), and completes it in one call, until nothing is due.
 */
final class ClouvelQueueRun {
  private static final CommissionSpec NO_OP = new CommissionSpec(CommissionType.RANDOM_RANDOM, null, null,
      ImageQuality.STANDARD, "");
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final AtomicInteger RUNS = new AtomicInteger();

  private ClouvelQueueRun() {
  }

  /**
   * Enqueues {@code tasks} tasks (not timed), then times {@code workers} workers draining them.
   *
   * @return the tasks completed per second
   */
  static double run(ClouvelStore store, int tasks, int workers, int batch) throws Exception {
    String prefix = "bench-" + RUNS.incrementAndGet() + "-";
    Instant due = Instant.now().minusSeconds(1);
    for (int from = 0; from < tasks; from += 5_000) {
      int start = from;
      store.inTransaction(tx -> {
        for (int i = start; i < Math.min(tasks, start + 5_000); i++) {
          tx.tasks().enqueue(new NewTask(prefix + i, null, NO_OP, 3, due));
        }
        return null;
      });
    }
    TaskQueue queue = store.tasks();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    long began = System.nanoTime();
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        String workerId = prefix + "worker-" + w;
        results.add(pool.submit(() -> {
          int done = 0;
          List<Task> claimed;
          while (!(claimed = queue.claim(workerId, LEASE, batch)).isEmpty()) {
            Map<String, Long> products = new LinkedHashMap<>();
            for (Task task : claimed) {
              products.put(task.id(), 0L);
            }
            done += queue.completeAll(workerId, products).size();
          }
          return done;
        }));
      }
      int completed = 0;
      for (Future<Integer> result : results) {
        completed += result.get();
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      if (completed != tasks || queue.depth() != 0) {
        throw new IllegalStateException("Clouvel completed " + completed + " of " + tasks + " tasks");
      }
      return tasks / seconds;
    } finally {
      pool.shutdownNow();
    }
  }
}
