package ai.clouvel.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostFilterTest {
  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private final PostFilter filter = PostFilter.defaults();

  private Post post(String title, String text, int score, int comments, Duration age,
      boolean nsfw, boolean stickied, boolean locked, boolean removed) {
    return new Post("abc123", "hiking", title, text, "someone", null, score, comments,
        clock.instant().minus(age), nsfw, stickied, locked, removed);
  }

  private Post good() {
    return post("A long enough title", "Some text", 5, 1, Duration.ofHours(3), false, false, false, false);
  }

  @Test
  void acceptsAGoodPost() {
    assertThat(filter.check(good(), clock)).isEmpty();
  }

  @Test
  void rejectsEachBadKindOfPost() {
    Duration hours = Duration.ofHours(3);
    assertThat(filter.check(post("A long enough title", "t", 5, 1, hours, true, false, false, false), clock))
        .hasValue(PostRejection.NSFW);
    assertThat(filter.check(post("A long enough title", "t", 5, 1, hours, false, true, false, false), clock))
        .hasValue(PostRejection.STICKIED);
    assertThat(filter.check(post("A long enough title", "t", 5, 1, hours, false, false, true, false), clock))
        .hasValue(PostRejection.LOCKED);
    assertThat(filter.check(post("A long enough title", "t", 5, 1, hours, false, false, false, true), clock))
        .hasValue(PostRejection.REMOVED);
    assertThat(filter.check(post("Too short", "t", 5, 1, hours, false, false, false, false), clock))
        .hasValue(PostRejection.TITLE_TOO_SHORT);
  }

  @Test
  void rejectsPostsOlderThanSixtyDays() {
    Post old = post("A long enough title", "t", 5, 1, Duration.ofDays(60).plusSeconds(1),
        false, false, false, false);
    Post justYoungEnough = post("A long enough title", "t", 5, 1, Duration.ofDays(60).minusSeconds(1),
        false, false, false, false);
    assertThat(filter.check(old, clock)).hasValue(PostRejection.TOO_OLD);
    assertThat(filter.check(justYoungEnough, clock)).isEmpty();
  }

  @Test
  void aPostWithoutTextNeedsRealEngagement() {
    Duration hours = Duration.ofHours(3);
    assertThat(filter.check(post("A long enough title", "", 21, 21, hours, false, false, false, false), clock))
        .isEmpty();
    assertThat(filter.check(post("A long enough title", "", 20, 500, hours, false, false, false, false), clock))
        .hasValue(PostRejection.NOT_ENOUGH_SUBSTANCE);
    assertThat(filter.check(post("A long enough title", " ", 500, 20, hours, false, false, false, false), clock))
        .hasValue(PostRejection.NOT_ENOUGH_SUBSTANCE);
  }

  @Test
  void asksWhetherThePostWasAlreadyIllustrated() {
    PostFilter withStore = filter.withAlreadyIllustrated(id -> id.equals("abc123"));
    assertThat(withStore.check(good(), clock)).hasValue(PostRejection.ALREADY_ILLUSTRATED);
  }

  @Test
  void nsfwAndAgeAreConfigurable() {
    Post nsfw = post("A long enough title", "t", 5, 1, Duration.ofDays(90), true, false, false, false);
    PostFilter lenient = filter.withNsfwAllowed(true).withMaxAge(Duration.ofDays(365));
    assertThat(lenient.accepts(nsfw, clock)).isTrue();
    assertThat(filter.accepts(nsfw, clock)).isFalse();
  }
}
