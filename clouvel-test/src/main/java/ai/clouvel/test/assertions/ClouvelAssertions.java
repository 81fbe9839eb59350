package ai.clouvel.test.assertions;

import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.task.Task;

/**
 * The entry point of Clouvel's assertions. Import statically next to AssertJ's own:
 *
 * <pre>{@code
 * import static ai.clouvel.test.assertions.ClouvelAssertions.assertThat;
 *
 * assertThat(store.donations().find(id).orElseThrow()).hasStatus(DonationStatus.REFUNDED).hasAmountCents(2500);
 * assertThat(store.tasks().find(taskId).orElseThrow()).hasStatus(TaskStatus.FAILED).hasAttempts(3);
 * }</pre>
 */
public final class ClouvelAssertions {
  private ClouvelAssertions() {
  }

  /**
   * Starts assertions on a donation.
   *
   * @param actual the donation
   * @return its assertions
   */
  public static DonationAssert assertThat(Donation actual) {
    return new DonationAssert(actual);
  }

  /**
   * Starts assertions on a task.
   *
   * @param actual the task
   * @return its assertions
   */
  public static TaskAssert assertThat(Task actual) {
    return new TaskAssert(actual);
  }
}
