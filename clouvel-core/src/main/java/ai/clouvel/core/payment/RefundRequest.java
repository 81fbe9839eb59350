package ai.clouvel.core.payment;

import ai.clouvel.core.money.Money;
import java.util.Objects;

/**
 * A refund to ask a {@link PaymentGateway} for.
 *
 * @param paymentId the donation's payment id
 * @param refs the gateway's own references to the payment, as its events reported them
 * @param amount how much to refund
 * @param idempotencyKey the same key for every attempt of the same refund, so at most one happens
 * @param reason why, for the gateway's records
 */
public record RefundRequest(String paymentId, PaymentRefs refs, Money amount, String idempotencyKey,
    String reason) {

  /**
   * Checks the fields.
   *
   * @param paymentId the donation's payment id
   * @param refs the gateway's own references to the payment, as its events reported them
   * @param amount how much to refund
   * @param idempotencyKey the same key for every attempt of the same refund, so at most one happens
   * @param reason why, for the gateway's records
   */
  public RefundRequest {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    refs = refs == null ? PaymentRefs.NONE : refs;
    reason = reason == null ? "" : reason;
  }
}
