package ai.clouvel.core.donation;

import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.money.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The donation tiers, lowest first. A donation's tier is the highest whose minimum it reaches.
 * The default table is bronze $5, silver $10, gold $25, sapphire $50 and diamond $100; bronze and
 * silver buy standard images, gold and above HD.
 */
public final class TierTable {
  private final List<Tier> tiers;

  private TierTable(List<Tier> tiers) {
    if (tiers.isEmpty()) {
      throw new IllegalArgumentException("a tier table needs at least one tier");
    }
    List<Tier> sorted = new ArrayList<>(tiers);
    sorted.sort(Comparator.comparing(Tier::minimum));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).minimum().equals(sorted.get(i - 1).minimum())) {
        throw new IllegalArgumentException("two tiers have the same minimum " + sorted.get(i).minimum());
      }
      if (sorted.get(i).name().equalsIgnoreCase(sorted.get(i - 1).name())) {
        throw new IllegalArgumentException("two tiers are named " + sorted.get(i).name());
      }
    }
    this.tiers = List.copyOf(sorted);
  }

  /**
   * Returns the design's default table.
   *
   * @return bronze $5, silver $10, gold $25, sapphire $50, diamond $100
   */
  public static TierTable defaults() {
    return of(List.of(
        new Tier("bronze", Money.ofDollars(5), ImageQuality.STANDARD),
        new Tier("silver", Money.ofDollars(10), ImageQuality.STANDARD),
        new Tier("gold", Money.ofDollars(25), ImageQuality.HD),
        new Tier("sapphire", Money.ofDollars(50), ImageQuality.HD),
        new Tier("diamond", Money.ofDollars(100), ImageQuality.HD)));
  }

  /**
   * Builds a table from tiers in any order.
   *
   * @param tiers the tiers; minimums and names must be distinct
   * @return the table
   */
  public static TierTable of(List<Tier> tiers) {
    return new TierTable(tiers);
  }

  /**
   * Returns the tiers, lowest first.
   *
   * @return an immutable list
   */
  public List<Tier> tiers() {
    return tiers;
  }

  /**
   * Finds the tier an amount reaches.
   *
   * @param amount the amount
   * @return the highest tier whose minimum the amount reaches, or empty if it reaches none
   */
  public Optional<Tier> tierFor(Money amount) {
    Tier reached = null;
    for (Tier tier : tiers) {
      if (amount.isAtLeast(tier.minimum())) {
        reached = tier;
      }
    }
    return Optional.ofNullable(reached);
  }

  /**
   * Finds a tier by name.
   *
   * @param name the name, in any case
   * @return the tier, or empty
   */
  public Optional<Tier> named(String name) {
    String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return tiers.stream().filter(t -> t.name().equalsIgnoreCase(wanted)).findFirst();
  }

  /**
   * Returns the quality an amount buys: that of its tier, or standard below the lowest tier.
   *
   * @param amount the amount
   * @return the image quality
   */
  public ImageQuality qualityFor(Money amount) {
    return tierFor(amount).map(Tier::imageQuality).orElse(ImageQuality.STANDARD);
  }
}
