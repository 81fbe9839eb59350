package ai.clouvel.test.assertions;

import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import java.time.Instant;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link Task}; start them with {@link ClouvelAssertions#assertThat(Task)}. */
public final class TaskAssert extends AbstractAssert<TaskAssert, Task> {

  TaskAssert(Task actual) {
    super(actual, TaskAssert.class);
  }

  /**
   * Checks the task's status.
   *
   * @param expected the status
   * @return this
   */
  public TaskAssert hasStatus(TaskStatus expected) {
    isNotNull();
    if (actual.status() != expected) {
      failWithMessage("Expected task %s to be %s but it was %s%s", actual.id(), expected, actual.status(),
          actual.error() == null ? "" : " (error: " + actual.error() + ")");
    }
    return this;
  }

  /**
   * Checks how many attempts the task has used.
   *
   * @param expected the attempts
   * @return this
   */
  public TaskAssert hasAttempts(int expected) {
    isNotNull();
    if (actual.attempts() != expected) {
      failWithMessage("Expected task %s to have used %d attempts but it used %d", actual.id(), expected,
          actual.attempts());
    }
    return this;
  }

  /**
   * Checks that a worker holds the task's lease.
   *
   * @param owner the worker
   * @return this
   */
  public TaskAssert isLeasedBy(String owner) {
    isNotNull();
    if (!Objects.equals(actual.leaseOwner(), owner)) {
      failWithMessage("Expected task %s to be leased by %s but its lease owner was %s", actual.id(), owner,
          actual.leaseOwner());
    }
    return this;
  }

  /**
   * Checks the product the task made.
   *
   * @param productId the product
   * @return this
   */
  public TaskAssert producedProduct(long productId) {
    isNotNull();
    if (actual.productId() == null || actual.productId() != productId) {
      failWithMessage("Expected task %s to have made product %d but it made %s", actual.id(), productId,
          actual.productId());
    }
    return this;
  }

  /**
   * Checks that the task's error mentions a text.
   *
   * @param text the text
   * @return this
   */
  public TaskAssert hasErrorContaining(String text) {
    isNotNull();
    if (actual.error() == null || !actual.error().contains(text)) {
      failWithMessage("Expected task %s's error to contain \"%s\" but it was %s", actual.id(), text, actual.error());
    }
    return this;
  }

  /**
   * Checks that the task is paid for by a donation.
   *
   * @param donationId the donation
   * @return this
   */
  public TaskAssert isForDonation(long donationId) {
    isNotNull();
    if (actual.donationId() == null || actual.donationId() != donationId) {
      failWithMessage("Expected task %s to be paid by donation %d but it was paid by %s", actual.id(), donationId,
          actual.donationId());
    }
    return this;
  }

  /**
   * Checks when the task runs next.
   *
   * @param expected the instant
   * @return this
   */
  public TaskAssert isDueAt(Instant expected) {
    isNotNull();
    if (!Objects.equals(actual.nextRunAt(), expected)) {
      failWithMessage("Expected task %s to be due at %s but it is due at %s", actual.id(), expected,
          actual.nextRunAt());
    }
    return this;
  }

  /**
   * Checks that the task is over: completed, failed or cancelled.
   *
   * @return this
   */
  public TaskAssert isFinished() {
    isNotNull();
    if (!actual.isFinished()) {
      failWithMessage("Expected task %s to be finished but it was %s", actual.id(), actual.status());
    }
    return this;
  }
}
