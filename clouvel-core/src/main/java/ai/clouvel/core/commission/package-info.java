/** Commissions: validation, idempotent fulfilment, workers and refunds. */
package ai.clouvel.core.commission;
