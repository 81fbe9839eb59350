package ai.clouvel.core.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.money.Money;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierTableTest {
  private final TierTable tiers = TierTable.defaults();

  @ParameterizedTest
  @CsvSource({"500,bronze", "999,bronze", "1000,silver", "2499,silver", "2500,gold",
      "4999,gold", "5000,sapphire", "10000,diamond", "1000000,diamond"})
  void aDonationGetsTheHighestTierItReaches(long cents, String tier) {
    assertThat(tiers.tierFor(Money.ofCents(cents))).map(Tier::name).hasValue(tier);
  }

  @Test
  void belowTheLowestTierThereIsNoTier() {
    assertThat(tiers.tierFor(Money.ofCents(499))).isEmpty();
    assertThat(tiers.qualityFor(Money.ofCents(50))).isEqualTo(ImageQuality.STANDARD);
  }

  @Test
  void goldAndAboveBuyHdImages() {
    assertThat(tiers.qualityFor(Money.ofDollars(10))).isEqualTo(ImageQuality.STANDARD);
    assertThat(tiers.qualityFor(Money.ofDollars(25))).isEqualTo(ImageQuality.HD);
    assertThat(tiers.qualityFor(Money.ofDollars(100))).isEqualTo(ImageQuality.HD);
  }

  @Test
  void tablesAreSortedAndRejectAmbiguity() {
    TierTable custom = TierTable.of(List.of(
        new Tier("big", Money.ofDollars(20), ImageQuality.HD),
        new Tier("small", Money.ofDollars(2), ImageQuality.STANDARD)));
    assertThat(custom.tiers()).extracting(Tier::name).containsExactly("small", "big");
    assertThatThrownBy(() -> TierTable.of(List.of(
        new Tier("a", Money.ofDollars(2), ImageQuality.HD),
        new Tier("b", Money.ofDollars(2), ImageQuality.HD))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void commissionTypesHaveMinimumTiers() {
    CommissionRules rules = CommissionRules.defaults();
    assertThat(rules.checkAmount(DonationType.COMMISSION, CommissionType.RANDOM_RANDOM, Money.ofDollars(5)))
        .isEmpty();
    assertThat(rules.checkAmount(DonationType.COMMISSION, CommissionType.RANDOM_SUBREDDIT, Money.ofDollars(5)))
        .hasValueSatisfying(m -> assertThat(m).contains("silver"));
    assertThat(rules.checkAmount(DonationType.COMMISSION, CommissionType.SPECIFIC_POST, Money.ofCents(2499)))
        .hasValueSatisfying(m -> assertThat(m).contains("gold"));
    assertThat(rules.checkAmount(DonationType.COMMISSION, CommissionType.SPECIFIC_POST, Money.ofDollars(25)))
        .isEmpty();
    assertThat(rules.checkAmount(DonationType.COMMISSION, null, Money.ofDollars(25))).isPresent();
  }

  @Test
  void amountsOutsideTheRangeAreRefused() {
    CommissionRules rules = CommissionRules.defaults();
    assertThat(rules.checkAmount(DonationType.SUPPORT, null, Money.ofCents(49))).isPresent();
    assertThat(rules.checkAmount(DonationType.SUPPORT, null, Money.ofCents(50))).isEmpty();
    assertThat(rules.checkAmount(DonationType.SUPPORT, null, Money.ofDollars(10_000))).isEmpty();
    assertThat(rules.checkAmount(DonationType.SUPPORT, null, Money.ofCents(1_000_001))).isPresent();
  }

  @Test
  void rulesAreConfigurable() {
    CommissionRules rules = CommissionRules.of(TierTable.defaults(), Money.ofDollars(1), Money.ofDollars(50),
        Map.of(CommissionType.RANDOM_RANDOM, "silver", CommissionType.RANDOM_SUBREDDIT, "silver",
            CommissionType.SPECIFIC_POST, "diamond"));
    assertThat(rules.minimumTier(CommissionType.SPECIFIC_POST).name()).isEqualTo("diamond");
    assertThat(rules.checkAmount(DonationType.COMMISSION, CommissionType.RANDOM_RANDOM, Money.ofDollars(5)))
        .isPresent();
    assertThatThrownBy(() -> CommissionRules.of(TierTable.defaults(), Money.ofDollars(1), Money.ofDollars(50),
        Map.of(CommissionType.RANDOM_RANDOM, "platinum", CommissionType.RANDOM_SUBREDDIT, "silver",
            CommissionType.SPECIFIC_POST, "gold")))
        .hasMessageContaining("platinum");
  }

  @Test
  void anonymousDonorsAreNeverNamed() {
    assertThat(new Donor("a@b.c", "John Doe", "johnhiker", true).publicName()).isEqualTo("Anonymous");
    assertThat(new Donor("a@b.c", "John Doe", "johnhiker", true).publicRedditUsername()).isNull();
    assertThat(new Donor("a@b.c", "John Doe", "johnhiker", false).publicName()).isEqualTo("John Doe");
    assertThat(new Donor(null, " ", "johnhiker", false).publicName()).isEqualTo("johnhiker");
  }

  @Test
  void wireNamesRoundTrip() {
    for (CommissionType type : CommissionType.values()) {
      assertThat(CommissionType.fromWire(type.wireName())).hasValue(type);
    }
    assertThat(CommissionType.fromWire("random_subreddit")).hasValue(CommissionType.RANDOM_SUBREDDIT);
    assertThat(CommissionType.fromWire("nonsense")).isEmpty();
    assertThat(DonationStatus.REFUND_PENDING.wireName()).isEqualTo("refund_pending");
  }
}
