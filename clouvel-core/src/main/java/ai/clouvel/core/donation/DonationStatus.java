package ai.clouvel.core.donation;

import ai.clouvel.core.internal.WireNames;
import java.util.Optional;

/** Where a donation is in its life. */
public enum DonationStatus {
  /** Checkout created, not paid yet. */
  PENDING,
  /** Paid. */
  SUCCEEDED,
  /** The payment failed. */
  FAILED,
  /** A refund was decided and is being sent. */
  REFUND_PENDING,
  /** The money went back. */
  REFUNDED;

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
  public static Optional<DonationStatus> fromWire(String wire) {
    return WireNames.parse(DonationStatus.class, wire);
  }
}
