package ai.clouvel.stripe.internal;

import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.InvalidWebhookException;
import ai.clouvel.core.payment.PaymentEvent;
import ai.clouvel.core.payment.PaymentMetadata;
import ai.clouvel.core.payment.PaymentRefs;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import java.util.Map;

/**
 * Reads the Stripe events Clouvel acts on: {@code checkout.session.completed},
 * {@code checkout.session.async_payment_succeeded} and {@code _failed},
 * {@code payment_intent.succeeded} and {@code payment_intent.payment_failed}, and
 * {@code charge.refunded}. Everything else is {@link PaymentEvent.Ignored}. Objects of another API
 * version than stripe-java's are read anyway.
 */
public final class StripeEvents {
  /** The reference kind of a Checkout Session id. */
  public static final String CHECKOUT_SESSION = "checkout_session";
  /** The reference kind of a PaymentIntent id. */
  public static final String PAYMENT_INTENT = "payment_intent";
  /** The reference kind of a Charge id. */
  public static final String CHARGE = "charge";
  /** The reference kind of a Refund id. */
  public static final String REFUND = "refund";

  private StripeEvents() {
  }

  /**
   * Converts a verified Stripe event.
   *
   * @param event the event
   * @return the payment event
   */
  public static PaymentEvent toPaymentEvent(Event event) {
    try {
      return convert(event);
    } catch (InvalidWebhookException e) {
      throw e;
    } catch (RuntimeException e) {
      // A signed event whose fields are not what Stripe sends (null data, wrong types, huge numbers).
      throw new InvalidWebhookException("malformed " + event.getType() + " event", e);
    }
  }

  private static PaymentEvent convert(Event event) {
    String id = event.getId();
    String type = event.getType();
    if (id == null || type == null) {
      throw new InvalidWebhookException("Stripe event without id or type", null);
    }
    switch (type) {
      case "checkout.session.completed", "checkout.session.async_payment_succeeded": {
        Session session = object(event, Session.class);
        if (!"paid".equals(session.getPaymentStatus()) && !"no_payment_required".equals(session.getPaymentStatus())) {
          return new PaymentEvent.Ignored(id, type);
        }
        String email = session.getCustomerDetails() != null && session.getCustomerDetails().getEmail() != null
            ? session.getCustomerDetails().getEmail() : session.getCustomerEmail();
        return new PaymentEvent.Succeeded(id, type, session.getId(),
            PaymentRefs.of(CHECKOUT_SESSION, session.getId(), PAYMENT_INTENT, session.getPaymentIntent()),
            amount(session.getAmountTotal()), session.getCurrency(), email, metadata(session.getMetadata()));
      }
      case "checkout.session.async_payment_failed": {
        Session session = object(event, Session.class);
        return new PaymentEvent.Failed(id, type, session.getId(), "asynchronous payment failed");
      }
      case "payment_intent.succeeded": {
        PaymentIntent intent = object(event, PaymentIntent.class);
        Map<String, String> metadata = metadata(intent.getMetadata());
        if (PaymentMetadata.FLOW_CHECKOUT.equals(metadata.get(PaymentMetadata.FLOW))) {
          // The Checkout Session's own event fulfils it; acting on both would be the same work twice.
          return new PaymentEvent.Ignored(id, type);
        }
        return new PaymentEvent.Succeeded(id, type, intent.getId(),
            PaymentRefs.of(PAYMENT_INTENT, intent.getId(), CHARGE, intent.getLatestCharge()),
            amount(intent.getAmountReceived()), intent.getCurrency(), intent.getReceiptEmail(), metadata);
      }
      case "payment_intent.payment_failed": {
        PaymentIntent intent = object(event, PaymentIntent.class);
        String reason = intent.getLastPaymentError() != null && intent.getLastPaymentError().getMessage() != null
            ? intent.getLastPaymentError().getMessage() : "payment failed";
        return new PaymentEvent.Failed(id, type, intent.getId(), reason);
      }
      case "charge.refunded": {
        Charge charge = object(event, Charge.class);
        boolean full = Boolean.TRUE.equals(charge.getRefunded())
            || (charge.getAmount() != null && charge.getAmount().equals(charge.getAmountRefunded()));
        String refundId = charge.getRefunds() != null && charge.getRefunds().getData() != null
            && !charge.getRefunds().getData().isEmpty() ? charge.getRefunds().getData().get(0).getId() : null;
        return new PaymentEvent.Refunded(id, type,
            PaymentRefs.of(PAYMENT_INTENT, charge.getPaymentIntent(), CHARGE, charge.getId(), REFUND, refundId), full);
      }
      default:
        return new PaymentEvent.Ignored(id, type);
    }
  }

  private static <T extends StripeObject> T object(Event event, Class<T> type) {
    EventDataObjectDeserializer data = event.getDataObjectDeserializer();
    StripeObject object;
    try {
      object = data.getObject().isPresent() ? data.getObject().get() : data.deserializeUnsafe();
    } catch (EventDataObjectDeserializationException | RuntimeException e) {
      throw new InvalidWebhookException("cannot read the " + event.getType() + " object", e);
    }
    if (!type.isInstance(object)) {
      throw new InvalidWebhookException(event.getType() + " does not carry a " + type.getSimpleName(), null);
    }
    return type.cast(object);
  }

  private static Map<String, String> metadata(Map<String, String> metadata) {
    return metadata == null ? Map.of() : metadata;
  }

  private static Money amount(Long cents) {
    if (cents == null || cents < 0) {
      throw new InvalidWebhookException("the event's amount is missing or negative", null);
    }
    return Money.ofCents(cents);
  }
}
