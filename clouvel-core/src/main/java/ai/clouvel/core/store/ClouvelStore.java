package ai.clouvel.core.store;

import ai.clouvel.core.agent.AgentRepository;
import ai.clouvel.core.content.SubredditRepository;
import ai.clouvel.core.donation.DonationRepository;
import ai.clouvel.core.donation.GoalRepository;
import ai.clouvel.core.product.GalleryRepository;
import ai.clouvel.core.schedule.SchedulerRepository;
import ai.clouvel.core.task.TaskQueue;
import java.util.function.Function;

/**
 * Every store port in one place, with transactions. Implemented on SQLite and PostgreSQL by the
 * {@code clouvel-store} module.
 */
public interface ClouvelStore extends CatalogStore, AutoCloseable {

  /**
   * Returns the donations.
   *
   * @return the donation repository
   */
  DonationRepository donations();

  /**
   * Returns the durable task queue.
   *
   * @return the queue
   */
  TaskQueue tasks();

  /**
   * Returns the gallery reader.
   *
   * @return the gallery repository
   */
  GalleryRepository gallery();

  /**
   * Returns the fundraising goals.
   *
   * @return the goal repository
   */
  GoalRepository goals();

  /**
   * Returns what agents scanned and did.
   *
   * @return the agent repository
   */
  AgentRepository agents();

  /**
   * Returns the scheduler configuration.
   *
   * @return the scheduler repository
   */
  SchedulerRepository scheduler();

  /**
   * Returns the cache of known subreddits and their metadata.
   *
   * @return the subreddit repository
   */
  SubredditRepository subreddits();

  /**
   * Runs work in one transaction: the store passed to {@code work} does everything in that
   * transaction, which commits when {@code work} returns and rolls back when it throws.
   *
   * @param work the work
   * @param <T> what the work returns
   * @return what the work returned
   */
  <T> T inTransaction(Function<ClouvelStore, T> work);

  /**
   * Checks that the database answers and can write. Implementations should make the check cheap
   * (one small committed write); callers that check often rate-limit it.
   *
   * @return {@code true} if a read and a committed write succeeded
   */
  boolean isHealthy();

  /**
   * Describes the database without secrets, for status pages.
   *
   * @return for example {@code "sqlite:./data/clouvel.db"} or {@code "postgresql://db:5432/clouvel"}
   */
  String describe();

  /** Closes the connection pools. */
  @Override
  void close();
}
