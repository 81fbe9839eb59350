package ai.clouvel.core.payment;

import ai.clouvel.core.money.Money;
import java.util.Map;
import java.util.Objects;

/** A verified notification from a payment gateway. */
public sealed interface PaymentEvent {

  /**
   * Returns the gateway's event id; a replayed event has the same id.
   *
   * @return the event id
   */
  String eventId();

  /**
   * Returns the gateway's event type, for example {@code "checkout.session.completed"}.
   *
   * @return the type
   */
  String type();

  /**
   * Money arrived.
   *
   * @param eventId the event id
   * @param type the event type
   * @param paymentId the payment id the donation was recorded under (session or payment intent)
   * @param paymentIntentId the underlying payment intent, or {@code null}
   * @param chargeId the charge, or {@code null}
   * @param amount what was paid
   * @param currency the currency, lower case, for example {@code "usd"}
   * @param customerEmail the payer's email, or {@code null}
   * @param metadata what was attached when the payment was created
   */
  record Succeeded(String eventId, String type, String paymentId, String paymentIntentId, String chargeId,
      Money amount, String currency, String customerEmail, Map<String, String> metadata) implements PaymentEvent {
    /**
     * Creates the value, checking its fields.
     *
     * @param eventId the event id
     * @param type the event type
     * @param paymentId the payment id the donation was recorded under (session or payment intent)
     * @param paymentIntentId the underlying payment intent, or {@code null}
     * @param chargeId the charge, or {@code null}
     * @param amount what was paid
     * @param currency the currency, lower case, for example {@code "usd"}
     * @param customerEmail the payer's email, or {@code null}
     * @param metadata what was attached when the payment was created
     */
    public Succeeded {
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(paymentId, "paymentId");
      Objects.requireNonNull(amount, "amount");
      metadata = Map.copyOf(metadata);
      currency = currency == null ? "usd" : currency;
    }
  }

  /**
   * The payment failed.
   *
   * @param eventId the event id
   * @param type the event type
   * @param paymentId the payment id
   * @param reason the gateway's explanation
   */
  record Failed(String eventId, String type, String paymentId, String reason) implements PaymentEvent {
  }

  /**
   * Money went back, possibly refunded outside Clouvel (for example in the Stripe dashboard).
   *
   * @param eventId the event id
   * @param type the event type
   * @param paymentIntentId the refunded payment intent, or {@code null}
   * @param chargeId the refunded charge, or {@code null}
   * @param refundId the refund, or {@code null}
   * @param fullyRefunded whether the whole amount went back
   */
  record Refunded(String eventId, String type, String paymentIntentId, String chargeId, String refundId,
      boolean fullyRefunded) implements PaymentEvent {
  }

  /**
   * An event Clouvel does not act on; it is acknowledged.
   *
   * @param eventId the event id
   * @param type the event type
   */
  record Ignored(String eventId, String type) implements PaymentEvent {
  }
}
