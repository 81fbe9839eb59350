package ai.clouvel.core.donation;

import ai.clouvel.core.money.Money;

/**
 * One row of the donor leaderboard: what the donors shown under one public name gave. Only donors
 * who chose to be named take part (see {@link Donor#publicName()}); anonymous donors are left out,
 * and no email is ever part of a row.
 *
 * @param donorName the public name (the donor's name, else their Reddit username)
 * @param donations how many succeeded donations
 * @param total their sum
 */
public record DonorTotal(String donorName, long donations, Money total) {
}
