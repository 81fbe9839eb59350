package ai.clouvel.test.data;

import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.task.CommissionSpec;
import ai.clouvel.core.task.NewTask;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds a valid {@link NewTask} for a test of the task queue or of code that reads tasks. For
 * example, a commission of r/hiking that may be tried only once:
 *
 * <pre>{@code
 * Task task = store.tasks().enqueue(TaskBuilder.task(clock.instant())
 *     .subreddit("hiking")
 *     .maxAttempts(1)
 *     .build());
 * }</pre>
 *
 * <p>Unless changed, a task has a random UUID as its id, no donation, the spec
 * {@link #DEFAULT_SPEC} and three attempts, and is due at the instant given to
 * {@link #task(Instant)}. The builder only describes the task: {@link #build()} enqueues nothing.
 *
 * <p>A builder is mutable and not thread-safe.
 */
public final class TaskBuilder {
  /**
   * The spec of a task unless {@link #spec(CommissionSpec)} or {@link #subreddit(String)} changes
   * it: {@link CommissionType#RANDOM_RANDOM} (any post of any subreddit), at
   * {@link ImageQuality#STANDARD}, without a message.
   */
  public static final CommissionSpec DEFAULT_SPEC =
      new CommissionSpec(CommissionType.RANDOM_RANDOM, null, null, ImageQuality.STANDARD, "");
  // A random id keeps two builders from colliding on the queue's unique task id.
  private String id = UUID.randomUUID().toString();
  private Long donation;
  private CommissionSpec spec = DEFAULT_SPEC;
  private int maxAttempts = 3;
  private Instant runAt;

  private TaskBuilder(Instant runAt) {
    this.runAt = runAt;
  }

  /**
   * Starts a task.
   *
   * @param runAt when the task becomes due; it is not claimed before then. Usually the test
   *     clock's {@code instant()}
   * @return a new builder
   */
  public static TaskBuilder task(Instant runAt) {
    return new TaskBuilder(runAt);
  }

  /**
   * Sets the donation that pays for the task. A queue holds at most one task per donation.
   *
   * @param v the donation's id, or {@code null} for a task nobody paid for (manual or scheduled)
   * @return this builder
   */
  public TaskBuilder donation(Long v) {
    donation = v;
    return this;
  }

  /**
   * Sets the task id, replacing the random one; a fixed id lets a test provoke a duplicate enqueue.
   *
   * @param v the task id
   * @return this builder
   */
  public TaskBuilder id(String v) {
    id = v;
    return this;
  }

  /**
   * Sets how many times the task may be claimed before it fails for good.
   *
   * @param v the number of attempts, at least 1
   * @return this builder
   */
  public TaskBuilder maxAttempts(int v) {
    maxAttempts = v;
    return this;
  }

  /**
   * Sets when the task becomes due, replacing the instant given to {@link #task(Instant)}.
   *
   * @param v the instant before which the task is not claimed
   * @return this builder
   */
  public TaskBuilder runAt(Instant v) {
    runAt = v;
    return this;
  }

  /**
   * Sets what the task must make.
   *
   * @param v the spec
   * @return this builder
   */
  public TaskBuilder spec(CommissionSpec v) {
    spec = v;
    return this;
  }

  /**
   * Makes the task a {@link CommissionType#RANDOM_SUBREDDIT} commission of a subreddit, at
   * {@link ImageQuality#STANDARD} and without a message. It replaces the whole spec, so a spec
   * set earlier with {@link #spec(CommissionSpec)} is lost.
   *
   * @param v the subreddit, without {@code r/}
   * @return this builder
   * @throws IllegalArgumentException if the subreddit is {@code null} or blank
   */
  public TaskBuilder subreddit(String v) {
    spec = new CommissionSpec(CommissionType.RANDOM_SUBREDDIT, v, null, ImageQuality.STANDARD, "");
    return this;
  }

  /**
   * Builds the task from the current settings. The builder can be changed and built again; set a
   * new {@link #id(String)} before enqueueing a second task from it.
   *
   * @return the task to enqueue
   * @throws NullPointerException if the id, spec or due time is {@code null}
   * @throws IllegalArgumentException if fewer than one attempt is allowed
   */
  public NewTask build() {
    return new NewTask(id, donation, spec, maxAttempts, runAt);
  }
}
