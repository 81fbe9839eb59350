package ai.clouvel.test.assertions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.NewDonation;
import ai.clouvel.core.payment.PaymentRefs;
import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.progress.Stage;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.test.data.DonationBuilder;
import ai.clouvel.test.data.TaskBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The domain assertions pass on what is true and fail, saying why, on what is not. */
class ClouvelAssertionsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private static Donation stored(NewDonation d) {
    return new Donation(7, d.paymentId(), d.source(), d.status(), d.amount(), d.tier(), d.type(), d.commissionType(),
        d.subreddit(), d.postId(), d.donor(), d.message(), d.gateway(), PaymentRefs.of("refund", "re_1"), NOW, NOW);
  }

  @Test
  void donationAssertions() {
    Donation donation = stored(DonationBuilder.commission().paymentId("cs_1").amountCents(1500)
        .status(DonationStatus.REFUNDED).build());
    ClouvelAssertions.assertThat(donation).hasStatus(DonationStatus.REFUNDED).hasAmountCents(1500).isCommission()
        .hasPaymentId("cs_1").wasPaidThrough(DonationBuilder.GATEWAY).hasRef("refund", "re_1");

    assertThatThrownBy(() -> ClouvelAssertions.assertThat(donation).hasStatus(DonationStatus.SUCCEEDED))
        .isInstanceOf(AssertionError.class).hasMessage("Expected donation 7 to be SUCCEEDED but it was REFUNDED");
    assertThatThrownBy(() -> ClouvelAssertions.assertThat(donation).hasAmountCents(1000))
        .isInstanceOf(AssertionError.class).hasMessageContaining("to be of $10.00");
    assertThatThrownBy(() -> ClouvelAssertions.assertThat(donation).isSupport()).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> ClouvelAssertions.assertThat(donation).hasRef("refund", "re_2"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void taskAssertions() {
    Task task = new Task("t1", TaskStatus.FAILED, 7L, TaskBuilder.DEFAULT_SPEC, 3, 3, NOW, null, null, null, Progress.at(Stage.QUEUED, "Waiting"), "painter refused", null,
        NOW, NOW);
    ClouvelAssertions.assertThat(task).hasStatus(TaskStatus.FAILED).hasAttempts(3).isForDonation(7)
        .hasErrorContaining("refused").isFinished().isDueAt(NOW);

    assertThatThrownBy(() -> ClouvelAssertions.assertThat(task).hasStatus(TaskStatus.COMPLETED))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected task t1 to be COMPLETED but it was FAILED (error: painter refused)");
    assertThatThrownBy(() -> ClouvelAssertions.assertThat(task).producedProduct(1)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> ClouvelAssertions.assertThat(task).isLeasedBy("w1")).isInstanceOf(AssertionError.class);
  }
}
