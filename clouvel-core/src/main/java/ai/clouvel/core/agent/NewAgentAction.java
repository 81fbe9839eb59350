package ai.clouvel.core.agent;

import java.util.Objects;

/**
 * An action to record; the store adds the id and the time.
 *
 * @param agent which agent
 * @param action what
 * @param target on what
 * @param subreddit where, or empty
 * @param content the text
 * @param reason why
 * @param dryRun whether it was a rehearsal
 * @param outcome what happened, see {@link AgentAction#outcome()}
 * @param redditId what was created, or empty
 * @param costMicros what the decision cost
 */
public record NewAgentAction(String agent, String action, String target, String subreddit, String content,
    String reason, boolean dryRun, String outcome, String redditId, long costMicros) {

  /** Checks the fields; absent texts become empty. */
  public NewAgentAction {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(outcome, "outcome");
    subreddit = subreddit == null ? "" : subreddit;
    content = content == null ? "" : content;
    reason = reason == null ? "" : reason;
    redditId = redditId == null ? "" : redditId;
    if (costMicros < 0) {
      throw new IllegalArgumentException("cost cannot be negative");
    }
  }
}
