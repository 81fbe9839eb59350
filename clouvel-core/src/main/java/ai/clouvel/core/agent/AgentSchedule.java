package ai.clouvel.core.agent;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the agents on their intervals through the store, so that on many nodes exactly one node
 * runs each agent per interval: a node runs an agent only after claiming the interval's row in the
 * store ({@link AgentRepository#claimRun}), and the store lets one claim per agent and interval
 * succeed. Scheduled runs use the stored {@link AgentSettings#dryRun()}.
 */
public final class AgentSchedule implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentSchedule.class);

  private final AgentRepository agents;
  private final CommunityAgent community;
  private final PromoterAgent promoter;
  private final Clock clock;
  private final String node;
  private volatile ScheduledExecutorService loop;

  /**
   * Creates the schedule.
   *
   * @param agents where settings and claims are kept
   * @param community the community agent
   * @param promoter the promoter agent
   * @param clock the clock of intervals
   * @param node this node's name, recorded with its claims
   */
  public AgentSchedule(AgentRepository agents, CommunityAgent community, PromoterAgent promoter, Clock clock,
      String node) {
    this.agents = Objects.requireNonNull(agents, "agents");
    this.community = Objects.requireNonNull(community, "community");
    this.promoter = Objects.requireNonNull(promoter, "promoter");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.node = Objects.requireNonNull(node, "node");
  }

  /**
   * Runs every enabled agent whose current interval no node has claimed yet.
   *
   * @return the runs this node made
   */
  public List<AgentRun> runDue() {
    List<AgentRun> runs = new ArrayList<>();
    for (AgentKind kind : AgentKind.values()) {
      AgentSettings settings = agents.settings(kind);
      if (!settings.enabled()) {
        continue;
      }
      long slot = clock.millis() / settings.interval().toMillis();
      if (!agents.claimRun(kind, slot, node, clock.instant())) {
        continue;
      }
      try {
        runs.add(run(kind, settings.dryRun()));
      } catch (RuntimeException e) {
        log.warn("the {} agent's scheduled run failed: {}", kind.wireName(), e.toString());
      }
    }
    return runs;
  }

  /**
   * Runs an agent now, outside its schedule.
   *
   * @param kind the agent
   * @param dryRun {@code true} to only record what it would do
   * @return the run
   * @throws IllegalStateException if a live run is asked for and no publisher is configured
   */
  public AgentRun runNow(AgentKind kind, boolean dryRun) {
    agents.claimRun(kind, -clock.millis(), node, clock.instant());
    return run(kind, dryRun);
  }

  private AgentRun run(AgentKind kind, boolean dryRun) {
    AgentRun run = kind == AgentKind.COMMUNITY ? community.run(dryRun) : promoter.run(dryRun);
    log.info("{} agent ran ({}): {} decisions, {} actions, {} refused, {} capped", kind.wireName(),
        dryRun ? "dry run" : "live", run.decisions(), run.actions(), run.refused(), run.capped());
    return run;
  }

  /**
   * Starts a thread of its own that looks for due runs every {@code poll}.
   *
   * @param poll how often to look
   */
  public synchronized void start(Duration poll) {
    if (loop != null) {
      return;
    }
    loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "clouvel-agents-" + node);
      thread.setDaemon(true);
      return thread;
    });
    loop.scheduleWithFixedDelay(() -> {
      try {
        runDue();
      } catch (RuntimeException e) {
        log.warn("agent schedule: {}", e.toString());
      }
    }, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Tells whether the loop runs on this node.
   *
   * @return whether {@link #start} was called and {@link #close} was not
   */
  public boolean isStarted() {
    return loop != null;
  }

  /** Stops the loop; a run in progress finishes its current call. */
  @Override
  public synchronized void close() {
    ScheduledExecutorService executor = loop;
    loop = null;
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
