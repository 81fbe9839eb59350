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
   * Money arrived. A negative amount is refused when the event is built.
   *
   * @param eventId the event id
   * @param type the event type
   * @param paymentId the payment id the donation was recorded under (for example a checkout's id)
   * @param refs the gateway's references to the objects behind the payment
   * @param amount what was paid
   * @param currency the currency, lower case, for example {@code "usd"}
   * @param customerEmail the payer's email, or {@code null}
   * @param metadata what was attached when the payment was created
   */
  record Succeeded(String eventId, String type, String paymentId, PaymentRefs refs, Money amount,
      String currency, String customerEmail, Map<String, String> metadata) implements PaymentEvent {
    /**
     * Checks the fields.
     *
     * @param eventId the event id
     * @param type the event type
     * @param paymentId the payment id the donation was recorded under (for example a checkout's id)
     * @param refs the gateway's references to the objects behind the payment
     * @param amount what was paid
     * @param currency the currency, lower case, for example {@code "usd"}
     * @param customerEmail the payer's email, or {@code null}
     * @param metadata what was attached when the payment was created
     */
    public Succeeded {
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(paymentId, "paymentId");
      Objects.requireNonNull(amount, "amount");
      if (amount.cents() < 0) {
        throw new IllegalArgumentException("a payment cannot be negative");
      }
      refs = refs == null ? PaymentRefs.NONE : refs;
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
   * Money went back, possibly refunded outside Clouvel (for example in the gateway's dashboard).
   *
   * @param eventId the event id
   * @param type the event type
   * @param refs the gateway's references to the refunded payment and the refund; the donation is
   *     found by any of them
   * @param fullyRefunded whether the whole amount went back
   */
  record Refunded(String eventId, String type, PaymentRefs refs, boolean fullyRefunded) implements PaymentEvent {
    /**
     * Checks the fields.
     *
     * @param eventId the event id
     * @param type the event type
     * @param refs the gateway's references to the refunded payment and the refund; the donation is found by any of them
     * @param fullyRefunded whether the whole amount went back
     */
    public Refunded {
      Objects.requireNonNull(eventId, "eventId");
      refs = refs == null ? PaymentRefs.NONE : refs;
    }
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
