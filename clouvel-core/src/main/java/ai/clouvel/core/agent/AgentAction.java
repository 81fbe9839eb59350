package ai.clouvel.core.agent;

import java.time.Instant;

/**
 * Something an agent did or, in a dry run, would have done.
 *
 * @param id the action id
 * @param agent which agent, for example {@code "scanner"} or {@code "publisher"}
 * @param action what, for example {@code "comment"}
 * @param target on what, for example a post id
 * @param content the text it posted or would post
 * @param dryRun whether it was only a rehearsal
 * @param outcome {@code "done"}, {@code "dry_run"} or an error
 * @param createdAt when
 */
public record AgentAction(long id, String agent, String action, String target, String content,
    boolean dryRun, String outcome, Instant createdAt) {
}
