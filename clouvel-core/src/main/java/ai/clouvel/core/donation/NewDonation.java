package ai.clouvel.core.donation;

import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.GatewayId;
import ai.clouvel.core.payment.PaymentRefs;
import java.util.Objects;

/**
 * A donation to record.
 *
 * @param paymentId the payment's unique id; recording the same id twice is refused
 * @param source how the money arrived
 * @param status the initial status, usually {@link DonationStatus#SUCCEEDED} or {@link DonationStatus#PENDING}
 * @param amount the amount
 * @param tier the tier name, or {@code null} below the lowest tier
 * @param type commission or support
 * @param commissionType the commission type, or {@code null} for support
 * @param subreddit the subreddit asked for, or {@code null}
 * @param postId the post asked for or supported, or {@code null}
 * @param donor who gave
 * @param message the donor's message; empty if none
 * @param gateway the gateway that takes the money; {@code null} unless the source is
 *     {@link DonationSource#GATEWAY}
 * @param refs the gateway's references to the payment known so far
 */
public record NewDonation(
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
    PaymentRefs refs) {

  /**
   * Checks the fields.
   *
   * @param paymentId the payment's unique id; recording the same id twice is refused
   * @param source how the money arrived
   * @param status the initial status, usually {@link DonationStatus#SUCCEEDED} or {@link DonationStatus#PENDING}
   * @param amount the amount
   * @param tier the tier name, or {@code null} below the lowest tier
   * @param type commission or support
   * @param commissionType the commission type, or {@code null} for support
   * @param subreddit the subreddit asked for, or {@code null}
   * @param postId the post asked for or supported, or {@code null}
   * @param donor who gave
   * @param message the donor's message; empty if none
   * @param gateway the gateway that takes the money; {@code null} unless the source is {@link DonationSource#GATEWAY}
   * @param refs the gateway's references to the payment known so far
   */
  public NewDonation {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(donor, "donor");
    message = message == null ? "" : message;
    refs = refs == null ? PaymentRefs.NONE : refs;
    checkGateway(source, gateway);
    if (type == DonationType.COMMISSION && commissionType == null) {
      throw new IllegalArgumentException("a commission needs a commission type");
    }
    if (type == DonationType.SUPPORT && (postId == null || postId.isBlank())) {
      throw new IllegalArgumentException("support needs a post id");
    }
  }

  static void checkGateway(DonationSource source, GatewayId gateway) {
    if ((source == DonationSource.GATEWAY) != (gateway != null)) {
      throw new IllegalArgumentException("a donation names its gateway exactly when it was paid through one");
    }
  }
}
