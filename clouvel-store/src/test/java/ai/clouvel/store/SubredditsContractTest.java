package ai.clouvel.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.content.ContentSource;
import ai.clouvel.core.content.KnownSubreddit;
import ai.clouvel.core.content.Listing;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.content.PostFilter;
import ai.clouvel.core.content.Subreddit;
import ai.clouvel.core.content.SubredditDirectory;
import ai.clouvel.core.offline.SampleContentSource;
import ai.clouvel.store.testing.TestStores;
import ai.clouvel.test.time.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code subreddits} cache and the {@link SubredditDirectory} over it: the demo source's twelve
 * subreddits with their metadata, prefix search without case, refresh only when older than the
 * maximum age, once for concurrent callers, and what a failing source leaves. Runs on SQLite
 * ({@link SqliteSubredditsTest}) and PostgreSQL ({@link PostgresSubredditsTest}).
 */
@ExtendWith(TestStores.Extension.class)
abstract class SubredditsContractTest {
  private final MutableClock clock = MutableClock.at("2026-12-01T12:00:00Z");
  private SqlStore store;

  @TempDir
  Path directory;

  protected abstract TestStores.Kind kind();

  @BeforeEach
  void openStore(TestStores stores) {
    store = stores.open(kind(), directory, clock, null);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void theDemoSourcesTwelveSubredditsAreListedWithTheirMetadata() {
    SampleContentSource samples = new SampleContentSource(clock);
    SubredditDirectory directory = directory(samples, Duration.ofHours(1));

    List<KnownSubreddit> all = directory.find("", 100);

    assertThat(all).extracting(KnownSubreddit::name)
        .containsExactlyInAnyOrderElementsOf(samples.suggestedSubreddits())
        .hasSize(12)
        .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER)
        .contains("space", "cats", "woodworking");
    KnownSubreddit space = all.stream().filter(s -> s.name().equals("space")).findFirst().orElseThrow();
    Subreddit about = samples.subreddit("space").orElseThrow();
    assertThat(space.title()).isEqualTo(about.title());
    assertThat(space.subscribers()).isEqualTo(about.subscribers());
    assertThat(space.nsfw()).isEqualTo(about.nsfw());
    long eligible = samples.posts("space", Listing.HOT, SubredditDirectory.CANDIDATES).stream()
        .filter(post -> PostFilter.defaults().accepts(post, clock)).count();
    assertThat(space.eligiblePosts()).isEqualTo((int) eligible).isPositive();
    assertThat(space.refreshedAt()).isEqualTo(clock.instant());
    assertThat(directory.count("")).isEqualTo(12);
  }

  @Test
  void aPrefixFindsNamesWithoutCaseInNameOrderAndTheLimitCuts() {
    store.subreddits().replaceAll(List.of(known("AskReddit"), known("aww"), known("Art"), known("space"),
        known("a_b")));

    assertThat(store.subreddits().list("a", 10)).extracting(KnownSubreddit::name)
        .containsExactly("a_b", "Art", "AskReddit", "aww");
    assertThat(store.subreddits().list("AS", 10)).extracting(KnownSubreddit::name).containsExactly("AskReddit");
    assertThat(store.subreddits().list("a", 2)).extracting(KnownSubreddit::name).containsExactly("a_b", "Art");
    assertThat(store.subreddits().list("q", 10)).isEmpty();
    assertThat(store.subreddits().count("a")).isEqualTo(4);
    // "_" is a name character here, not a wildcard.
    assertThat(store.subreddits().list("a_", 10)).extracting(KnownSubreddit::name).containsExactly("a_b");
    assertThat(store.subreddits().list("", 10)).hasSize(5);
  }

  @Test
  void replacingTheListUpdatesRowsAndForgetsSubredditsNoLongerSuggested() {
    store.subreddits().replaceAll(List.of(known("cats"), known("space")));
    clock.advance(Duration.ofMinutes(5));
    KnownSubreddit renamed = new KnownSubreddit("Cats", "All the cats", 42L, false, 3, clock.instant());

    store.subreddits().replaceAll(List.of(renamed));

    assertThat(store.subreddits().list("", 10)).containsExactly(renamed);
    assertThat(store.subreddits().lastRefreshed()).contains(clock.instant());
    store.subreddits().replaceAll(List.of());
    assertThat(store.subreddits().lastRefreshed()).isEmpty();
  }

  @Test
  void theSourceIsReadAgainOnlyWhenTheCacheIsOlderThanTheMaximumAge() {
    CountingSource source = new CountingSource(List.of("cats", "space"));
    SubredditDirectory directory = directory(source, Duration.ofMinutes(10));

    assertThat(directory.find("", 10)).extracting(KnownSubreddit::title).containsExactly("r/cats", "r/space");
    assertThat(source.listings.get()).isEqualTo(2);
    clock.advance(Duration.ofMinutes(10));
    directory.find("c", 10);
    assertThat(source.listings.get()).as("exactly the maximum age is still fresh").isEqualTo(2);

    source.names = List.of("cats", "dogs");
    clock.advance(Duration.ofSeconds(1));
    assertThat(directory.find("", 10)).extracting(KnownSubreddit::name).containsExactly("cats", "dogs");
    assertThat(source.listings.get()).isEqualTo(4);
    assertThat(store.subreddits().lastRefreshed()).contains(clock.instant());
  }

  @Test
  void concurrentCallersOnAStaleCacheReadTheSourceOnce() throws Exception {
    CountingSource source = new CountingSource(List.of("cats", "space", "art"));
    source.slow = new CountDownLatch(1);
    SubredditDirectory directory = directory(source, Duration.ofMinutes(10));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<KnownSubreddit>>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        answers.add(pool.submit(() -> directory.find("", 10)));
      }
      Thread.sleep(200);
      source.slow.countDown();
      for (Future<List<KnownSubreddit>> answer : answers) {
        assertThat(answer.get()).hasSize(3);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(source.listings.get()).as("one refresh: one listing per subreddit").isEqualTo(3);
  }

  @Test
  void aSubredditTheSourceCannotReadKeepsWhatWasKnown() {
    CountingSource source = new CountingSource(List.of("cats", "space"));
    SubredditDirectory directory = directory(source, Duration.ofMinutes(10));
    KnownSubreddit before = directory.find("cats", 1).get(0);

    source.failing = "cats";
    clock.advance(Duration.ofHours(1));
    List<KnownSubreddit> after = directory.find("", 10);

    assertThat(after.get(0)).isEqualTo(new KnownSubreddit("cats", before.title(), before.subscribers(),
        before.nsfw(), before.eligiblePosts(), clock.instant()));
    assertThat(after.get(1).refreshedAt()).isEqualTo(clock.instant());
  }

  private SubredditDirectory directory(ContentSource source, Duration maxAge) {
    return new SubredditDirectory(source, store.subreddits(),
        PostFilter.defaults().withAlreadyIllustrated(store.posts()::isIllustrated), clock, maxAge);
  }

  private KnownSubreddit known(String name) {
    return new KnownSubreddit(name, "r/" + name, 1000L, false, 1, clock.instant());
  }

  /** A source of named subreddits without posts that counts its listings; optionally slow or failing. */
  private static final class CountingSource implements ContentSource {
    volatile List<String> names;
    volatile CountDownLatch slow;
    volatile String failing;
    final AtomicInteger listings = new AtomicInteger();

    CountingSource(List<String> names) {
      this.names = names;
    }

    @Override
    public List<Post> posts(String subreddit, Listing listing, int limit) {
      if (subreddit.equals(failing)) {
        throw new IllegalStateException("Reddit is down");
      }
      listings.incrementAndGet();
      try {
        if (slow != null) {
          slow.await();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return List.of();
    }

    @Override
    public Optional<Post> post(String postId) {
      return Optional.empty();
    }

    @Override
    public Optional<Subreddit> subreddit(String name) {
      return Optional.of(new Subreddit(name, "r/" + name, name.length() * 100L, false));
    }

    @Override
    public List<String> suggestedSubreddits() {
      return names;
    }
  }
}
