package ai.clouvel.core.agent;

import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores what the agents scanned, decided and did, their settings, schedule claims and publications. */
public interface AgentRepository {

  /**
   * Records a scanned post, replacing an earlier verdict on it.
   *
   * @param post the scan
   */
  void recordScan(ScannedPost post);

  /**
   * Lists the best candidates found by scans, best first.
   *
   * @param limit at most this many
   * @return scanned posts whose verdict is {@code "candidate"} and that have no product yet
   */
  List<ScannedPost> candidates(int limit);

  /**
   * Records a decision or an action.
   *
   * @param action what to record
   * @return the stored action
   */
  AgentAction recordAction(NewAgentAction action);

  /**
   * Lists actions, newest first.
   *
   * @param page which page
   * @param agent only this agent's, or {@code null} for all
   * @return the page
   */
  Page<AgentAction> actions(PageRequest page, String agent);

  /**
   * Counts the actions of a type an agent carried out (live: {@code done}; dry: {@code dry_run})
   * since a moment, for daily caps.
   *
   * @param agent the agent
   * @param action the action type
   * @param dryRun which mode to count
   * @param since from when
   * @return the count
   */
  int countActions(String agent, ActionType action, boolean dryRun, Instant since);

  /**
   * Returns when an agent last carried out an action of a type in a subreddit, for cooldowns.
   *
   * @param agent the agent
   * @param action the action type
   * @param subreddit the subreddit, any case
   * @param dryRun which mode
   * @return the time, or empty if never
   */
  Optional<Instant> lastAction(String agent, ActionType action, String subreddit, boolean dryRun);

  /**
   * Counts how often Reddit refused an agent's action on a target.
   *
   * @param agent the agent
   * @param target the target
   * @return the number of refusals
   */
  int refusals(String agent, String target);

  /**
   * Tells whether an agent is done with an item in a mode (decided to do nothing, or did it).
   *
   * @param agent the agent
   * @param itemId the item
   * @param dryRun which mode
   * @return whether it is done
   */
  boolean isHandled(String agent, String itemId, boolean dryRun);

  /**
   * Marks an item done for an agent in a mode.
   *
   * @param agent the agent
   * @param itemId the item
   * @param dryRun which mode
   * @return {@code true} if this call marked it, {@code false} if it already was
   */
  boolean markHandled(String agent, String itemId, boolean dryRun);

  /**
   * Takes back a mark, after Reddit refused the action, so that a later run tries again.
   *
   * @param agent the agent
   * @param itemId the item
   * @param dryRun which mode
   */
  void unmarkHandled(String agent, String itemId, boolean dryRun);

  /**
   * Loads an agent's settings.
   *
   * @param agent the agent
   * @return the saved settings, or {@link AgentSettings#defaults(AgentKind)}
   */
  AgentSettings settings(AgentKind agent);

  /**
   * Saves an agent's settings.
   *
   * @param agent the agent
   * @param settings the settings
   */
  void saveSettings(AgentKind agent, AgentSettings settings);

  /**
   * Claims one run of an agent: the first node to claim a slot runs it, every other is told no.
   *
   * @param agent the agent
   * @param slot the interval's number (time since the epoch divided by the interval), or a unique
   *     negative number for a run started by hand
   * @param node who claims
   * @param now when
   * @return {@code true} if this call claimed the slot
   */
  boolean claimRun(AgentKind agent, long slot, String node, Instant now);

  /**
   * Returns when an agent last ran, by any node.
   *
   * @param agent the agent
   * @return the time of the last claim, or empty
   */
  Optional<Instant> lastRun(AgentKind agent);

  /**
   * Reserves a publication of a product to a target, or returns the one already there.
   *
   * @param productId the product
   * @param target the target
   * @param now when
   * @return empty if this call reserved it (go ahead and post), else the existing publication
   */
  Optional<Publication> reservePublication(long productId, String target, Instant now);

  /**
   * Completes a reserved publication with what Reddit created.
   *
   * @param productId the product
   * @param target the target
   * @param redditId what Reddit created
   */
  void completePublication(long productId, String target, String redditId);

  /**
   * Drops a reservation whose post failed, so that a later call may try again.
   *
   * @param productId the product
   * @param target the target
   */
  void releasePublication(long productId, String target);
}
