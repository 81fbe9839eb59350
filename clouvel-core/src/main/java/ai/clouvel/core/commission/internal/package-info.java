/**
 * The commission engine: validation, fulfilment of payments, workers, refunds and the scheduler,
 * package-private behind {@link ai.clouvel.core.commission.internal.CommissionEngine}. Not
 * exported: users reach it through {@link ai.clouvel.core.commission.Commissions}.
 */
package ai.clouvel.core.commission.internal;
