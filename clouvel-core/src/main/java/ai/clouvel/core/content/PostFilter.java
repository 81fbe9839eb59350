package ai.clouvel.core.content;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides whether a post may become a product. Defaults follow the design: not NSFW, not
 * stickied, locked or removed, younger than 60 days, a title of at least 10 characters, and
 * either some text or real engagement (more than 20 comments and a score above 20). Whether a
 * post was already illustrated is asked of a predicate, usually backed by the store.
 *
 * <p>Immutable; the {@code with...} methods return changed copies.
 */
public final class PostFilter {
  private final boolean allowNsfw;
  private final Duration maxAge;
  private final int minTitleLength;
  private final int minComments;
  private final int minScore;
  private final Predicate<String> alreadyIllustrated;

  private PostFilter(boolean allowNsfw, Duration maxAge, int minTitleLength, int minComments,
      int minScore, Predicate<String> alreadyIllustrated) {
    this.allowNsfw = allowNsfw;
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    this.minTitleLength = minTitleLength;
    this.minComments = minComments;
    this.minScore = minScore;
    this.alreadyIllustrated = Objects.requireNonNull(alreadyIllustrated, "alreadyIllustrated");
  }

  /**
   * Returns the filter with the design's defaults, treating no post as already illustrated.
   *
   * @return the default filter
   */
  public static PostFilter defaults() {
    return new PostFilter(false, Duration.ofDays(60), 10, 20, 20, id -> false);
  }

  /**
   * Returns a copy that accepts or rejects NSFW posts.
   *
   * @param allow whether NSFW posts pass
   * @return the changed copy
   */
  public PostFilter withNsfwAllowed(boolean allow) {
    return new PostFilter(allow, maxAge, minTitleLength, minComments, minScore, alreadyIllustrated);
  }

  /**
   * Returns a copy with another maximum post age.
   *
   * @param age the oldest a post may be
   * @return the changed copy
   */
  public PostFilter withMaxAge(Duration age) {
    return new PostFilter(allowNsfw, age, minTitleLength, minComments, minScore, alreadyIllustrated);
  }

  /**
   * Returns a copy that asks {@code predicate} whether a post id was already illustrated.
   *
   * @param predicate true for post ids that already have a product
   * @return the changed copy
   */
  public PostFilter withAlreadyIllustrated(Predicate<String> predicate) {
    return new PostFilter(allowNsfw, maxAge, minTitleLength, minComments, minScore, predicate);
  }

  /**
   * Checks a post.
   *
   * @param post the post
   * @param clock the clock that says what "now" is for the age check
   * @return the first reason to reject the post, or empty if it passes
   */
  public Optional<PostRejection> check(Post post, Clock clock) {
    if (post.nsfw() && !allowNsfw) {
      return Optional.of(PostRejection.NSFW);
    }
    if (post.removed()) {
      return Optional.of(PostRejection.REMOVED);
    }
    if (post.stickied()) {
      return Optional.of(PostRejection.STICKIED);
    }
    if (post.locked()) {
      return Optional.of(PostRejection.LOCKED);
    }
    if (post.createdAt().isBefore(clock.instant().minus(maxAge))) {
      return Optional.of(PostRejection.TOO_OLD);
    }
    if (post.title().strip().length() < minTitleLength) {
      return Optional.of(PostRejection.TITLE_TOO_SHORT);
    }
    boolean engaged = post.commentCount() > minComments && post.score() > minScore;
    if (post.text().isBlank() && !engaged) {
      return Optional.of(PostRejection.NOT_ENOUGH_SUBSTANCE);
    }
    if (alreadyIllustrated.test(post.id())) {
      return Optional.of(PostRejection.ALREADY_ILLUSTRATED);
    }
    return Optional.empty();
  }

  /**
   * Tells whether a post passes every check.
   *
   * @param post the post
   * @param clock the clock for the age check
   * @return {@code true} if {@link #check} finds nothing
   */
  public boolean accepts(Post post, Clock clock) {
    return check(post, clock).isEmpty();
  }
}
