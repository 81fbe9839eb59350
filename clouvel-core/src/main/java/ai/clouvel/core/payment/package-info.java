/**
 * Payments.
 *
 * <p><b>To implement:</b> {@link ai.clouvel.core.payment.PaymentGateway} for a payment provider
 * other than Stripe: create a checkout or a payment intent, turn a signed webhook into a
 * {@link ai.clouvel.core.payment.PaymentEvent}, refund with an idempotency key. <b>To call:</b>
 * nothing directly; the commission engine drives the gateway.
 */
package ai.clouvel.core.payment;
