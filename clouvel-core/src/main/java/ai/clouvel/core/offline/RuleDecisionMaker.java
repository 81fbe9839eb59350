package ai.clouvel.core.offline;

import ai.clouvel.core.agent.ActionType;
import ai.clouvel.core.agent.AgentItem;
import ai.clouvel.core.agent.AgentKind;
import ai.clouvel.core.agent.Decision;
import ai.clouvel.core.agent.DecisionMaker;
import ai.clouvel.core.agent.DecisionRequest;
import ai.clouvel.core.usage.Usage;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@link DecisionMaker} that decides by simple rules, with no model and no network, so the
 * agents run offline over the sample posts. The community agent welcomes people who say they are
 * new, answers questions with a pointer to the commission page, announces every new product and
 * otherwise does nothing; the promoter rates a post by the length and concreteness of its story.
 * Stateless and thread-safe; every decision is free.
 */
public final class RuleDecisionMaker implements DecisionMaker {
  /** The model name recorded with the decisions' (free) usage. */
  public static final String MODEL = "offline-rules";

  private static final Pattern NEWCOMER = Pattern.compile(
      "\\b(new here|first post|just joined|hello everyone|hi everyone|hi all)\\b");

  @Override
  public Decision decide(DecisionRequest request) {
    AgentItem item = request.item();
    String text = (item.title() + " " + item.text()).toLowerCase(Locale.ROOT);
    if (request.agent() == AgentKind.PROMOTER) {
      return rate(request, item);
    }
    String name = request.persona().name();
    if (item.kind() == AgentItem.Kind.PRODUCT && request.allowed().contains(ActionType.ANNOUNCE)) {
      return decision(ActionType.ANNOUNCE, "a new product nobody has seen yet",
          "\"" + item.title() + "\" - a new print from the community", 0, "");
    }
    if (item.kind() != AgentItem.Kind.COMMENT && NEWCOMER.matcher(text).find()
        && request.allowed().contains(ActionType.WELCOME)) {
      return decision(ActionType.WELCOME, "the author says they are new here",
          "Welcome, u/" + item.author() + "! Glad you found us. - " + name, 0, "");
    }
    String asked = item.kind() == AgentItem.Kind.COMMENT ? item.text() : item.title() + " " + item.text();
    if (asked.contains("?") && request.allowed().contains(ActionType.REPLY)) {
      return decision(ActionType.REPLY, "a question the community agent can answer",
          "Good question, u/" + item.author() + "! Commissions are made within minutes, you can watch them live,"
              + " and a commission that fails is refunded automatically. - " + name, 0, "");
    }
    return decision(ActionType.NOTHING, "nothing a reply would add to", "", 0, "");
  }

  private static Decision rate(DecisionRequest request, AgentItem item) {
    double story = Math.min(6, item.text().length() / 40.0);
    double title = Math.min(3, item.title().split("\\s+").length / 4.0);
    double score = Math.round(Math.min(10, 1 + story + title) * 10) / 10.0;
    String idea = "A painted print of \"" + item.title() + "\"";
    if (!request.allowed().contains(ActionType.PROMOTE) || score < 5) {
      return decision(ActionType.NOTHING, "too little story to paint", "", score, idea);
    }
    return decision(ActionType.PROMOTE, "a concrete, vivid story that would make a good print",
        "This would make a lovely print! If you like, we can paint it for you.", score, idea);
  }

  private static Decision decision(ActionType action, String reason, String text, double score, String idea) {
    return new Decision(action, reason, text, score, idea, Usage.free(MODEL));
  }
}
