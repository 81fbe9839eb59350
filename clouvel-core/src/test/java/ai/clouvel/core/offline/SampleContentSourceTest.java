package ai.clouvel.core.offline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.content.Listing;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.content.PostFilter;
import ai.clouvel.core.content.PostRejection;
import ai.clouvel.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleContentSourceTest {
  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private final SampleContentSource source = new SampleContentSource(clock);

  @Test
  void servesPostsFromAtLeastTenSubredditsWithEligiblePostsInEach() {
    List<String> subreddits = source.suggestedSubreddits();
    assertThat(subreddits).hasSizeGreaterThanOrEqualTo(10);
    PostFilter filter = PostFilter.defaults();
    for (String subreddit : subreddits) {
      List<Post> eligible = source.posts(subreddit, Listing.HOT, 25).stream()
          .filter(p -> filter.accepts(p, clock)).toList();
      assertThat(eligible).as("eligible posts in r/%s", subreddit).hasSizeGreaterThanOrEqualTo(2);
      assertThat(source.subreddit(subreddit)).isPresent();
    }
  }

  @Test
  void includesPostsTheFiltersMustReject() {
    PostFilter filter = PostFilter.defaults();
    Map<PostRejection, Long> rejections = source.allPosts().stream()
        .map(p -> filter.check(p, clock))
        .flatMap(java.util.Optional::stream)
        .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
    assertThat(rejections).containsKeys(PostRejection.STICKIED, PostRejection.NSFW,
        PostRejection.TITLE_TOO_SHORT);
  }

  @Test
  void postsLookRecentRelativeToTheClock() {
    for (Post post : source.allPosts()) {
      assertThat(post.createdAt()).isBefore(clock.instant())
          .isAfter(clock.instant().minus(Duration.ofDays(7)));
    }
  }

  @Test
  void postsHaveCommentsBestFirstAndCanBeLookedUp() {
    Post post = source.posts("hiking", Listing.TOP_DAY, 1).get(0);
    assertThat(post.title()).contains("Whitney");
    assertThat(post.text()).contains("switchbacks");
    assertThat(source.post(post.id())).hasValue(post);
    assertThat(source.topComments(post.id(), 2)).hasSize(2)
        .extracting(c -> c.score()).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    assertThat(source.post("zzzzzz")).isEmpty();
    assertThat(source.posts("nosuchsubreddit", Listing.HOT, 10)).isEmpty();
  }

  @Test
  void limitsAreHonoured() {
    assertThat(source.posts("cats", Listing.HOT, 2)).hasSize(2);
    assertThat(source.posts("cats", Listing.HOT, 0)).isEmpty();
  }
}
