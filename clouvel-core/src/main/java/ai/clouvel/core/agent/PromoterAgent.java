package ai.clouvel.core.agent;

import ai.clouvel.core.content.ContentSource;
import ai.clouvel.core.content.Listing;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.content.PostFilter;
import ai.clouvel.core.content.PostRepository;
import ai.clouvel.core.content.Subreddit;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The promoter agent: scans the configured subreddits for posts that pass the {@link PostFilter},
 * has the {@link DecisionMaker} rate each (score, reason, suggested product idea) and offers to make
 * a product from the best one per subreddit, as a comment linking to the commission page with the
 * post preselected. It acts only in subreddits that exist, are not NSFW and are not on the deny
 * list; at most once per subreddit per cooldown; never twice on one post; within the daily cap.
 * Dry runs only record what it would do.
 */
public final class PromoterAgent {
  /** How many hot posts it reads per subreddit. */
  static final int POSTS_PER_SUBREDDIT = 10;
  /** How many posts it rates per subreddit and run. */
  static final int RATINGS_PER_SUBREDDIT = 5;

  private final AgentRepository agents;
  private final ContentSource content;
  private final PostFilter filter;
  private final DecisionMaker decisions;
  private final CommunityPublisher publisher;
  private final String publicBaseUrl;
  private final Clock clock;

  /**
   * Creates the agent.
   *
   * @param agents where settings, decisions and actions are kept
   * @param content where posts come from
   * @param posts the stored posts, to skip illustrated ones
   * @param filter the selection filters
   * @param decisions who rates
   * @param publisher the account that comments, or {@code null} (dry runs only)
   * @param publicBaseUrl the server's address, for the commission link
   * @param clock the clock of caps, cooldowns and filters
   */
  public PromoterAgent(AgentRepository agents, ContentSource content, PostRepository posts, PostFilter filter,
      DecisionMaker decisions, CommunityPublisher publisher, String publicBaseUrl, Clock clock) {
    this.agents = Objects.requireNonNull(agents, "agents");
    this.content = Objects.requireNonNull(content, "content");
    this.filter = Objects.requireNonNull(filter, "filter").withAlreadyIllustrated(posts::isIllustrated);
    this.decisions = Objects.requireNonNull(decisions, "decisions");
    this.publisher = publisher;
    this.publicBaseUrl = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Returns the commission page's address with a post preselected.
   *
   * @param postId the post
   * @return for example {@code http://localhost:8000/commission?post_id=1h1k01}
   */
  public String commissionLink(String postId) {
    return publicBaseUrl + "/commission?post_id=" + URLEncoder.encode(postId, StandardCharsets.UTF_8);
  }

  /**
   * Runs once with the stored settings.
   *
   * @param dryRun {@code true} to only record what it would do
   * @return what it decided and did
   * @throws IllegalStateException if a live run is asked for and no publisher is configured
   */
  public AgentRun run(boolean dryRun) {
    if (!dryRun && publisher == null) {
      throw new IllegalStateException("no Reddit account is configured for posting");
    }
    AgentSettings settings = agents.settings(AgentKind.PROMOTER);
    Acting acting = new Acting(agents, AgentKind.PROMOTER, settings, dryRun, clock);
    List<String> subreddits = settings.subreddits().isEmpty() ? content.suggestedSubreddits() : settings.subreddits();
    for (String subreddit : subreddits) {
      if (acting.stopped() || !acting.hasRoom(ActionType.PROMOTE)) {
        break;
      }
      if (!settings.allows(subreddit) || !open(subreddit) || coolingDown(subreddit, settings, dryRun)) {
        continue;
      }
      promoteIn(subreddit, settings, acting);
    }
    return acting.finish();
  }

  private void promoteIn(String subreddit, AgentSettings settings, Acting acting) {
    List<Rated> rated = new ArrayList<>();
    for (Post post : content.posts(subreddit, Listing.HOT, POSTS_PER_SUBREDDIT)) {
      if (rated.size() >= RATINGS_PER_SUBREDDIT || acting.stopped()) {
        break;
      }
      AgentItem item = new AgentItem("t3_" + post.id(), AgentItem.Kind.POST, post.id(), post.subreddit(),
          post.author(), post.title(), post.text());
      if (!filter.accepts(post, clock) || acting.handled(item.id())) {
        continue;
      }
      acting.decide(decisions, new DecisionRequest(AgentKind.PROMOTER, settings.persona(), item,
              EnumSet.of(ActionType.PROMOTE), "Rate from 0 to 10 how good a print-on-demand art product this post"
                  + " would make, and suggest the product idea. If you promote it, write a short, friendly comment"
                  + " offering to make it; the link " + commissionLink(post.id()) + " is added for you."))
          .ifPresent(decision -> rated.add(new Rated(item, decision)));
    }
    Optional<Rated> best = rated.stream()
        .filter(r -> r.decision().action() == ActionType.PROMOTE && r.decision().score() >= settings.minScore())
        .max(Comparator.comparingDouble(r -> r.decision().score()));
    for (Rated r : rated) {
      Decision d = r.decision();
      boolean chosen = best.isPresent() && best.get() == r;
      String reason = String.format(java.util.Locale.ROOT, "score %.1f%s: %s%s", d.score(),
          chosen || d.action() == ActionType.NOTHING ? ""
              : d.score() < settings.minScore() ? " (below the minimum)" : " (another post here scored higher)",
          d.reason(), d.idea().isEmpty() ? "" : "; idea: " + d.idea());
      if (chosen) {
        String text = d.text() + "\n\n" + commissionLink(r.item().postId());
        acting.act(r.item(), ActionType.PROMOTE, text, reason, d.usage().costMicros(),
            () -> publisher.comment(r.item().postId(), text));
      } else {
        acting.nothing(r.item(), reason, d.usage().costMicros());
      }
    }
  }

  /** Only subreddits that exist for the content source and are not NSFW. */
  private boolean open(String subreddit) {
    return content.subreddit(subreddit).filter(s -> !s.nsfw()).map(Subreddit::name).isPresent();
  }

  private boolean coolingDown(String subreddit, AgentSettings settings, boolean dryRun) {
    Optional<Instant> last = agents.lastAction(AgentKind.PROMOTER.wireName(), ActionType.PROMOTE, subreddit, dryRun);
    return last.isPresent() && last.get().plus(settings.cooldown()).isAfter(clock.instant());
  }

  private record Rated(AgentItem item, Decision decision) {
  }
}
