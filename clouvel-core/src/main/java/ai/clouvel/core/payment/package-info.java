/** Payments: the {@link ai.clouvel.core.payment.PaymentGateway} port and its events. */
package ai.clouvel.core.payment;
