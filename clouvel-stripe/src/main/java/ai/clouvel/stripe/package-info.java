/** The payment gateway on Stripe. Start with {@link ai.clouvel.stripe.StripePaymentGateway#builder()}. */
package ai.clouvel.stripe;
