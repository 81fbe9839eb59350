package ai.clouvel.core.donation;

import ai.clouvel.core.internal.WireNames;
import java.util.Optional;

/** How the money arrived; decides whether a refund goes to a payment gateway. */
public enum DonationSource {
  /** Paid through a payment gateway (the donation names which); refunds go back to that gateway. */
  GATEWAY,
  /** Created by an admin; never sent to a payment gateway. */
  MANUAL,
  /** Created by the scheduler; never sent to a payment gateway. */
  SCHEDULED;

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
  public static Optional<DonationSource> fromWire(String wire) {
    return WireNames.parse(DonationSource.class, wire);
  }
}
