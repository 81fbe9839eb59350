/**
 * Stripe as the payment gateway.
 *
 * <p><b>To call:</b> {@link ai.clouvel.stripe.StripePaymentGateway#builder()} with the secret key
 * and the webhook secret, and give the gateway to {@code Clouvel.builder().paymentGateway(...)}.
 * <b>To implement:</b> nothing.
 */
package ai.clouvel.stripe;
