package ai.clouvel.core.donation;

import ai.clouvel.core.money.Money;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The money rules of donations: the tier table, the accepted amount range ($0.50 to $10,000 by
 * default) and the minimum tier of each commission type ({@code random_random} bronze,
 * {@code random_subreddit} silver, {@code specific_post} gold by default). Immutable.
 */
public final class CommissionRules {
  private final TierTable tiers;
  private final Money minimumAmount;
  private final Money maximumAmount;
  private final Map<CommissionType, String> minimumTiers;

  private CommissionRules(TierTable tiers, Money minimumAmount, Money maximumAmount,
      Map<CommissionType, String> minimumTiers) {
    this.tiers = Objects.requireNonNull(tiers, "tiers");
    this.minimumAmount = Objects.requireNonNull(minimumAmount, "minimumAmount");
    this.maximumAmount = Objects.requireNonNull(maximumAmount, "maximumAmount");
    if (minimumAmount.cents() <= 0 || maximumAmount.compareTo(minimumAmount) < 0) {
      throw new IllegalArgumentException("amount range must be positive and not empty");
    }
    EnumMap<CommissionType, String> copy = new EnumMap<>(CommissionType.class);
    for (CommissionType type : CommissionType.values()) {
      String tier = Objects.requireNonNull(minimumTiers.get(type), "minimum tier of " + type);
      if (tiers.named(tier).isEmpty()) {
        throw new IllegalArgumentException("unknown tier " + tier + " for " + type.wireName());
      }
      copy.put(type, tier);
    }
    this.minimumTiers = copy;
  }

  /**
   * Returns the design's default rules.
   *
   * @return default tiers, $0.50 to $10,000, bronze/silver/gold minimums
   */
  public static CommissionRules defaults() {
    return of(TierTable.defaults());
  }

  /**
   * Returns the default amount range and type minimums over another tier table, which must have
   * tiers named bronze, silver and gold.
   *
   * @param tiers the tier table
   * @return the rules
   */
  public static CommissionRules of(TierTable tiers) {
    return new CommissionRules(tiers, Money.ofCents(50), Money.ofDollars(10_000), Map.of(
        CommissionType.RANDOM_RANDOM, "bronze",
        CommissionType.RANDOM_SUBREDDIT, "silver",
        CommissionType.SPECIFIC_POST, "gold"));
  }

  /**
   * Returns a copy with other limits.
   *
   * @param tiers the tier table
   * @param minimumAmount the smallest accepted amount
   * @param maximumAmount the largest accepted amount
   * @param minimumTiers the minimum tier name of every commission type
   * @return the rules
   */
  public static CommissionRules of(TierTable tiers, Money minimumAmount, Money maximumAmount,
      Map<CommissionType, String> minimumTiers) {
    return new CommissionRules(tiers, minimumAmount, maximumAmount, minimumTiers);
  }

  /**
   * Returns the tier table.
   *
   * @return the tiers
   */
  public TierTable tiers() {
    return tiers;
  }

  /**
   * Returns the smallest accepted amount.
   *
   * @return $0.50 by default
   */
  public Money minimumAmount() {
    return minimumAmount;
  }

  /**
   * Returns the largest accepted amount.
   *
   * @return $10,000 by default
   */
  public Money maximumAmount() {
    return maximumAmount;
  }

  /**
   * Returns the minimum tier of a commission type.
   *
   * @param type the commission type
   * @return the tier
   */
  public Tier minimumTier(CommissionType type) {
    return tiers.named(minimumTiers.get(type)).orElseThrow();
  }

  /**
   * Checks an amount for a donation.
   *
   * @param type the donation type
   * @param commissionType the commission type; required for commissions, ignored for support
   * @param amount the amount
   * @return a human explanation of what is wrong, or empty if the amount is acceptable
   */
  public Optional<String> checkAmount(DonationType type, CommissionType commissionType, Money amount) {
    if (amount.compareTo(minimumAmount) < 0 || amount.compareTo(maximumAmount) > 0) {
      return Optional.of("amount must be between $" + minimumAmount.toUsdString()
          + " and $" + maximumAmount.toUsdString());
    }
    if (type == DonationType.COMMISSION) {
      if (commissionType == null) {
        return Optional.of("commission_type is required for a commission");
      }
      Tier minimum = minimumTier(commissionType);
      if (!amount.isAtLeast(minimum.minimum())) {
        return Optional.of(commissionType.wireName() + " needs at least the " + minimum.name()
            + " tier ($" + minimum.minimum().toUsdString() + ")");
      }
    }
    return Optional.empty();
  }
}
