package ai.clouvel.core.commission.internal;

import ai.clouvel.core.commission.CommissionSettings;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.event.EventBus;
import ai.clouvel.core.pipeline.PipelineException;
import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PipelineResult;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.pipeline.internal.PipelineEngine;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.progress.Stage;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.task.CommissionSpec;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskQueue;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.core.time.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works on commission tasks one at a time: claims a task, runs the pipeline while renewing its
 * lease, publishes every progress report and writes some of them to the task ({@link
 * ProgressWrites}), completes the task, or records the failure (retried
 * later with backoff when transient) and refunds the donation when the task fails for good.
 * {@link WorkerPool} runs several of these on threads; tests call {@link #runOnce} directly.
 */
final class CommissionWorker {
  private static final Logger log = LoggerFactory.getLogger(CommissionWorker.class);
  /**
   * How long a stage report that is not one of the image call's checkpoints may wait before it is
   * written to the task's row (see {@link ProgressWrites}); events go out for every report at once.
   */
  static final Duration PROGRESS_WRITE_INTERVAL = Duration.ofSeconds(1);

  private final ClouvelStore store;
  private final PipelineEngine pipeline;
  private final Refunds refunds;
  private final EventBus events;
  private final Ticker ticker;
  private final CommissionSettings settings;
  private final Clock clock;

  CommissionWorker(ClouvelStore store, PipelineEngine pipeline, Refunds refunds, EventBus events, Ticker ticker,
      CommissionSettings settings, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.refunds = Objects.requireNonNull(refunds, "refunds");
    this.events = Objects.requireNonNull(events, "events");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Claims and works on one task, if one is due.
   *
   * @param workerId this worker's unique id
   * @return {@code true} if a task was worked on
   */
  boolean runOnce(String workerId) {
    return runOnce(workerId, () -> false);
  }

  /**
   * Claims and works on one task, if one is due.
   *
   * @param workerId this worker's unique id
   * @param abandon tells, when the work fails, whether the worker is being killed; an abandoned task
   *     is left to its lease, and another worker resumes it
   * @return {@code true} if a task was worked on
   */
  @SuppressWarnings("try") // the heartbeat is held only for its scope: closing it stops the heartbeats
  boolean runOnce(String workerId, BooleanSupplier abandon) {
    TaskQueue queue = store.tasks();
    Optional<Task> claimed = queue.claim(workerId, settings.lease());
    if (claimed.isEmpty()) {
      return false;
    }
    Task task = claimed.get();
    log.info("{} claimed task {} (attempt {}/{})", workerId, task.id(), task.attempts(), task.maxAttempts());
    AtomicBoolean leaseLost = new AtomicBoolean();
    ProgressWrites writes = new ProgressWrites(clock, PROGRESS_WRITE_INTERVAL);
    try (Ticker.Ticking heartbeat = ticker.start(settings.heartbeatInterval(), () -> {
      synchronized (writes) {
        if (!queue.heartbeat(task.id(), workerId, settings.lease(), writes.forHeartbeat())) {
          leaseLost.set(true);
        }
      }
    })) {
      // On the task's first claim no earlier attempt can have reserved a post or saved a draft.
      PipelineResult result = pipeline.runDraft(task.id(), requestFor(task), progress -> {
        if (!stillHeld(queue, task, workerId, writes, progress)) {
          leaseLost.set(true);
        }
        if (leaseLost.get()) {
          // Cancelled, or taken over after the lease ran out: stop at this stage boundary.
          throw new CancellationException("task " + task.id() + " is no longer held by " + workerId);
        }
        publish(task.id(), TaskStatus.IN_PROGRESS, progress, null, null);
      }, task.attempts() == 1);
      complete(task, workerId, result);
    } catch (CancellationException e) {
      stopped(task, workerId);
    } catch (RuntimeException e) {
      if (abandon.getAsBoolean()) {
        log.warn("{} abandoned task {}; its lease will run out and another worker will resume it", workerId, task.id());
        return true;
      }
      fail(task, workerId, e);
    }
    return true;
  }

  /**
   * Writes a report to the task's row if it is due ({@link ProgressWrites}), or at a checkpoint
   * reads whether the task is still this worker's; other reports change nothing here.
   *
   * @return {@code false} if the task is known to be no longer held
   */
  private boolean stillHeld(TaskQueue queue, Task task, String workerId, ProgressWrites writes,
      Progress progress) {
    synchronized (writes) {
      if (writes.shouldWrite(progress)) {
        return queue.heartbeat(task.id(), workerId, settings.lease(), progress);
      }
    }
    if (!ProgressWrites.isCheckpoint(progress)) {
      return true;
    }
    return queue.find(task.id()).filter(now -> now.status() == TaskStatus.IN_PROGRESS
        && workerId.equals(now.leaseOwner())).isPresent();
  }

  /**
   * Fails, for good, tasks whose worker vanished with no attempts left, frees their posts and
   * refunds them.
   *
   * @return the tasks failed now
   */
  List<Task> failAbandoned() {
    List<Long> refundsDecided = new ArrayList<>();
    List<Task> abandoned = store.inTransaction(tx -> {
      refundsDecided.clear();
      List<Task> failed = tx.tasks().failAbandoned();
      for (Task task : failed) {
        if (endedWithoutProduct(tx, task, task.error())) {
          refundsDecided.add(task.donationId());
        }
      }
      return failed;
    });
    for (Task task : abandoned) {
      publish(task.id(), TaskStatus.FAILED, task.progress(), null, task.error());
    }
    refundsDecided.forEach(refunds::afterDecision);
    return abandoned;
  }

  private void complete(Task task, String workerId, PipelineResult result) {
    Product product = result.product();
    boolean completed = store.inTransaction(tx -> {
      if (!tx.tasks().complete(task.id(), workerId, product.id())) {
        return false;
      }
      tx.products().publish(product.id());
      if (task.donationId() != null) {
        tx.donations().assignPost(task.donationId(), product.subreddit(), product.postId());
      }
      return true;
    });
    if (!completed) {
      stopped(task, workerId);
      return;
    }
    publish(task.id(), TaskStatus.COMPLETED, Progress.at(Stage.COMMISSION_COMPLETE,
        "\"" + product.idea().imageTitle() + "\" is ready"), product.id(), null);
    events.publish(new ClouvelEvent.ProductCreated(product, clock.instant()));
  }

  /** The task was taken from this worker: cancelled (its draft goes) or resumed by another worker (it stays). */
  private void stopped(Task task, String workerId) {
    Optional<Task> now = store.tasks().find(task.id());
    if (now.isPresent() && now.get().status() == TaskStatus.CANCELLED) {
      store.products().discardDraft(task.id());
      log.info("{} stopped task {}: it was cancelled", workerId, task.id());
    } else {
      log.warn("{} stopped task {}: it is no longer held by this worker", workerId, task.id());
    }
  }

  private void fail(Task task, String workerId, RuntimeException e) {
    boolean permanent = e instanceof PipelineException pipelineFailure && !pipelineFailure.isTransient();
    String error = e instanceof PipelineException ? e.getMessage() : "Unexpected failure: " + e;
    if (!(e instanceof PipelineException)) {
      log.error("Task {} failed unexpectedly", task.id(), e);
    } else {
      log.warn("Task {} failed at attempt {} ({}): {}", task.id(), task.attempts(),
          permanent ? "permanent" : "transient", error);
    }
    Outcome outcome = store.inTransaction(tx -> {
      TaskStatus status = tx.tasks().fail(task.id(), workerId, error, permanent,
          clock.instant().plus(settings.backoff(task.attempts()))).orElse(null);
      boolean refund = status == TaskStatus.FAILED && endedWithoutProduct(tx, task, error);
      return new Outcome(status, refund);
    });
    if (outcome.status() == null) {
      return;
    }
    Progress progress = outcome.status() == TaskStatus.FAILED
        ? new Progress(Stage.FAILED, 0, error)
        : new Progress(Stage.QUEUED, 0, "Waiting to try again");
    publish(task.id(), outcome.status(), progress, null, error);
    if (outcome.refund()) {
      refunds.afterDecision(task.donationId());
    }
  }

  /** In the transaction that ends a task for good: frees its post, drops its draft, decides the refund. */
  private boolean endedWithoutProduct(ClouvelStore tx, Task task, String reason) {
    tx.posts().release(task.id());
    tx.products().discardDraft(task.id());
    return task.donationId() != null && refunds.decide(tx, task.donationId(), reason);
  }

  /** What failing did: the task's new status ({@code null} if it was no longer ours), and whether a refund was decided. */
  private record Outcome(TaskStatus status, boolean refund) {
  }

  private PipelineRequest requestFor(Task task) {
    CommissionSpec spec = task.spec();
    PostSelection selection = switch (spec.type()) {
      case RANDOM_RANDOM -> PostSelection.anySubreddit();
      case RANDOM_SUBREDDIT -> PostSelection.fromSubreddit(spec.subreddit());
      case SPECIFIC_POST -> PostSelection.post(spec.postId());
    };
    return new PipelineRequest(selection, spec.quality(), settings.template(), spec.message());
  }

  private void publish(String taskId, TaskStatus status, Progress progress, Long productId, String error) {
    events.publish(new ClouvelEvent.TaskUpdated(taskId, status, progress, productId, error, clock.instant()));
  }
}
