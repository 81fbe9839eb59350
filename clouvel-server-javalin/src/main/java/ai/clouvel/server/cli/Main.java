package ai.clouvel.server.cli;

import ai.clouvel.agents.LiveProviders;
import ai.clouvel.core.Clouvel;
import ai.clouvel.core.time.Sleeper;
import ai.clouvel.server.ClouvelServer;
import java.time.Clock;
import ai.clouvel.store.SqlStore;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of the reference server jar.
 *
 * <pre>
 * java -jar clouvel-server.jar [serve]            run the server (the default)
 * java -jar clouvel-server.jar generate --count 3 make products end to end
 * </pre>
 */
public final class Main {
  private static final String USAGE = """
      Usage: java -jar clouvel-server.jar <command> [options]

      Commands:
        serve      run the reference server (the default; configured by environment variables)
        generate   make products end to end and write them to a folder
        help       show this text

      Run a command with --help for its options.
      """;

  private Main() {
  }

  /**
   * Runs a command and exits with its status.
   *
   * @param args the command and its options
   */
  public static void main(String[] args) {
    if (args.length == 0 || args[0].equals("serve")) {
      ClouvelServer.fromEnvironment(System.getenv()).start().awaitStop();
      return;
    }
    System.exit(run(Arrays.asList(args), System.out, System.err, System.getenv("DATABASE_URL")));
  }

  static int run(List<String> args, PrintStream out, PrintStream err, String databaseUrl) {
    String command = args.isEmpty() ? "help" : args.get(0);
    List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    try {
      switch (command) {
        case "generate":
          return new GenerateCommand(out, SqlStore::open, store -> LiveProviders
              .fromEnvironment(System.getenv(), Clock.systemUTC(), Sleeper.system())
              .applyTo(Clouvel.builder().store(store)).build()).run(rest, databaseUrl);
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
}
