package ai.clouvel.core.donation;

import ai.clouvel.core.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A donation: money given to commission a product or to support a post.
 *
 * @param id the store's id
 * @param paymentId the payment's unique id (a Stripe payment intent or checkout session id, or
 *     {@code manual_...}/{@code scheduled_...}/{@code demo_...}); fulfilment is keyed by it
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
 * @param stripe the Stripe objects behind it; {@link StripeRefs#NONE} when not paid through Stripe
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
    StripeRefs stripe,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * Creates the value, checking its fields.
   *
   * @param id the store's id
   * @param paymentId the payment's unique id (a Stripe payment intent or checkout session id, or {@code manual_...}/{@code scheduled_...}/{@code demo_...}); fulfilment is keyed by it
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
   * @param stripe the Stripe objects behind it; {@link StripeRefs#NONE} when not paid through Stripe
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
    stripe = stripe == null ? StripeRefs.NONE : stripe;
  }

  /**
   * Stripe's identifiers of the objects behind a donation.
   *
   * @param checkoutSessionId the Checkout Session, or {@code null}
   * @param paymentIntentId the PaymentIntent, or {@code null}
   * @param chargeId the Charge, or {@code null}
   * @param refundId the Refund, or {@code null}
   */
  public record StripeRefs(String checkoutSessionId, String paymentIntentId, String chargeId, String refundId) {
    /** No Stripe objects at all. */
    public static final StripeRefs NONE = new StripeRefs(null, null, null, null);
  }
}
