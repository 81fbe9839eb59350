package ai.clouvel.core.agent;

import ai.clouvel.core.usage.Usage;
import java.util.Objects;

/**
 * One structured decision about one item.
 *
 * @param action what to do
 * @param reason why, in a sentence; recorded with the action
 * @param text the message to post, empty for {@link ActionType#NOTHING}
 * @param score how promising the item is, 0 to 10 (the promoter's rating; 0 when not rated)
 * @param idea a suggested product idea (the promoter's), or empty
 * @param usage the model call's usage and cost
 */
public record Decision(ActionType action, String reason, String text, double score, String idea, Usage usage) {

  /** Checks the fields. */
  public Decision {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(usage, "usage");
    reason = reason == null ? "" : reason.strip();
    text = text == null ? "" : text.strip();
    idea = idea == null ? "" : idea.strip();
    if (Double.isNaN(score) || score < 0 || score > 10) {
      throw new IllegalArgumentException("score must be between 0 and 10: " + score);
    }
    if (action != ActionType.NOTHING && action != ActionType.ANNOUNCE && text.isEmpty()) {
      throw new IllegalArgumentException(action.wireName() + " needs a text");
    }
  }
}
