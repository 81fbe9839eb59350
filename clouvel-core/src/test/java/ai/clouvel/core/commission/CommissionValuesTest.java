package ai.clouvel.core.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.donation.Tier;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.task.CommissionSpec;
import org.junit.jupiter.api.Test;

/** The commission engine's value types: what they normalise and what they refuse. */
class CommissionValuesTest {

  @Test
  void aRequestIsNormalised() {
    CommissionRequest request = new CommissionRequest(Money.ofDollars(10), DonationType.COMMISSION,
        CommissionType.RANDOM_SUBREDDIT, "  r/hiking ", "   ", null, "  Make it blue  ");
    assertThat(request.subreddit()).isEqualTo("hiking");
    assertThat(request.postId()).isNull();
    assertThat(request.donor()).isEqualTo(Donor.UNKNOWN);
    assertThat(request.message()).isEqualTo("Make it blue");
    CommissionRequest bare = new CommissionRequest(Money.ofDollars(10), DonationType.SUPPORT, null, null, " 1h1k01 ",
        new Donor("a@example.com", "A", null, false), null);
    assertThat(bare.subreddit()).isNull();
    assertThat(bare.postId()).isEqualTo("1h1k01");
    assertThat(bare.message()).isEmpty();
    assertThat(bare.donor().email()).isEqualTo("a@example.com");
  }

  @Test
  void aSpecNeedsWhatItsTypeNeeds() {
    assertThatThrownBy(() -> new CommissionSpec(CommissionType.RANDOM_SUBREDDIT, null, null, ImageQuality.HD, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CommissionSpec(CommissionType.RANDOM_SUBREDDIT, " ", null, ImageQuality.HD, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CommissionSpec(CommissionType.SPECIFIC_POST, "cats", null, ImageQuality.HD, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CommissionSpec(CommissionType.SPECIFIC_POST, "cats", " ", ImageQuality.HD, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new CommissionSpec(CommissionType.RANDOM_RANDOM, null, null, ImageQuality.STANDARD, null).message())
        .isEmpty();
    assertThat(new CommissionSpec(CommissionType.SPECIFIC_POST, null, "1h1k01", ImageQuality.HD, "hi").postId())
        .isEqualTo("1h1k01");
    assertThat(new CommissionSpec(CommissionType.RANDOM_SUBREDDIT, "cats", null, ImageQuality.HD, "hi").subreddit())
        .isEqualTo("cats");
  }

  @Test
  void aValidatedCommissionNamesItsTier() {
    CommissionRequest request = new CommissionRequest(Money.ofDollars(1), DonationType.SUPPORT, null, null, "1h1k01",
        null, "");
    assertThat(new ValidatedCommission(request, null, ImageQuality.STANDARD, null).tierName()).isNull();
    assertThat(new ValidatedCommission(request, new Tier("gold", Money.ofDollars(25), ImageQuality.HD),
        ImageQuality.HD, null).tierName()).isEqualTo("gold");
  }

  @Test
  void adminActionErrorsSayWhy() {
    CommissionActionException notFound = CommissionActionException.notFound("t-1");
    assertThat(notFound.code()).isEqualTo("task_not_found");
    assertThat(notFound.isNotFound()).isTrue();
    assertThat(notFound.getMessage()).isEqualTo("no task t-1");
    String hostile = "x".repeat(5000);
    assertThat(CommissionActionException.notFound(hostile).getMessage()).as("a hostile id is not echoed whole")
        .isEqualTo("no task " + "x".repeat(100) + "...");
    assertThat(CommissionActionException.notFound("y".repeat(100)).getMessage()).isEqualTo("no task " + "y".repeat(100));
    CommissionActionException refused = new CommissionActionException("not_cancellable", "it is completed");
    assertThat(refused.isNotFound()).isFalse();
    assertThat(refused.code()).isEqualTo("not_cancellable");

    CommissionRejectedException rejected = new CommissionRejectedException("nsfw", "subreddit", "r/x is NSFW");
    assertThat(rejected.code()).isEqualTo("nsfw");
    assertThat(rejected.field()).isEqualTo("subreddit");
    assertThat(rejected.getMessage()).isEqualTo("r/x is NSFW");
  }
}
