package ai.clouvel.core.task;

import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.progress.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The durable queue of commission tasks. A worker claims a task and holds a lease on it, which it
 * renews with heartbeats; a task whose lease runs out is claimed again by another worker. Every
 * state change names the worker, so a worker that lost its lease cannot complete or fail a task
 * another worker now holds.
 */
public interface TaskQueue {

  /**
   * Enqueues a task. Inside {@code ClouvelStore.inTransaction} the task is part of that
   * transaction.
   *
   * @param task the task
   * @return the stored task
   * @throws ai.clouvel.core.store.DuplicateKeyException if the task id or its donation already has a task
   */
  Task enqueue(NewTask task);

  /**
   * Claims the next due task: a pending task whose run time has come, or an in-progress task
   * whose lease expired and that has attempts left. Counts an attempt.
   *
   * @param workerId the claiming worker
   * @param lease how long the worker holds it without a heartbeat
   * @return the claimed task, or empty if none is due
   */
  Optional<Task> claim(String workerId, Duration lease);

  /**
   * Claims up to {@code max} due tasks at once, each exactly as {@link #claim(String, Duration)}
   * would: tasks whose lease expired first, then pending tasks in run order. Every task returned
   * is held by this worker alone; an implementation claims them in as few round trips as it can.
   * The default claims them one by one.
   *
   * @param workerId the claiming worker
   * @param lease how long the worker holds each task without a heartbeat
   * @param max the most tasks to claim, at least 1
   * @return the claimed tasks, empty if none is due
   * @throws IllegalArgumentException if {@code max} is less than 1
   */
  default List<Task> claim(String workerId, Duration lease, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, not " + max);
    }
    List<Task> claimed = new ArrayList<>();
    while (claimed.size() < max) {
      Optional<Task> next = claim(workerId, lease);
      if (next.isEmpty()) {
        break;
      }
      claimed.add(next.get());
    }
    return claimed;
  }

  /**
   * Renews a lease, and records progress.
   *
   * @param taskId the task
   * @param workerId the worker that holds it
   * @param lease the new lease, from now
   * @param progress the progress to record, or {@code null} to keep the last one
   * @return {@code false} if the worker no longer holds the task
   */
  boolean heartbeat(String taskId, String workerId, Duration lease, Progress progress);

  /**
   * Marks a task completed.
   *
   * @param taskId the task
   * @param workerId the worker that holds it
   * @param productId the product it made
   * @return {@code false} if the worker no longer holds the task
   */
  boolean complete(String taskId, String workerId, long productId);

  /**
   * Marks several tasks completed, each exactly as {@link #complete(String, String, long)} would:
   * a task this worker no longer holds is left alone and is not in the answer. An implementation
   * completes them in as few round trips as it can; the default completes them one by one.
   *
   * @param workerId the worker that holds them
   * @param productByTask the product each task made, by task id
   * @return the ids of the tasks completed now
   */
  default Set<String> completeAll(String workerId, Map<String, Long> productByTask) {
    Set<String> completed = new LinkedHashSet<>();
    productByTask.forEach((taskId, productId) -> {
      if (complete(taskId, workerId, productId)) {
        completed.add(taskId);
      }
    });
    return completed;
  }

  /**
   * Records a failed attempt: the task goes back to pending until {@code retryAt}, or fails for
   * good if the failure is permanent or its attempts are exhausted.
   *
   * @param taskId the task
   * @param workerId the worker that holds it
   * @param error what went wrong
   * @param permanent whether retrying cannot help
   * @param retryAt when to try again
   * @return the task's status afterwards, or empty if the worker no longer holds the task
   */
  Optional<TaskStatus> fail(String taskId, String workerId, String error, boolean permanent, Instant retryAt);

  /**
   * Fails, for good, in-progress tasks whose lease expired with no attempts left.
   *
   * @return the tasks that failed now
   */
  List<Task> failAbandoned();

  /**
   * Cancels a task that has not finished.
   *
   * @param taskId the task
   * @return {@code true} if it was pending or in progress and is now cancelled
   */
  boolean cancel(String taskId);

  /**
   * Puts a failed or cancelled task back in the queue with fresh attempts.
   *
   * @param taskId the task
   * @return {@code true} if it was failed or cancelled and is now pending
   */
  boolean retry(String taskId);

  /**
   * Looks up a task.
   *
   * @param taskId the task
   * @return the task, or empty
   */
  Optional<Task> find(String taskId);

  /**
   * Looks up the task of a donation.
   *
   * @param donationId the donation
   * @return the task, or empty
   */
  Optional<Task> findByDonation(long donationId);

  /**
   * Lists tasks, newest first.
   *
   * @param page which page
   * @param status only this status, or {@code null} for all
   * @return the page
   */
  Page<Task> list(PageRequest page, TaskStatus status);

  /**
   * Counts unfinished tasks.
   *
   * @return pending plus in-progress tasks
   */
  long depth();
}
