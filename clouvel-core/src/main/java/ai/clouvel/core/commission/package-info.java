/**
 * Commissions: what a buyer asks for ({@link ai.clouvel.core.commission.CommissionRequest}), the
 * settings of the engine ({@link ai.clouvel.core.commission.CommissionSettings}) and
 * {@link ai.clouvel.core.commission.Commissions}, the actions on them.
 *
 * <p><b>To call:</b> {@code DurableClouvel.commissions()}: validate, start a checkout or a payment
 * intent, hand it the gateway's webhooks, create, cancel or retry a commission, start and stop
 * the workers. <b>To implement:</b> nothing; the engine's parts are not part of the API. A
 * different payment provider is a {@link ai.clouvel.core.payment.PaymentGateway}, a different
 * database a {@link ai.clouvel.core.store.ClouvelStore}.
 */
package ai.clouvel.core.commission;
