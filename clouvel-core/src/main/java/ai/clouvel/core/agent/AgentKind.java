package ai.clouvel.core.agent;

import ai.clouvel.core.internal.WireNames;
import java.util.Optional;

/** The agents that act on Reddit on their own, on a schedule. */
public enum AgentKind {
  /** Takes part in the community subreddit with a persona. */
  COMMUNITY,
  /** Finds posts worth a product in other subreddits and offers to make one. */
  PROMOTER;

  /**
   * Returns the name used in JSON, the database and the command line.
   *
   * @return {@code "community"} or {@code "promoter"}
   */
  public String wireName() {
    return WireNames.of(this);
  }

  /**
   * Reads a wire name.
   *
   * @param wire {@code "community"} or {@code "promoter"}
   * @return the agent, or empty if unknown
   */
  public static Optional<AgentKind> fromWire(String wire) {
    return WireNames.parse(AgentKind.class, wire);
  }
}
