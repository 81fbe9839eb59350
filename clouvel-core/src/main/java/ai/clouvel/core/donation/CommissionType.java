package ai.clouvel.core.donation;

import ai.clouvel.core.internal.WireNames;
import java.util.Optional;

/** What a commission asks for. The minimum tier of each is configured in {@link CommissionRules}. */
public enum CommissionType {
  /** A product from a random post of a random subreddit (bronze and up). */
  RANDOM_RANDOM,
  /** A product from a random post of a chosen subreddit (silver and up). */
  RANDOM_SUBREDDIT,
  /** A product from one chosen post (gold and up). */
  SPECIFIC_POST;

  /**
   * Returns the snake_case name used in JSON and in the database.
   *
   * @return the wire name
   */
  public String wireName() {
    return WireNames.of(this);
  }

  /**
   * Finds a constant by its wire name.
   *
   * @param wire the wire name, in any case
   * @return the constant, or empty if none has that name
   */
  public static Optional<CommissionType> fromWire(String wire) {
    return WireNames.parse(CommissionType.class, wire);
  }
}
