/**
 * Donations, donors, tiers and the money rules of commissions.
 *
 * <p><b>To call:</b> {@link ai.clouvel.core.donation.CommissionRules} and
 * {@link ai.clouvel.core.donation.TierTable} to say what each amount buys; the rest are values the
 * API hands back. <b>To implement:</b> {@link ai.clouvel.core.donation.DonationRepository} and
 * {@link ai.clouvel.core.donation.GoalRepository} only when writing a store.
 */
package ai.clouvel.core.donation;
