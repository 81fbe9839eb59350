package ai.clouvel.core.agent;

import java.util.List;

/**
 * What one run of an agent did.
 *
 * @param agent which agent
 * @param dryRun whether it only rehearsed
 * @param decisions how many decisions the decision maker made
 * @param actions how many actions it carried out (or, dry, would have)
 * @param refused how many Reddit refused (retried by a later run, within the caps)
 * @param capped how many a daily cap held back
 * @param costMicros what the decisions cost, in millionths of a dollar
 * @param records everything recorded, in order
 */
public record AgentRun(AgentKind agent, boolean dryRun, int decisions, int actions, int refused, int capped,
    long costMicros, List<AgentAction> records) {

  /** Copies the records. */
  public AgentRun {
    records = List.copyOf(records);
  }
}
