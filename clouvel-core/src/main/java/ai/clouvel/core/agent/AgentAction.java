package ai.clouvel.core.agent;

import java.time.Instant;

/**
 * Something an agent decided, did or, in a dry run, would have done.
 *
 * @param id the action id
 * @param agent which agent, for example {@code "community"} or {@code "promoter"}
 * @param action what, for example {@code "reply"}, {@code "promote"} or {@code "nothing"}
 * @param target on what: a Reddit full name, a post id, a subreddit or {@code product:42}
 * @param subreddit where, or empty
 * @param content the text it posted or would post
 * @param reason why, as the decision maker said
 * @param dryRun whether it was only a rehearsal
 * @param outcome {@code "done"}, {@code "dry_run"}, {@code "decided"} (nothing to do),
 *     {@code "capped"}, or {@code "refused: ..."} when Reddit said no
 * @param redditId the full name of what was created on Reddit, or empty
 * @param costMicros what the decision cost, in millionths of a dollar
 * @param createdAt when
 */
public record AgentAction(long id, String agent, String action, String target, String subreddit, String content,
    String reason, boolean dryRun, String outcome, String redditId, long costMicros, Instant createdAt) {
}
