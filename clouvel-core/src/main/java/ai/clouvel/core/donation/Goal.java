package ai.clouvel.core.donation;

import ai.clouvel.core.money.Money;
import java.time.Instant;

/**
 * A fundraising goal, for one subreddit or overall.
 *
 * @param id the goal id
 * @param title what the goal is for
 * @param subreddit the subreddit, or {@code null} for all donations
 * @param target the amount to raise
 * @param raised what succeeded donations since the goal started raised
 * @param startsAt donations from this time count
 * @param endsAt the deadline, or {@code null}
 */
public record Goal(long id, String title, String subreddit, Money target, Money raised,
    Instant startsAt, Instant endsAt) {
}
