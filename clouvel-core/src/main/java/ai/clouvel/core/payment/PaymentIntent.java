package ai.clouvel.core.payment;

/**
 * A payment the client completes itself (for example with Stripe Elements).
 *
 * @param paymentIntentId the gateway's id; the donation's payment id
 * @param clientSecret the secret the client needs to confirm the payment
 */
public record PaymentIntent(String paymentIntentId, String clientSecret) {
}
