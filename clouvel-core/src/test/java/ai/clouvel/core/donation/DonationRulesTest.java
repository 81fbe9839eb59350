package ai.clouvel.core.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.GatewayId;
import ai.clouvel.core.payment.PaymentRefs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The money rules of donations, and what the public sees of donors. */
class DonationRulesTest {
  private final CommissionRules rules = CommissionRules.defaults();

  @ParameterizedTest
  @CsvSource({
      "commission,random_random,499,false", "commission,random_random,500,true",
      "commission,random_subreddit,999,false", "commission,random_subreddit,1000,true",
      "commission,specific_post,2499,false", "commission,specific_post,2500,true",
      "commission,specific_post,1000000,true", "commission,specific_post,1000001,false",
      "support,,49,false", "support,,50,true", "support,,1000000,true", "support,,1000001,false"})
  void amountsAreCheckedAgainstTheRangeAndTheTypesMinimum(String type, String commissionType, long cents,
      boolean accepted) {
    DonationType donationType = DonationType.fromWire(type).orElseThrow();
    CommissionType commission = CommissionType.fromWire(commissionType).orElse(null);
    assertThat(rules.checkAmount(donationType, commission, Money.ofCents(cents)).isEmpty()).isEqualTo(accepted);
  }

  @Test
  void refusalsSayWhatIsNeeded() {
    assertThat(rules.checkAmount(DonationType.COMMISSION, CommissionType.SPECIFIC_POST, Money.ofDollars(10)))
        .hasValue("specific_post needs at least the gold tier ($25.00)");
    assertThat(rules.checkAmount(DonationType.SUPPORT, null, Money.ofCents(49)))
        .hasValue("amount must be between $0.50 and $10000.00");
    assertThat(rules.checkAmount(DonationType.COMMISSION, null, Money.ofDollars(50)))
        .hasValue("commission_type is required for a commission");
    assertThat(rules.minimumAmount()).isEqualTo(Money.ofCents(50));
    assertThat(rules.maximumAmount()).isEqualTo(Money.ofDollars(10_000));
    assertThat(rules.minimumTier(CommissionType.RANDOM_RANDOM).name()).isEqualTo("bronze");
    assertThat(rules.minimumTier(CommissionType.RANDOM_SUBREDDIT).name()).isEqualTo("silver");
    assertThat(rules.tiers().tiers()).hasSize(5);
  }

  @Test
  void customRulesAreCheckedWhenMade() {
    TierTable tiers = TierTable.defaults();
    Map<CommissionType, String> minimums = Map.of(CommissionType.RANDOM_RANDOM, "silver",
        CommissionType.RANDOM_SUBREDDIT, "gold", CommissionType.SPECIFIC_POST, "diamond");
    CommissionRules custom = CommissionRules.of(tiers, Money.ofCents(1), Money.ofCents(1), minimums);
    assertThat(custom.checkAmount(DonationType.SUPPORT, null, Money.ofCents(1))).isEmpty();
    assertThat(custom.checkAmount(DonationType.SUPPORT, null, Money.ofCents(2))).isPresent();
    assertThat(custom.minimumTier(CommissionType.SPECIFIC_POST).name()).isEqualTo("diamond");
    assertThatThrownBy(() -> CommissionRules.of(tiers, Money.ZERO, Money.ofDollars(5), minimums))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CommissionRules.of(tiers, Money.ofDollars(5), Money.ofCents(499), minimums))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CommissionRules.of(tiers, Money.ofCents(50), Money.ofDollars(5),
        Map.of(CommissionType.RANDOM_RANDOM, "bronze", CommissionType.RANDOM_SUBREDDIT, "silver",
            CommissionType.SPECIFIC_POST, "platinum"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CommissionRules.of(tiers, Money.ofCents(50), Money.ofDollars(5),
        Map.of(CommissionType.RANDOM_RANDOM, "bronze"))).isInstanceOf(NullPointerException.class);
    TierTable own = TierTable.of(List.of(new Tier("bronze", Money.ofDollars(1), ImageQuality.STANDARD),
        new Tier("silver", Money.ofDollars(2), ImageQuality.STANDARD), new Tier("gold", Money.ofDollars(3),
            ImageQuality.HD)));
    assertThat(CommissionRules.of(own).minimumTier(CommissionType.SPECIFIC_POST).minimum())
        .isEqualTo(Money.ofDollars(3));
  }

  @Test
  void anonymousDonorsAreNeverNamedInPublic() {
    assertThat(new Donor("a@example.com", "Ann", "ann_r", true).publicName()).isEqualTo("Anonymous");
    assertThat(new Donor("a@example.com", "Ann", "ann_r", true).publicRedditUsername()).isNull();
    assertThat(new Donor(null, "Ann", "ann_r", false).publicName()).isEqualTo("Ann");
    assertThat(new Donor(null, "Ann", "ann_r", false).publicRedditUsername()).isEqualTo("ann_r");
    assertThat(new Donor(null, " ", "ann_r", false).publicName()).isEqualTo("ann_r");
    assertThat(new Donor(null, null, "ann_r", false).publicName()).isEqualTo("ann_r");
    assertThat(new Donor(null, null, " ", false).publicName()).isEqualTo("Anonymous");
    assertThat(new Donor(null, null, null, false).publicName()).isEqualTo("Anonymous");
    assertThat(Donor.UNKNOWN.anonymous()).isTrue();
  }

  @Test
  void aPublicSummaryHasNoEmailAndNoAnonymousName() {
    Instant at = Instant.parse("2026-11-24T12:00:00Z");
    Donation donation = new Donation(7, "cs_7", DonationSource.GATEWAY, DonationStatus.SUCCEEDED,
        Money.ofDollars(25), "gold", DonationType.COMMISSION, CommissionType.SPECIFIC_POST, "hiking", "1h1k01",
        new Donor("secret@example.com", "Secret Name", "secret_r", true), null, GatewayId.of("stripe"), null, at,
        at.plusSeconds(5));
    assertThat(donation.message()).isEmpty();
    assertThat(donation.refs()).isEqualTo(PaymentRefs.NONE);
    DonationSummary summary = DonationSummary.of(donation);
    assertThat(summary).isEqualTo(new DonationSummary(7, Money.ofDollars(25), "gold", DonationType.COMMISSION,
        CommissionType.SPECIFIC_POST, DonationStatus.SUCCEEDED, "Anonymous", null, "", "hiking", "1h1k01", at));
    assertThat(summary.toString()).doesNotContain("secret");

    ProductDonations none = ProductDonations.none(3, "1h1k01");
    assertThat(none.commission()).isNull();
    assertThat(none.supports()).isEmpty();
    assertThat(none.supportTotal()).isEqualTo(Money.ZERO);
    List<DonationSummary> supports = new java.util.ArrayList<>(List.of(summary));
    ProductDonations some = new ProductDonations(3, "1h1k01", null, supports, Money.ofDollars(25));
    supports.clear();
    assertThat(some.supports()).as("copied").hasSize(1);
    assertThat(some.supportCount()).isEqualTo(1);
    assertThat(new ProductDonations(3, "1h1k01", null, List.of(summary), 40, Money.ofDollars(900)).supportCount())
        .as("the newest listed, all counted").isEqualTo(40);
    assertThatThrownBy(() -> new ProductDonations(3, "1h1k01", null, List.of(summary), 0, Money.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDonationNamesItsGatewayExactlyWhenPaidThroughOne() {
    GatewayId stripe = GatewayId.of("stripe");
    assertThatThrownBy(() -> newDonation(DonationSource.GATEWAY, null, DonationType.SUPPORT, null, "1h1k01"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> newDonation(DonationSource.MANUAL, stripe, DonationType.SUPPORT, null, "1h1k01"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> newDonation(DonationSource.SCHEDULED, null, DonationType.COMMISSION, null, null))
        .as("a commission needs its type").isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> newDonation(DonationSource.SCHEDULED, null, DonationType.SUPPORT, null, " "))
        .as("support needs a post").isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> newDonation(DonationSource.SCHEDULED, null, DonationType.SUPPORT, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    NewDonation ok = newDonation(DonationSource.GATEWAY, stripe, DonationType.COMMISSION,
        CommissionType.RANDOM_RANDOM, null);
    assertThat(ok.message()).isEmpty();
    assertThat(ok.refs()).isEqualTo(PaymentRefs.NONE);
    assertThat(newDonation(DonationSource.MANUAL, null, DonationType.SUPPORT, null, "1h1k01").gateway()).isNull();
    Instant at = Instant.parse("2026-11-24T12:00:00Z");
    assertThatThrownBy(() -> new Donation(1, "manual_1", DonationSource.MANUAL, DonationStatus.SUCCEEDED,
        Money.ZERO, null, DonationType.COMMISSION, CommissionType.RANDOM_RANDOM, null, null, Donor.UNKNOWN, "",
        stripe, PaymentRefs.NONE, at, at)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tiersAreFoundByNameAndRefuseNonsense() {
    TierTable tiers = TierTable.defaults();
    assertThat(tiers.named(" GOLD ")).map(Tier::minimum).hasValue(Money.ofDollars(25));
    assertThat(tiers.named(null)).isEmpty();
    assertThat(tiers.named("platinum")).isEmpty();
    assertThat(tiers.tierFor(Money.ofCents(499))).isEmpty();
    assertThat(tiers.tierFor(Money.ofCents(500))).map(Tier::name).hasValue("bronze");
    assertThatThrownBy(() -> TierTable.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TierTable.of(List.of(new Tier("gold", Money.ofDollars(1), ImageQuality.HD),
        new Tier("Gold", Money.ofDollars(2), ImageQuality.HD)))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Tier(" ", Money.ofDollars(1), ImageQuality.HD))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Tier("free", Money.ZERO, ImageQuality.HD)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Tier("penny", Money.ofCents(1), ImageQuality.STANDARD).minimum().cents()).isEqualTo(1);
  }

  @Test
  void wireNamesReadBackInAnyCase() {
    assertThat(DonationStatus.fromWire("Refund-Pending")).hasValue(DonationStatus.REFUND_PENDING);
    assertThat(DonationStatus.REFUND_PENDING.wireName()).isEqualTo("refund_pending");
    assertThat(DonationSource.fromWire("gateway")).hasValue(DonationSource.GATEWAY);
    assertThat(DonationSource.SCHEDULED.wireName()).isEqualTo("scheduled");
    assertThat(DonationType.fromWire(" SUPPORT ")).hasValue(DonationType.SUPPORT);
    assertThat(DonationType.COMMISSION.wireName()).isEqualTo("commission");
    assertThat(CommissionType.fromWire("random_subreddit")).hasValue(CommissionType.RANDOM_SUBREDDIT);
    assertThat(CommissionType.SPECIFIC_POST.wireName()).isEqualTo("specific_post");
    assertThat(CommissionType.fromWire("nope")).isEmpty();
    assertThat(DonationStatus.fromWire(null)).isEmpty();
  }

  private static NewDonation newDonation(DonationSource source, GatewayId gateway, DonationType type,
      CommissionType commissionType, String postId) {
    return new NewDonation("p_1", source, DonationStatus.SUCCEEDED, Money.ofDollars(5), "bronze", type,
        commissionType, null, postId, Donor.UNKNOWN, null, gateway, null);
  }
}
