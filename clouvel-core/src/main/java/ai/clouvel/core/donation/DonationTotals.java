package ai.clouvel.core.donation;

import ai.clouvel.core.money.Money;

/**
 * Totals over every succeeded donation.
 *
 * @param donations how many
 * @param total their sum
 * @param commissions how many were commissions
 * @param supports how many were support
 * @param refunded how many were refunded
 * @param refundedTotal the sum refunded
 */
public record DonationTotals(long donations, Money total, long commissions, long supports,
    long refunded, Money refundedTotal) {
}
