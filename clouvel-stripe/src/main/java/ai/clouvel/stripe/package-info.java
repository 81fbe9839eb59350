/** The payment gateway on Stripe. */
package ai.clouvel.stripe;
