package ai.clouvel.core.commission;

import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.event.EventBus;
import ai.clouvel.core.pipeline.PipelineException;
import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PipelineResult;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.pipeline.ProductPipeline;
import ai.clouvel.core.pipeline.Progress;
import ai.clouvel.core.pipeline.Stage;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskQueue;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.core.time.Ticker;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works on commission tasks one at a time: claims a task, runs the pipeline while renewing its
 * lease, records and publishes progress, completes the task, or records the failure (retried
 * later with backoff when transient) and refunds the donation when the task fails for good.
 * {@link WorkerPool} runs several of these on threads; tests call {@link #runOnce} directly.
 */
public final class CommissionWorker {
  private static final Logger log = LoggerFactory.getLogger(CommissionWorker.class);

  private final ClouvelStore store;
  private final ProductPipeline pipeline;
  private final Refunds refunds;
  private final EventBus events;
  private final Ticker ticker;
  private final CommissionSettings settings;
  private final Clock clock;

  CommissionWorker(ClouvelStore store, ProductPipeline pipeline, Refunds refunds, EventBus events, Ticker ticker,
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
  public boolean runOnce(String workerId) {
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
  public boolean runOnce(String workerId, BooleanSupplier abandon) {
    TaskQueue queue = store.tasks();
    Optional<Task> claimed = queue.claim(workerId, settings.lease());
    if (claimed.isEmpty()) {
      return false;
    }
    Task task = claimed.get();
    log.info("{} claimed task {} (attempt {}/{})", workerId, task.id(), task.attempts(), task.maxAttempts());
    AtomicBoolean leaseLost = new AtomicBoolean();
    try (Ticker.Ticking heartbeat = ticker.start(settings.heartbeatInterval(), () -> {
      if (!queue.heartbeat(task.id(), workerId, settings.lease(), null)) {
        leaseLost.set(true);
      }
    })) {
      PipelineResult result = pipeline.run(task.id(), requestFor(task), progress -> {
        if (!queue.heartbeat(task.id(), workerId, settings.lease(), progress)) {
          leaseLost.set(true);
        }
        publish(task.id(), TaskStatus.IN_PROGRESS, progress, null, null);
      });
      complete(task, workerId, result);
    } catch (RuntimeException e) {
      if (abandon.getAsBoolean()) {
        log.warn("{} abandoned task {}; its lease will run out and another worker will resume it", workerId, task.id());
        return true;
      }
      fail(task, workerId, e);
    }
    if (leaseLost.get()) {
      log.warn("{} lost the lease of task {} while working on it", workerId, task.id());
    }
    return true;
  }

  /**
   * Fails, for good, tasks whose worker vanished with no attempts left, and refunds them.
   *
   * @return the tasks failed now
   */
  public List<Task> failAbandoned() {
    List<Task> abandoned = store.tasks().failAbandoned();
    for (Task task : abandoned) {
      publish(task.id(), TaskStatus.FAILED, task.progress(), null, task.error());
      if (task.donationId() != null) {
        refunds.refundFailedCommission(task.donationId(), task.error());
      }
    }
    return abandoned;
  }

  private void complete(Task task, String workerId, PipelineResult result) {
    long productId = result.product().id();
    if (!store.tasks().complete(task.id(), workerId, productId)) {
      log.warn("{} made product {} for task {} but no longer holds it", workerId, productId, task.id());
      return;
    }
    if (task.donationId() != null) {
      store.donations().assignPost(task.donationId(), result.product().subreddit(), result.product().postId());
    }
    publish(task.id(), TaskStatus.COMPLETED, Progress.at(Stage.COMMISSION_COMPLETE,
        "\"" + result.product().idea().imageTitle() + "\" is ready"), productId, null);
    events.publish(new ClouvelEvent.ProductCreated(result.product(), clock.instant()));
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
    Optional<TaskStatus> status = store.tasks().fail(task.id(), workerId, error, permanent,
        clock.instant().plus(settings.backoff(task.attempts())));
    if (status.isEmpty()) {
      return;
    }
    Progress progress = status.get() == TaskStatus.FAILED
        ? new Progress(Stage.FAILED, 0, error)
        : new Progress(Stage.QUEUED, 0, "Waiting to try again");
    publish(task.id(), status.get(), progress, null, error);
    if (status.get() == TaskStatus.FAILED && task.donationId() != null) {
      refunds.refundFailedCommission(task.donationId(), error);
    }
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
