package ai.clouvel.core.donation;

import ai.clouvel.core.money.Money;

/**
 * One row of the leaderboard: what a subreddit's posts and commissions raised.
 *
 * @param subreddit the subreddit
 * @param donations how many succeeded donations
 * @param total their sum
 * @param commissions how many of them were commissions
 * @param supports how many of them were support
 */
public record SubredditTotal(String subreddit, long donations, Money total, long commissions, long supports) {
}
