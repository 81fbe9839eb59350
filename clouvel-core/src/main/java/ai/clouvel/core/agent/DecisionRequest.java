package ai.clouvel.core.agent;

import java.util.Objects;
import java.util.Set;

/**
 * What a {@link DecisionMaker} is asked about one item.
 *
 * @param agent which agent asks
 * @param persona who it is; the model's system prompt
 * @param item the item
 * @param allowed the actions it may choose; always contains {@link ActionType#NOTHING}
 * @param context what else it should know, for example the product's links or the commission page
 */
public record DecisionRequest(AgentKind agent, Persona persona, AgentItem item, Set<ActionType> allowed,
    String context) {

  /** Checks the fields and adds {@link ActionType#NOTHING} to the allowed actions. */
  public DecisionRequest {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(persona, "persona");
    Objects.requireNonNull(item, "item");
    java.util.EnumSet<ActionType> actions = java.util.EnumSet.of(ActionType.NOTHING);
    actions.addAll(Objects.requireNonNull(allowed, "allowed"));
    allowed = Set.copyOf(actions);
    context = context == null ? "" : context;
  }
}
