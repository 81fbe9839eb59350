package ai.clouvel.core.content;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Caches the subreddits the content source suggests, with their metadata (see {@link SubredditDirectory}). */
public interface SubredditRepository {

  /**
   * Replaces the cached list in one transaction: saves every given subreddit (replacing the row
   * with the same name, compared without case) and forgets the subreddits not given.
   *
   * @param subreddits the whole list
   */
  void replaceAll(List<KnownSubreddit> subreddits);

  /**
   * Lists cached subreddits whose names start with a prefix, compared without case, by name.
   *
   * @param prefix the start of the name without {@code r/}; empty for all
   * @param limit at most this many
   * @return the subreddits
   */
  List<KnownSubreddit> list(String prefix, int limit);

  /**
   * Counts the cached subreddits whose names start with a prefix, compared without case.
   *
   * @param prefix the start of the name without {@code r/}; empty for all
   * @return how many there are
   */
  int count(String prefix);

  /**
   * Tells when the list was last refreshed.
   *
   * @return the newest refresh time, or empty if nothing is cached
   */
  Optional<Instant> lastRefreshed();
}
