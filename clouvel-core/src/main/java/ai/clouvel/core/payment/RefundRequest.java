package ai.clouvel.core.payment;

import ai.clouvel.core.money.Money;
import java.util.Objects;

/**
 * A refund to ask a {@link PaymentGateway} for.
 *
 * @param paymentId the donation's payment id
 * @param paymentIntentId the gateway's payment to refund, or {@code null} if only the payment id is known
 * @param amount how much to refund
 * @param idempotencyKey the same key for every attempt of the same refund, so at most one happens
 * @param reason why, for the gateway's records
 */
public record RefundRequest(String paymentId, String paymentIntentId, Money amount, String idempotencyKey,
    String reason) {

  /**
   * Creates the value, checking its fields.
   *
   * @param paymentId the donation's payment id
   * @param paymentIntentId the gateway's payment to refund, or {@code null} if only the payment id is known
   * @param amount how much to refund
   * @param idempotencyKey the same key for every attempt of the same refund, so at most one happens
   * @param reason why, for the gateway's records
   */
  public RefundRequest {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    reason = reason == null ? "" : reason;
  }
}
