/**
 * Stripe as the {@link ai.clouvel.core.payment.PaymentGateway}: checkout sessions, payment
 * intents, verified webhooks and idempotent refunds through stripe-java.
 */
// stripe-java ships as an automatic module.
@SuppressWarnings("requires-automatic")
module ai.clouvel.stripe {
  requires transitive ai.clouvel.core;
  requires com.stripe;
  requires org.slf4j;

  exports ai.clouvel.stripe;
}
