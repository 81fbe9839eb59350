package ai.clouvel.core.donation;

import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.GatewayId;
import ai.clouvel.core.payment.PaymentRefs;
import java.time.Instant;
import java.util.Objects;

/**
 * A donation: money given to commission a product or to support a post. A donation names its
 * gateway exactly when its source is {@link DonationSource#GATEWAY}.
 *
 * @param id the store's id
 * @param paymentId the payment's unique id (the gateway's id of the checkout or payment, or
 *     {@code manual_...}/{@code scheduled_...}); fulfilment is keyed by it
 * @param source how the money arrived
 * @param status where the donation is in its life
 * @param amount the amount paid
 * @param tier the name of the tier the amount reaches, or {@code null} below the lowest tier
 * @param type commission or support
 * @param commissionType the commission type, or {@code null} for support
 * @param subreddit the subreddit asked for, or {@code null}
 * @param postId the post asked for or supported, or {@code null}
 * @param donor who gave
 * @param message the donor's message; empty if none
 * @param gateway the gateway that took the money; {@code null} unless the source is
 *     {@link DonationSource#GATEWAY}
 * @param refs the gateway's references to the payment; {@link PaymentRefs#NONE} if none
 * @param createdAt when it was recorded
 * @param updatedAt when it last changed
 */
public record Donation(
    long id,
    String paymentId,
    DonationSource source,
    DonationStatus status,
    Money amount,
    String tier,
    DonationType type,
    CommissionType commissionType,
    String subreddit,
    String postId,
    Donor donor,
    String message,
    GatewayId gateway,
    PaymentRefs refs,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * Checks the fields.
   *
   * @param id the store's id
   * @param paymentId the payment's unique id (the gateway's id of the checkout or payment, or {@code manual_...}/{@code scheduled_...}); fulfilment is keyed by it
   * @param source how the money arrived
   * @param status where the donation is in its life
   * @param amount the amount paid
   * @param tier the name of the tier the amount reaches, or {@code null} below the lowest tier
   * @param type commission or support
   * @param commissionType the commission type, or {@code null} for support
   * @param subreddit the subreddit asked for, or {@code null}
   * @param postId the post asked for or supported, or {@code null}
   * @param donor who gave
   * @param message the donor's message; empty if none
   * @param gateway the gateway that took the money; {@code null} unless the source is {@link DonationSource#GATEWAY}
   * @param refs the gateway's references to the payment; {@link PaymentRefs#NONE} if none
   * @param createdAt when it was recorded
   * @param updatedAt when it last changed
   */
  public Donation {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(donor, "donor");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    message = message == null ? "" : message;
    refs = refs == null ? PaymentRefs.NONE : refs;
    NewDonation.checkGateway(source, gateway);
  }

}
