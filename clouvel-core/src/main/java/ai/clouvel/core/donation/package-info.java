/** Donations, donors, tiers and the money rules of commissions. */
package ai.clouvel.core.donation;
