package ai.clouvel.server.cli;

import ai.clouvel.agents.LiveProviders;
import ai.clouvel.core.Clouvel;
import ai.clouvel.core.time.Sleeper;
import ai.clouvel.server.ClouvelServer;
import ai.clouvel.server.config.ConfigurationException;
import ai.clouvel.store.SqlStore;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command line of the reference server jar.
 *
 * <pre>
 * java -jar clouvel-server.jar [serve]            run the server (the default)
 * java -jar clouvel-server.jar generate --count 3 make products end to end
 * java -jar clouvel-server.jar agents run community [--live]
 * </pre>
 */
public final class Main {
  private static final String USAGE = """
      Usage: java -jar clouvel-server.jar <command> [options]

      Commands:
        serve      run the reference server (the default; configured by environment variables)
        generate   make products end to end and write them to a folder
        agents     run an agent once: agents run community|promoter [--live] (dry run by default),
                   or agents run-due: what the schedule would run now
        help       show this text

      Run a command with --help for its options. Add --debug to see the stack trace of a failure.

      Exit status: 0 done, 1 a failure at run time (port in use, database unreachable, ...),
      2 a configuration or usage mistake.
      """;

  /** The exit status of a configuration or usage mistake. */
  static final int CONFIGURATION_ERROR = 2;
  /** The exit status of a failure at run time. */
  static final int RUNTIME_ERROR = 1;

  private Main() {
  }

  /**
   * Runs a command and exits with its status.
   *
   * @param args the command and its options
   */
  public static void main(String[] args) {
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    boolean debug = arguments.removeIf("--debug"::equals);
    if (arguments.isEmpty() || arguments.get(0).equals("serve")) {
      if (arguments.size() > 1) {
        System.err.println("clouvel: serve takes no arguments (it is configured by environment variables): "
            + String.join(" ", arguments.subList(1, arguments.size())));
        System.exit(CONFIGURATION_ERROR);
      }
      Started started = serve(System.getenv(), debug, System.err);
      if (started.server() == null) {
        System.exit(started.status());
      }
      started.server().awaitStop();
      return;
    }
    System.exit(runReporting(arguments, System.getenv(), debug, System.out, System.err));
  }

  /** Runs a command other than serve, turning a failure into one line and an exit status. */
  static int runReporting(List<String> arguments, Map<String, String> env, boolean debug, PrintStream out,
      PrintStream err) {
    try {
      return run(arguments, out, err, env.get("DATABASE_URL"));
    } catch (IllegalArgumentException e) {
      return fail(err, "configuration error: " + StartupFailures.describe(e, env), e, debug, CONFIGURATION_ERROR)
          .status();
    } catch (RuntimeException e) {
      return fail(err, arguments.get(0) + " failed: " + StartupFailures.describe(e, env), e, debug, RUNTIME_ERROR)
          .status();
    }
  }

  /**
   * The outcome of starting the server.
   *
   * @param server the running server, or {@code null} if it could not start
   * @param status the exit status when it could not start
   */
  record Started(ClouvelServer server, int status) {
  }

  /**
   * Checks the configuration, then starts the server. A failure is reported as one line on
   * {@code err} (with its stack trace only when {@code debug}), and nothing is left running.
   *
   * @param env the environment variables
   * @param debug whether to show stack traces
   * @param err where failures are reported
   * @return the running server, or the exit status: 2 for configuration, 1 for run time
   */
  static Started serve(Map<String, String> env, boolean debug, PrintStream err) {
    StartupLogFilter quiet = debug ? null : StartupLogFilter.install();
    if (!"false".equalsIgnoreCase(env.get("CLOUVEL_WARMUP"))) {
      Warmup.start();
    }
    try {
      return new Started(ClouvelServer.fromEnvironment(env).start(), 0);
    } catch (ConfigurationException e) {
      return fail(err, "configuration error: " + StartupFailures.describe(e, env), e, debug, CONFIGURATION_ERROR);
    } catch (RuntimeException | LinkageError e) {
      return fail(err, "cannot start: " + StartupFailures.describe(e, env), e, debug, RUNTIME_ERROR);
    } finally {
      if (quiet != null) {
        quiet.remove();
      }
    }
  }

  private static Started fail(PrintStream err, String line, Throwable failure, boolean debug, int status) {
    err.println("clouvel: " + line);
    if (debug) {
      failure.printStackTrace(err);
    }
    err.flush();
    return new Started(null, status);
  }

  static int run(List<String> args, PrintStream out, PrintStream err, String databaseUrl) {
    String command = args.isEmpty() ? "help" : args.get(0);
    List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    try {
      switch (command) {
        case "generate":
          return new GenerateCommand(out, SqlStore::open, store -> LiveProviders
              .fromEnvironment(System.getenv(), Clock.systemUTC(), Sleeper.system())
              .applyTo(cliBuilder(System.getenv())).build(store)).run(rest, databaseUrl);
        case "agents":
          try {
            return new AgentsCommand(out, SqlStore::open, store -> LiveProviders
                .fromEnvironment(System.getenv(), Clock.systemUTC(), Sleeper.system())
                .applyTo(cliBuilder(System.getenv())).build(store)).run(rest, databaseUrl);
          } catch (Args.UsageException e) {
            err.println(e.getMessage());
            err.print(AgentsCommand.USAGE);
            return 2;
          }
        case "help":
        case "--help":
        case "-h":
          out.print(USAGE);
          return 0;
        default:
          err.println("Unknown command: " + command);
          err.print(USAGE);
          return 2;
      }
    } catch (Args.UsageException e) {
      err.println(e.getMessage());
      err.print(GenerateCommand.USAGE);
      return 2;
    }
  }

  /** The CLI's builder: its QR codes lead to {@code PUBLIC_BASE_URL} when it is set, like the server's. */
  static Clouvel.Builder cliBuilder(Map<String, String> env) {
    Clouvel.Builder builder = Clouvel.builder();
    String base = env.get("PUBLIC_BASE_URL");
    if (base != null && !base.isBlank()) {
      builder.publicBaseUrl(base.strip());
    }
    return builder;
  }
}
