package ai.clouvel.core.agent;

import ai.clouvel.core.provider.ProviderException;
import ai.clouvel.core.provider.RateLimitedException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's bookkeeping, shared by the agents: caps, dry runs, refusals, and a record of every
 * decision and action.
 */
final class Acting {
  /** After this many refusals on one item an agent gives up on it. */
  static final int MAX_REFUSALS = 3;

  private static final Logger log = LoggerFactory.getLogger(Acting.class);

  private final AgentRepository repo;
  private final AgentKind kind;
  private final String agent;
  private final AgentSettings settings;
  private final boolean dryRun;
  private final Clock clock;
  private final List<AgentAction> records = new ArrayList<>();
  private int decisions;
  private int actions;
  private int refused;
  private int capped;
  private long cost;
  private boolean stopped;

  Acting(AgentRepository repo, AgentKind kind, AgentSettings settings, boolean dryRun, Clock clock) {
    this.repo = repo;
    this.kind = kind;
    this.agent = kind.wireName();
    this.settings = settings;
    this.dryRun = dryRun;
    this.clock = clock;
  }

  boolean dryRun() {
    return dryRun;
  }

  String agent() {
    return agent;
  }

  /** Whether the run should end: Reddit or the model asked to slow down. */
  boolean stopped() {
    return stopped;
  }

  int decisions() {
    return decisions;
  }

  boolean handled(String itemId) {
    return repo.isHandled(agent, itemId, dryRun);
  }

  /** Whether today's cap of an action type leaves room for one more. */
  boolean hasRoom(ActionType type) {
    int cap = settings.capOf(type);
    return cap > 0 && repo.countActions(agent, type, dryRun, startOfDay()) < cap;
  }

  /** The action types of {@code wanted} with room left today. */
  Set<ActionType> open(Set<ActionType> wanted) {
    EnumSet<ActionType> open = EnumSet.noneOf(ActionType.class);
    for (ActionType type : wanted) {
      if (hasRoom(type)) {
        open.add(type);
      }
    }
    return open;
  }

  /** Asks the decision maker; a failure is recorded and ends the run when it may pass. */
  Optional<Decision> decide(DecisionMaker maker, DecisionRequest request) {
    try {
      Decision decision = maker.decide(request);
      decisions++;
      cost += decision.usage().costMicros();
      if (!request.allowed().contains(decision.action())) {
        record(request.item(), ActionType.NOTHING, "", "the model chose " + decision.action().wireName()
            + ", which is not allowed here: " + decision.reason(), "decided", "", decision.usage().costMicros());
        repo.markHandled(agent, request.item().id(), dryRun);
        return Optional.empty();
      }
      return Optional.of(decision);
    } catch (ProviderException e) {
      record(request.item(), ActionType.NOTHING, "", "", "failed: " + e.getMessage(), "", 0);
      stopped = e.isTransient();
      return Optional.empty();
    }
  }

  /** Records a decision to do nothing and marks the item done. */
  void nothing(AgentItem item, String reason, long costMicros) {
    record(item, ActionType.NOTHING, "", reason, "decided", "", costMicros);
    repo.markHandled(agent, item.id(), dryRun);
  }

  /**
   * Carries out an action within the caps: a dry run records it, a live run posts and records what
   * Reddit created, or Reddit's refusal (then a later run tries again, at most {@link #MAX_REFUSALS}
   * times).
   *
   * @return what Reddit created ({@code ""} in a dry run), or empty if capped, refused or taken
   */
  Optional<String> act(AgentItem item, ActionType type, String text, String reason, long costMicros,
      Supplier<String> post) {
    if (!hasRoom(type)) {
      capped++;
      record(item, type, text, reason, "capped", "", costMicros);
      return Optional.empty();
    }
    if (!repo.markHandled(agent, item.id(), dryRun)) {
      return Optional.empty();
    }
    if (dryRun) {
      actions++;
      record(item, type, text, reason, "dry_run", "", costMicros);
      return Optional.of("");
    }
    try {
      String created = post.get();
      actions++;
      record(item, type, text, reason, "done", created, costMicros);
      return Optional.of(created);
    } catch (ProviderException e) {
      refused++;
      record(item, type, text, reason, "refused: " + e.getMessage(), "", costMicros);
      if (e instanceof RateLimitedException) {
        stopped = true;
      }
      if (repo.refusals(agent, item.id()) < MAX_REFUSALS) {
        repo.unmarkHandled(agent, item.id(), dryRun);
      }
      log.warn("{} agent: Reddit refused to {} on {}: {}", agent, type.wireName(), item.id(), e.getMessage());
      return Optional.empty();
    }
  }

  AgentRun finish() {
    return new AgentRun(kind, dryRun, decisions, actions, refused, capped, cost, records);
  }

  private void record(AgentItem item, ActionType type, String text, String reason, String outcome, String redditId,
      long costMicros) {
    records.add(repo.recordAction(new NewAgentAction(agent, type.wireName(), item.id(), item.subreddit(), text,
        reason, dryRun, outcome, redditId, costMicros)));
  }

  private Instant startOfDay() {
    return clock.instant().truncatedTo(ChronoUnit.DAYS);
  }
}
