package ai.clouvel.core.content;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subreddits people can choose from: the content source's {@linkplain ContentSource#suggestedSubreddits()
 * suggested subreddits} with their metadata ({@linkplain ContentSource#subreddit(String) title, members,
 * NSFW}) and how many of their {@value #CANDIDATES} hottest posts the {@link PostFilter} accepts, cached
 * in a {@link SubredditRepository} and read again from the source when the cache is older than a
 * maximum age. One directory refreshes at most once at a time: callers that find the cache stale
 * while another refreshes it wait and then read the fresh list. A subreddit whose metadata cannot be
 * read keeps what was cached about it (or only its name). Thread-safe.
 */
public final class SubredditDirectory {
  /** How many of a subreddit's hottest posts are checked, as many as a commission looks at. */
  public static final int CANDIDATES = 25;

  private static final Logger log = LoggerFactory.getLogger(SubredditDirectory.class);

  private final ContentSource source;
  private final SubredditRepository repository;
  private final PostFilter filter;
  private final Clock clock;
  private final Duration maxAge;
  private final Object refreshing = new Object();

  /**
   * Creates the directory.
   *
   * @param source where the subreddits and their metadata come from
   * @param repository the cache
   * @param filter decides which posts count as eligible (give it the store's "already illustrated")
   * @param clock "now", for the cache's age and the post filter
   * @param maxAge how old the cache may get before it is read again from the source
   * @throws IllegalArgumentException if the maximum age is negative
   */
  public SubredditDirectory(ContentSource source, SubredditRepository repository, PostFilter filter, Clock clock,
      Duration maxAge) {
    this.source = Objects.requireNonNull(source, "source");
    this.repository = Objects.requireNonNull(repository, "repository");
    this.filter = Objects.requireNonNull(filter, "filter");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must not be negative");
    }
  }

  /**
   * Lists the known subreddits whose names start with a prefix (without case), by name, refreshing
   * the cache first when it is empty or too old.
   *
   * @param prefix the start of the name without {@code r/}; empty for all
   * @param limit at most this many
   * @return the subreddits
   */
  public List<KnownSubreddit> find(String prefix, int limit) {
    refreshIfStale();
    return repository.list(prefix.toLowerCase(Locale.ROOT), limit);
  }

  /**
   * Counts the known subreddits whose names start with a prefix (without case), refreshing the cache
   * first when it is empty or too old.
   *
   * @param prefix the start of the name without {@code r/}; empty for all
   * @return how many there are
   */
  public int count(String prefix) {
    refreshIfStale();
    return repository.count(prefix.toLowerCase(Locale.ROOT));
  }

  /**
   * Refreshes the cache when it is empty or older than the maximum age.
   *
   * @return {@code true} if this call read the source
   */
  public boolean refreshIfStale() {
    if (!isStale()) {
      return false;
    }
    synchronized (refreshing) {
      if (!isStale()) {
        return false;
      }
      refresh();
      return true;
    }
  }

  private boolean isStale() {
    return repository.lastRefreshed()
        .map(at -> at.plus(maxAge).isBefore(clock.instant()))
        .orElse(true);
  }

  /** Reads every suggested subreddit from the source and replaces the cache. */
  public void refresh() {
    Instant now = clock.instant();
    Map<String, KnownSubreddit> cached = new LinkedHashMap<>();
    for (KnownSubreddit known : repository.list("", Integer.MAX_VALUE)) {
      cached.put(known.name().toLowerCase(Locale.ROOT), known);
    }
    Map<String, KnownSubreddit> fresh = new LinkedHashMap<>();
    for (String name : source.suggestedSubreddits()) {
      String key = name.toLowerCase(Locale.ROOT);
      if (!fresh.containsKey(key)) {
        fresh.put(key, read(name, cached.get(key), now));
      }
    }
    repository.replaceAll(new ArrayList<>(fresh.values()));
    log.debug("Refreshed {} subreddits", fresh.size());
  }

  private KnownSubreddit read(String name, KnownSubreddit cached, Instant now) {
    try {
      Subreddit about = source.subreddit(name).orElse(null);
      int eligible = (int) source.posts(name, Listing.HOT, CANDIDATES).stream()
          .filter(post -> filter.accepts(post, clock)).count();
      return about == null
          ? new KnownSubreddit(name, null, null, false, eligible, now)
          : new KnownSubreddit(about.name(), about.title(), about.subscribers(), about.nsfw(), eligible, now);
    } catch (RuntimeException e) {
      log.warn("Could not read r/{} from the content source, keeping what is known: {}", name, e.toString());
      return cached == null
          ? new KnownSubreddit(name, null, null, false, null, now)
          : new KnownSubreddit(cached.name(), cached.title(), cached.subscribers(), cached.nsfw(),
              cached.eligiblePosts(), now);
    }
  }
}
