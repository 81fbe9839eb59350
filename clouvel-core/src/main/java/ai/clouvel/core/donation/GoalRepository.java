package ai.clouvel.core.donation;

import ai.clouvel.core.money.Money;
import java.time.Instant;
import java.util.List;

/** Stores fundraising goals and reports their progress. */
public interface GoalRepository {

  /**
   * Creates a goal.
   *
   * @param title what the goal is for
   * @param subreddit the subreddit, or {@code null} for all donations
   * @param target the amount to raise
   * @param startsAt donations from this time count
   * @param endsAt the deadline, or {@code null}
   * @return the goal, with what it raised so far
   */
  Goal create(String title, String subreddit, Money target, Instant startsAt, Instant endsAt);

  /**
   * Lists the goals whose deadline has not passed, with what each raised, in one statement.
   *
   * @param now the current time
   * @return the goals, newest first
   */
  List<Goal> active(Instant now);
}
