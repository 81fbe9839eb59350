package ai.clouvel.core.agent;

import ai.clouvel.core.content.ContentSource;
import ai.clouvel.core.content.Listing;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.content.PostFilter;
import ai.clouvel.core.content.PostRejection;
import ai.clouvel.core.content.PostRepository;
import ai.clouvel.core.internal.WireNames;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Scans subreddits for posts worth illustrating: each post gets the design's filters and a score
 * from its engagement, its freshness and whether it tells a story in text. The verdicts are
 * recorded, so candidates can be reviewed and commissioned later.
 */
public final class ScannerAgent {
  private final ContentSource content;
  private final AgentRepository agents;
  private final PostFilter filter;
  private final Clock clock;

  /**
   * Creates the agent.
   *
   * @param content where posts come from
   * @param agents where scans are recorded
   * @param posts the stored posts, to skip illustrated ones
   * @param filter the selection filters
   * @param clock "now" for freshness
   */
  public ScannerAgent(ContentSource content, AgentRepository agents, PostRepository posts, PostFilter filter,
      Clock clock) {
    this.content = Objects.requireNonNull(content, "content");
    this.agents = Objects.requireNonNull(agents, "agents");
    this.filter = Objects.requireNonNull(filter, "filter").withAlreadyIllustrated(posts::isIllustrated);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Scans subreddits.
   *
   * @param subreddits the subreddits
   * @param perSubreddit how many hot posts to read from each
   * @return how many posts were scanned and how many are candidates
   */
  public ScanReport scan(List<String> subreddits, int perSubreddit) {
    int scanned = 0;
    int candidates = 0;
    for (String subreddit : subreddits) {
      for (Post post : content.posts(subreddit, Listing.HOT, perSubreddit)) {
        Optional<PostRejection> rejection = filter.check(post, clock);
        agents.recordScan(new ScannedPost(post.id(), post.subreddit(), post.title(), score(post),
            rejection.map(WireNames::of).orElse("candidate"), clock.instant()));
        scanned++;
        if (rejection.isEmpty()) {
          candidates++;
        }
      }
    }
    return new ScanReport(scanned, candidates);
  }

  /** Engagement on a log scale, plus freshness and a little for telling a story in text. */
  double score(Post post) {
    double hours = Math.max(0, Duration.between(post.createdAt(), clock.instant()).toMinutes() / 60.0);
    double engagement = 2 * Math.log10(1 + Math.max(0, post.score())) + Math.log10(1 + post.commentCount());
    double freshness = Math.max(0, 2 - hours / 24);
    double story = post.text().length() > 80 ? 0.5 : 0;
    return Math.round((engagement + freshness + story) * 1000) / 1000.0;
  }

  /**
   * What a scan found.
   *
   * @param scanned posts looked at
   * @param candidates posts that passed every filter
   */
  public record ScanReport(int scanned, int candidates) {
  }
}
