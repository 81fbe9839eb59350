package ai.clouvel.server.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * While the server starts, drops library warnings and errors that carry a stack trace, and Javalin's
 * own "failed to start": a failure to start is reported as one line by {@link Main}, and the stack
 * traces behind it (HikariCP's, Jetty's) are shown only with {@code --debug}. Removed as soon as the
 * server has started, so run-time logs are untouched.
 */
final class StartupLogFilter extends TurboFilter {
  private final LoggerContext context;

  private StartupLogFilter(LoggerContext context) {
    this.context = context;
  }

  /**
   * Installs the filter if Logback is the logging backend.
   *
   * @return the filter, or {@code null} with another backend
   */
  static StartupLogFilter install() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return null;
    }
    StartupLogFilter filter = new StartupLogFilter(context);
    filter.setName("clouvel-startup");
    filter.start();
    context.addTurboFilter(filter);
    return filter;
  }

  /** Removes the filter. */
  void remove() {
    context.getTurboFilterList().remove(this);
    stop();
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
      Throwable t) {
    boolean hasThrowable = t != null || params != null && params.length > 0
        && params[params.length - 1] instanceof Throwable;
    boolean library = !logger.getName().startsWith("ai.clouvel");
    if (library && level != null && level.isGreaterOrEqual(Level.WARN)
        && (hasThrowable || logger.getName().startsWith("io.javalin"))) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
