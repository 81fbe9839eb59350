package ai.clouvel.core.agent;

import ai.clouvel.core.content.Comment;
import ai.clouvel.core.content.ContentSource;
import ai.clouvel.core.content.Listing;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.ProductRepository;
import ai.clouvel.core.product.PublicLinks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The community agent: with its {@link Persona persona} it reads the newest posts and comments of
 * the community subreddit (default r/clouvel) and the newest products, and decides with one
 * {@link DecisionMaker} call per item to reply, welcome a newcomer, announce a new product (a post
 * with its image, then a comment with its links) or do nothing. Live runs do it through the
 * {@link CommunityPublisher}; dry runs only record it. Every decision is recorded with its reason
 * and cost, within the daily caps of {@link AgentSettings}.
 */
public final class CommunityAgent {
  /** Where a product announcement goes. */
  public enum Target {
    /** A comment on the post the product was made from. */
    COMMENT,
    /** A post with the product's image in the community subreddit. */
    POST
  }

  /** The most decisions one run makes, so a busy subreddit cannot run up the model's bill. */
  static final int MAX_DECISIONS_PER_RUN = 25;
  private static final Set<String> IGNORED_AUTHORS = Set.of("automoderator", "[deleted]");

  private final AgentRepository agents;
  private final ContentSource content;
  private final ProductRepository products;
  private final DecisionMaker decisions;
  private final CommunityPublisher publisher;
  private final String publicBaseUrl;
  private final Clock clock;

  /**
   * Creates the agent.
   *
   * @param agents where settings, decisions and actions are kept
   * @param content where the community's posts and comments come from
   * @param products the products to announce
   * @param decisions who decides
   * @param publisher the account that posts, or {@code null} if none is configured (dry runs only)
   * @param publicBaseUrl the server's address, for links to product pages
   * @param clock the clock of daily caps
   */
  public CommunityAgent(AgentRepository agents, ContentSource content, ProductRepository products,
      DecisionMaker decisions, CommunityPublisher publisher, String publicBaseUrl, Clock clock) {
    this.agents = Objects.requireNonNull(agents, "agents");
    this.content = Objects.requireNonNull(content, "content");
    this.products = Objects.requireNonNull(products, "products");
    this.decisions = Objects.requireNonNull(decisions, "decisions");
    this.publisher = publisher;
    this.publicBaseUrl = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Tells whether live runs are possible.
   *
   * @return {@code true} if a publisher is configured
   */
  public boolean canPublish() {
    return publisher != null;
  }

  /**
   * Returns the publisher.
   *
   * @return the publisher, or empty
   */
  public Optional<CommunityPublisher> publisher() {
    return Optional.ofNullable(publisher);
  }

  /**
   * Runs once with the stored settings.
   *
   * @param dryRun {@code true} to only record what it would do
   * @return what it decided and did
   * @throws IllegalStateException if a live run is asked for and no publisher is configured
   */
  public AgentRun run(boolean dryRun) {
    requirePublisher(dryRun);
    AgentSettings settings = agents.settings(AgentKind.COMMUNITY);
    Acting acting = new Acting(agents, AgentKind.COMMUNITY, settings, dryRun, clock);
    String subreddit = settings.communitySubreddit();
    for (AgentItem item : items(subreddit)) {
      if (acting.stopped() || acting.decisions() >= MAX_DECISIONS_PER_RUN) {
        break;
      }
      if (acting.handled(item.id())) {
        continue;
      }
      Set<ActionType> wanted = item.kind() == AgentItem.Kind.PRODUCT ? EnumSet.of(ActionType.ANNOUNCE)
          : EnumSet.of(ActionType.REPLY, ActionType.WELCOME);
      Set<ActionType> open = acting.open(wanted);
      if (open.isEmpty()) {
        continue;
      }
      Optional<Decision> decided = acting.decide(decisions, new DecisionRequest(AgentKind.COMMUNITY,
          settings.persona(), item, open, context(item, subreddit)));
      if (decided.isEmpty()) {
        continue;
      }
      Decision decision = decided.get();
      long cost = decision.usage().costMicros();
      switch (decision.action()) {
        case NOTHING -> acting.nothing(item, decision.reason(), cost);
        case REPLY, WELCOME -> acting.act(item, decision.action(), decision.text(), decision.reason(), cost,
            () -> publisher.reply(item.id(), decision.text()));
        case ANNOUNCE -> {
          Product product = products.find(productId(item)).orElseThrow();
          String title = decision.text().isEmpty() ? postTitle(product) : clip(decision.text(), 300);
          acting.act(item, ActionType.ANNOUNCE, title, decision.reason(), cost,
              () -> publishOnce(product, Target.POST, subreddit, title));
        }
        default -> acting.nothing(item, "not an action of this agent: " + decision.action().wireName(), cost);
      }
    }
    return acting.finish();
  }

  /**
   * Announces a product by hand. A live announcement is made at most once per product and target:
   * a second call records {@code duplicate} with the first call's Reddit id and posts nothing. A
   * post goes to the community subreddit, as the product's image followed by a comment with its
   * links; a comment goes on the post the product was made from.
   *
   * @param product the product
   * @param target comment or post
   * @param dryRun whether to only record what would be posted
   * @return the recorded action
   * @throws IllegalStateException if a live run is asked for and no publisher is configured, or
   *     the same announcement is being posted right now
   * @throws ai.clouvel.core.provider.ProviderException if Reddit refuses (nothing is reserved then)
   */
  public AgentAction announce(Product product, Target target, boolean dryRun) {
    requirePublisher(dryRun);
    String subreddit = agents.settings(AgentKind.COMMUNITY).communitySubreddit();
    String text = target == Target.COMMENT ? commentText(product) : postTitle(product);
    String where = target == Target.COMMENT ? product.postId() : "r/" + subreddit;
    String action = target == Target.COMMENT ? "comment" : "post";
    if (dryRun) {
      return agents.recordAction(new NewAgentAction("community", action, where, subreddit, text,
          "announced by an admin", true, "dry_run", "", 0));
    }
    String key = publicationKey(product, target, subreddit);
    Optional<Publication> earlier = agents.reservePublication(product.id(), key, clock.instant());
    if (earlier.isPresent()) {
      if (!earlier.get().isDone()) {
        throw new IllegalStateException("product " + product.id() + " is being published to " + key);
      }
      return agents.recordAction(new NewAgentAction("community", action, where, subreddit, text,
          "announced by an admin", false, "duplicate", earlier.get().redditId(), 0));
    }
    String created = post(product, target, subreddit, text, key);
    return agents.recordAction(new NewAgentAction("community", action, where, subreddit, text,
        "announced by an admin", false, "done", created, 0));
  }

  private String publishOnce(Product product, Target target, String subreddit, String title) {
    String key = publicationKey(product, target, subreddit);
    Optional<Publication> earlier = agents.reservePublication(product.id(), key, clock.instant());
    if (earlier.isPresent()) {
      return earlier.get().redditId();
    }
    return post(product, target, subreddit, title, key);
  }

  /** Posts a reserved publication; a failure releases the reservation. */
  private String post(Product product, Target target, String subreddit, String text, String key) {
    try {
      String created;
      if (target == Target.COMMENT) {
        created = publisher.comment(product.postId(), text);
      } else {
        created = publisher.submitImage(subreddit, text, PublicLinks.resolve(publicBaseUrl, product.image().url()));
        publisher.reply(created, linksText(product));
      }
      agents.completePublication(product.id(), key, created);
      return created;
    } catch (RuntimeException e) {
      agents.releasePublication(product.id(), key);
      throw e;
    }
  }

  /** The items of one run; what the agent's own account wrote is left out. */
  private List<AgentItem> items(String subreddit) {
    String self = publisher == null ? "" : publisher.account().orElse("").toLowerCase(Locale.ROOT);
    List<AgentItem> items = new ArrayList<>();
    for (Product product : products.list(PageRequest.first(5), null).items()) {
      items.add(new AgentItem("product:" + product.id(), AgentItem.Kind.PRODUCT, product.postId(), subreddit, "",
          product.idea().imageTitle(), product.idea().imageDescription()));
    }
    for (Post post : content.posts(subreddit, Listing.NEW, 25)) {
      String author = post.author().toLowerCase(Locale.ROOT);
      if (post.removed() || post.locked() || IGNORED_AUTHORS.contains(author) || author.equals(self)) {
        continue;
      }
      items.add(new AgentItem("t3_" + post.id(), AgentItem.Kind.POST, post.id(), post.subreddit(), post.author(),
          post.title(), post.text()));
      for (Comment comment : content.topComments(post.id(), 10)) {
        String commenter = String.valueOf(comment.author()).toLowerCase(Locale.ROOT);
        if (!IGNORED_AUTHORS.contains(commenter) && !commenter.equals(self)) {
          items.add(new AgentItem("t1_" + comment.id(), AgentItem.Kind.COMMENT, post.id(), post.subreddit(),
              comment.author(), post.title(), comment.body()));
        }
      }
    }
    return items;
  }

  private String context(AgentItem item, String subreddit) {
    String commission = publicBaseUrl + "/commission";
    if (item.kind() == AgentItem.Kind.PRODUCT) {
      return "A new product to announce in r/" + subreddit + ": \"" + item.title() + "\", page "
          + publicBaseUrl + "/p/" + item.id().substring("product:".length())
          + ". If you announce it, your text is the post's title (at most 300 characters).";
    }
    return "You are in r/" + subreddit + ". People commission a product at " + commission + ".";
  }

  private void requirePublisher(boolean dryRun) {
    if (!dryRun && publisher == null) {
      throw new IllegalStateException("no Reddit account is configured for posting");
    }
  }

  private static long productId(AgentItem item) {
    return Long.parseLong(item.id().substring("product:".length()));
  }

  private static String publicationKey(Product product, Target target, String subreddit) {
    return target == Target.COMMENT ? "comment:" + product.postId() : "post:r/" + subreddit.toLowerCase(Locale.ROOT);
  }

  private String commentText(Product product) {
    return "This post inspired a piece of art: \"" + product.idea().imageTitle() + "\" - " + pageUrl(product)
        + "\n\n^(Made by Clouvel from this thread. Reply if you would rather we didn't.)";
  }

  private static String postTitle(Product product) {
    return clip("\"" + product.idea().imageTitle() + "\" - art inspired by a post in r/" + product.subreddit(), 300);
  }

  private String linksText(Product product) {
    return "Inspired by https://www.reddit.com/r/" + product.subreddit() + "/comments/" + product.postId() + "/\n\n"
        + "The product: " + PublicLinks.resolve(publicBaseUrl, product.links().productUrl()) + "\n\nIts page: "
        + pageUrl(product);
  }

  private String pageUrl(Product product) {
    return publicBaseUrl + "/p/" + product.id();
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
