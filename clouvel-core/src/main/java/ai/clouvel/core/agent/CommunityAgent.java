package ai.clouvel.core.agent;

import ai.clouvel.core.product.Product;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes part in the community: tells a post's readers that it inspired a product, as a comment on
 * the post or as a post of its own. Every action is recorded; dry runs record what would have been
 * posted and post nothing.
 */
public final class CommunityAgent {
  /** Where an announcement goes. */
  public enum Target {
    /** A comment on the post the product was made from. */
    COMMENT,
    /** A link post in the post's subreddit. */
    POST
  }

  private final AgentRepository agents;
  private final CommunityPublisher publisher;
  private final String publicBaseUrl;

  /**
   * Creates the agent.
   *
   * @param agents where actions are recorded
   * @param publisher the account that posts, or {@code null} if none is configured (dry runs only)
   * @param publicBaseUrl the server's address, for links to product pages
   */
  public CommunityAgent(AgentRepository agents, CommunityPublisher publisher, String publicBaseUrl) {
    this.agents = Objects.requireNonNull(agents, "agents");
    this.publisher = publisher;
    this.publicBaseUrl = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
  }

  /**
   * Tells whether real posting is possible.
   *
   * @return {@code true} if a publisher is configured
   */
  public boolean canPublish() {
    return publisher != null;
  }

  /**
   * Announces a product.
   *
   * @param product the product
   * @param target comment or post
   * @param dryRun whether to only record what would be posted
   * @return the recorded action
   * @throws IllegalStateException if a real post is asked for and no publisher is configured
   */
  public AgentAction announce(Product product, Target target, boolean dryRun) {
    String pageUrl = publicBaseUrl + "/p/" + product.id();
    String text = target == Target.COMMENT
        ? "This post inspired a piece of art: \"" + product.idea().imageTitle() + "\" - " + pageUrl
            + "\n\n^(Made by Clouvel from this thread. Reply if you would rather we didn't.)"
        : "\"" + product.idea().imageTitle() + "\" - art inspired by a post in r/" + product.subreddit();
    String action = target == Target.COMMENT ? "comment" : "post";
    String where = target == Target.COMMENT ? product.postId() : product.subreddit();
    if (dryRun) {
      return agents.recordAction("community", action, where, text, true, "dry_run");
    }
    if (publisher == null) {
      throw new IllegalStateException("no Reddit account is configured for posting");
    }
    String created = target == Target.COMMENT
        ? publisher.comment(product.postId(), text)
        : publisher.submit(product.subreddit(), text, pageUrl);
    return agents.recordAction("community", action, where, text, false, "posted " + created);
  }

  /**
   * Returns the publisher.
   *
   * @return the publisher, or empty
   */
  public Optional<CommunityPublisher> publisher() {
    return Optional.ofNullable(publisher);
  }
}
