package ai.clouvel.server.cli;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a failure to start into one line that names its cause, with secrets taken out. */
final class StartupFailures {
  private StartupFailures() {
  }

  /**
   * Describes why the server could not start.
   *
   * @param failure what was thrown
   * @param env the environment it was configured from (for the port, and the secrets to redact)
   * @return one line
   */
  static String describe(Throwable failure, Map<String, String> env) {
    return redact(oneLine(explain(failure, env)), env);
  }

  private static String explain(Throwable failure, Map<String, String> env) {
    List<Throwable> chain = chain(failure);
    for (Throwable t : chain) {
      if (t instanceof UncheckedIOException && t.getMessage() != null && t.getMessage().startsWith("cannot listen on")) {
        return t.getMessage() + ": " + (chain.stream().anyMatch(BindException.class::isInstance)
            ? "the port is already in use" : String.valueOf(t.getCause().getMessage()));
      }
    }
    for (Throwable t : chain) {
      if (t instanceof BindException) {
        String port = env.getOrDefault("PORT", "8000");
        return "port " + (port == null || port.isBlank() ? "8000" : port.strip())
            + " is already in use (PORT); stop the other process or choose another port";
      }
    }
    for (Throwable t : chain) {
      if (t instanceof SQLException sql) {
        return database(sql, chain);
      }
    }
    for (Throwable t : chain) {
      if (t instanceof ConnectException || t instanceof UnknownHostException) {
        return "cannot connect: " + t.getMessage();
      }
    }
    Throwable root = chain.get(chain.size() - 1);
    String message = failure.getMessage() != null ? failure.getMessage() : root.getMessage();
    return message == null ? failure.getClass().getSimpleName() : message;
  }

  private static String database(SQLException sql, List<Throwable> chain) {
    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
    String message = sql.getMessage() == null ? "" : sql.getMessage().replaceFirst("^(FATAL|ERROR):\\s*", "");
    if (state.startsWith("28")) {
      return "the database refused the credentials in DATABASE_URL: " + message;
    }
    if (state.equals("3D000")) {
      return "the database in DATABASE_URL does not exist: " + message;
    }
    if (state.startsWith("08") || chain.stream().anyMatch(t -> t instanceof ConnectException
        || t instanceof UnknownHostException)) {
      return "cannot reach the database in DATABASE_URL: " + message;
    }
    return "the database in DATABASE_URL failed: " + message;
  }

  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() > 400 ? line.substring(0, 400) + "…" : line;
  }

  /** Takes the value of every secret-looking variable, and URL passwords, out of the line. */
  private static String redact(String line, Map<String, String> env) {
    String out = line.replaceAll("(://[^:/@\\s]+:)[^@\\s]+@", "$1***@");
    for (Map.Entry<String, String> e : env.entrySet()) {
      String key = e.getKey().toUpperCase(Locale.ROOT);
      String value = e.getValue();
      if (value != null && value.length() >= 4 && (key.contains("SECRET") || key.contains("KEY")
          || key.contains("PASSWORD") || key.contains("TOKEN"))) {
        out = out.replace(value, "***");
      }
    }
    return out;
  }
}
