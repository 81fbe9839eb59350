package ai.clouvel.core.payment;

/**
 * Takes payments and gives them back. The live implementation is Stripe ({@code clouvel-stripe});
 * the offline one, {@link ai.clouvel.core.offline.DemoPaymentGateway}, completes payments on a local
 * page through the same webhook path.
 */
public interface PaymentGateway {

  /**
   * Names the gateway. Donations record it, and a donation is refunded only through the gateway
   * that took its money, so keep it stable across restarts.
   *
   * @return for example {@code stripe} or {@code demo}
   */
  GatewayId id();

  /**
   * Creates a hosted checkout page.
   *
   * @param request what to charge
   * @return the session
   */
  CheckoutSession createCheckoutSession(PaymentRequest request);

  /**
   * Creates a payment the client confirms itself.
   *
   * @param request what to charge
   * @return the payment intent
   */
  PaymentIntent createPaymentIntent(PaymentRequest request);

  /**
   * Verifies and reads a webhook.
   *
   * @param payload the raw request body, exactly as received
   * @param signature the signature header ({@code Stripe-Signature})
   * @return the event; a {@link PaymentEvent.Succeeded} carries the gateway's references to the
   *     payment, which Clouvel stores and hands back in {@link RefundRequest#refs()}
   * @throws InvalidWebhookException if the signature does not verify or the payload is malformed
   */
  PaymentEvent parseWebhook(String payload, String signature);

  /**
   * Refunds a payment. Calling it again with the same idempotency key never refunds twice.
   *
   * @param request the refund
   * @return the refund; its id is stored among the payment's references
   * @throws ai.clouvel.core.provider.ProviderException if the gateway fails; try again later with the same key
   */
  Refund refund(RefundRequest request);
}
