package ai.clouvel.core.agent;

import ai.clouvel.core.internal.WireNames;
import java.util.Optional;

/** What an agent decided to do with one item. Agents never vote: there is no such action. */
public enum ActionType {
  /** Reply to a post or comment. */
  REPLY,
  /** Welcome a newcomer, as a reply to their first post or comment. */
  WELCOME,
  /** Announce a new product with its image and links, as a post in the community subreddit. */
  ANNOUNCE,
  /** Offer to make a product from a post, as a comment linking to the commission page. */
  PROMOTE,
  /** Do nothing. */
  NOTHING;

  /**
   * Returns the name used in JSON, the database and model answers.
   *
   * @return for example {@code "welcome"}
   */
  public String wireName() {
    return WireNames.of(this);
  }

  /**
   * Reads a wire name.
   *
   * @param wire for example {@code "reply"}
   * @return the action, or empty if unknown
   */
  public static Optional<ActionType> fromWire(String wire) {
    return WireNames.parse(ActionType.class, wire);
  }
}
