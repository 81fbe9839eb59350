package ai.clouvel.core.donation;

import ai.clouvel.core.internal.WireNames;
import java.util.Optional;

/** Whether a donation pays for a new product or supports an existing post. */
public enum DonationType {
  /** Pays for a new product. */
  COMMISSION,
  /** Supports a post; needs a post id. */
  SUPPORT;

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
  public static Optional<DonationType> fromWire(String wire) {
    return WireNames.parse(DonationType.class, wire);
  }
}
