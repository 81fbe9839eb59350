package ai.clouvel.server.cli;

import ai.clouvel.core.DurableClouvel;
import ai.clouvel.core.agent.AgentAction;
import ai.clouvel.core.agent.AgentKind;
import ai.clouvel.core.agent.AgentRun;
import ai.clouvel.core.store.ClouvelStore;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code agents run community|promoter [--live]}: runs an agent once, a dry run unless
 * {@code --live}, and prints every decision and action it recorded.
 */
final class AgentsCommand {
  static final String USAGE = """
      Usage: java -jar clouvel-server.jar agents run <community|promoter> [options]
             java -jar clouvel-server.jar agents run-due [--database URL]

      run      runs an agent once, now
      run-due  runs each enabled agent whose interval no node has claimed yet (as the server's
               schedule does), with its stored dry-run setting

        --live              act on Reddit (default: a dry run that only records what it would do)
        --database URL      the store (default: DATABASE_URL, else sqlite:./data/clouvel.db)

      Live runs need REDDIT_USERNAME and REDDIT_PASSWORD, except with the offline sample posts,
      whose live runs post to memory. Decisions use OpenAI when OPENAI_API_KEY is set.
      """;

  private final PrintStream out;
  private final Function<String, ClouvelStore> storeFactory;
  private final Function<ClouvelStore, DurableClouvel> clouvelFactory;

  AgentsCommand(PrintStream out, Function<String, ClouvelStore> storeFactory,
      Function<ClouvelStore, DurableClouvel> clouvelFactory) {
    this.out = out;
    this.storeFactory = storeFactory;
    this.clouvelFactory = clouvelFactory;
  }

  /** Runs the command; returns the process exit code. */
  int run(List<String> arguments, String defaultDatabaseUrl) {
    if (arguments.contains("--help")) {
      out.print(USAGE);
      return 0;
    }
    if (!arguments.isEmpty() && arguments.get(0).equals("run-due")) {
      return runDue(Args.parse(arguments.subList(1, arguments.size()), Set.of("database"), Set.of()),
          defaultDatabaseUrl);
    }
    if (arguments.size() < 2 || !arguments.get(0).equals("run")) {
      throw new Args.UsageException("expected: agents run <community|promoter> or agents run-due");
    }
    AgentKind kind = AgentKind.fromWire(arguments.get(1))
        .orElseThrow(() -> new Args.UsageException("unknown agent: " + arguments.get(1)
            + " (community or promoter)"));
    Args args = Args.parse(arguments.subList(2, arguments.size()), Set.of("database"), Set.of("live"));
    boolean dryRun = !args.flag("live");
    try (ClouvelStore store = storeFactory.apply(args.value("database").orElse(defaultDatabaseUrl));
         DurableClouvel clouvel = clouvelFactory.apply(store)) {
      out.println("Running the " + kind.wireName() + " agent (" + (dryRun ? "dry run" : "LIVE") + ", store: "
          + store.describe() + ")");
      AgentRun run = clouvel.agents().runNow(kind, dryRun);
      for (AgentAction a : run.records()) {
        out.printf("%-9s %-10s %-14s %-24s %s%n", a.action(), a.outcome().length() > 10 ? "refused" : a.outcome(),
            a.subreddit().isEmpty() ? "-" : "r/" + a.subreddit(), a.target(),
            a.reason() + (a.redditId().isEmpty() ? "" : " -> " + a.redditId())
                + (a.outcome().startsWith("refused") || a.outcome().startsWith("failed") ? " [" + a.outcome() + "]" : ""));
      }
      out.println(run.decisions() + " decision(s), " + run.actions() + " action(s)" + (dryRun ? " (dry run)" : "")
          + ", " + run.refused() + " refused, " + run.capped() + " capped, cost $"
          + BigDecimal.valueOf(run.costMicros(), 6).toPlainString());
      return 0;
    }
  }

  private int runDue(Args args, String defaultDatabaseUrl) {
    try (ClouvelStore store = storeFactory.apply(args.value("database").orElse(defaultDatabaseUrl));
         DurableClouvel clouvel = clouvelFactory.apply(store)) {
      List<AgentRun> runs = clouvel.agents().runDue();
      for (AgentRun run : runs) {
        out.println("ran " + run.agent().wireName() + " (" + (run.dryRun() ? "dry run" : "live") + "): "
            + run.decisions() + " decision(s), " + run.actions() + " action(s)");
      }
      if (runs.isEmpty()) {
        out.println("nothing due: no enabled agent, or another node has run it this interval");
      }
      return 0;
    }
  }
}
