package ai.clouvel.test.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.image.StoredImage;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.store.CatalogStore;
import ai.clouvel.core.usage.Usage;
import ai.clouvel.core.usage.UsageRecord;
import ai.clouvel.core.usage.UsageTotals;
import ai.clouvel.test.data.TestData;
import ai.clouvel.test.time.MutableClock;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link CatalogStore}: products (ids, drafts of runs, publishing, lists), posts
 * (upserts, reservations), images and usage. Extend it and say how to open a fresh, empty store:
 *
 * <pre>{@code
 * class MyCatalogTest extends CatalogStoreContract {
 *   protected CatalogStore openStore(Clock clock) {
 *     return new MyCatalog(clock);
 *   }
 * }
 * }</pre>
 *
 * <p>The store is opened lazily, on the first use in a test, so a subclass's own
 * {@code @BeforeEach} methods (which run after this class's) can prepare what it needs; it is
 * closed after each test if it is {@link AutoCloseable}.
 */
public abstract class CatalogStoreContract {
  /** The clock the store is opened with; tests move it. */
  protected final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private CatalogStore store;
  private TestData data;

  /** Lets subclasses be created by JUnit. */
  protected CatalogStoreContract() {
  }

  /**
   * Opens a fresh, empty store.
   *
   * @param clock the clock the store must read the time from
   * @return the store
   */
  protected abstract CatalogStore openStore(Clock clock);

  /**
   * Returns this test's store, opening it on first use.
   *
   * @return the store
   */
  protected CatalogStore store() {
    if (store == null) {
      store = openStore(clock);
    }
    return store;
  }

  /**
   * Returns the test data writer of this test's store.
   *
   * @return the writer
   */
  protected TestData data() {
    if (data == null) {
      data = new TestData(store(), clock);
    }
    return data;
  }

  /**
   * Closes the store after each test, if it was opened and is {@link AutoCloseable}.
   *
   * @throws Exception if closing fails
   */
  @AfterEach
  protected void closeStore() throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
    store = null;
    data = null;
  }

  @Test
  void productIdsAreReservedOnceAndProductsRoundTrip() {
    long first = store().products().nextId();
    long second = store().products().nextId();
    assertThat(second).isGreaterThan(first);
    Product product = data().product("p1", "hiking", clock.instant());
    assertThat(product.id()).isGreaterThan(second);
    assertThat(store().products().find(product.id())).hasValue(product);
    assertThat(store().products().find(99_999)).isEmpty();
  }

  @Test
  void listsAreNewestFirstWithTiesBrokenByIdAndFilteredBySubredditIgnoringCase() {
    Instant t = clock.instant();
    Product a = data().product("a1", "Hiking", t.minusSeconds(10));
    Product b = data().product("b1", "hiking", t);
    Product c = data().product("c1", "space", t);
    Product d = data().product("d1", "hiking", t.minusSeconds(20));

    Page<Product> all = store().products().list(PageRequest.first(10), null);
    assertThat(all.items()).extracting(Product::id).containsExactly(c.id(), b.id(), a.id(), d.id());
    assertThat(all.total()).isEqualTo(4);

    Page<Product> hiking = store().products().list(new PageRequest(2, 1), "HIKING");
    assertThat(hiking.items()).extracting(Product::id).containsExactly(a.id(), d.id());
    assertThat(hiking.total()).isEqualTo(3);
    assertThat(hiking.offset()).isEqualTo(1);
  }

  @Test
  void aRunHasOneDraftWhichIsHiddenUntilPublishedAndDiscardedOnlyWhileADraft() {
    data().post("r1", "hiking");
    Product draft = TestData.newProduct(store().products().nextId(), "r1", "hiking", clock.instant());
    assertThat(store().products().saveDraft("run-1", draft)).isEqualTo(draft);
    Product second = TestData.newProduct(store().products().nextId(), "r1", "hiking", clock.instant());
    assertThat(store().products().saveDraft("run-1", second)).as("a run keeps its first product").isEqualTo(draft);
    assertThat(store().products().find(draft.id())).isEmpty();
    assertThat(store().products().list(PageRequest.first(10), null).items()).isEmpty();
    assertThat(store().products().findByRun("run-1")).hasValue(draft);

    assertThat(store().products().publish(draft.id())).isTrue();
    assertThat(store().products().publish(draft.id())).isFalse();
    assertThat(store().products().find(draft.id())).hasValue(draft);
    assertThat(store().products().discardDraft("run-1")).as("public products stay").isFalse();
    assertThat(store().products().find(draft.id())).hasValue(draft);

    Product other = TestData.newProduct(store().products().nextId(), "r1", "hiking", clock.instant());
    store().products().saveDraft("run-2", other);
    assertThat(store().products().discardDraft("run-2")).isTrue();
    assertThat(store().products().findByRun("run-2")).isEmpty();
  }

  @Test
  void postsAreUpsertedAndKnowWhetherTheyWereIllustrated() {
    Post post = data().post("x1", "cats");
    Post updated = new Post("x1", "cats", post.title(), "new text", post.author(), post.permalink(), 999,
        50, post.createdAt(), false, false, true, false);
    store().posts().save(updated);
    assertThat(store().posts().find("x1")).hasValue(updated);
    assertThat(store().posts().isIllustrated("x1")).isFalse();
    data().product("x1", "cats", clock.instant());
    assertThat(store().posts().isIllustrated("x1")).isTrue();
  }

  @Test
  void aPostIsReservedByOneRunUntilReleased() {
    data().post("y1", "cats");
    assertThat(store().posts().reserve("y1", "run-a")).isTrue();
    assertThat(store().posts().reserve("y1", "run-a")).as("again, by its holder").isTrue();
    assertThat(store().posts().reserve("y1", "run-b")).isFalse();
    assertThat(store().posts().isIllustrated("y1")).as("a reserved post is taken").isTrue();
    assertThat(store().posts().reservation("run-a")).hasValue("y1");
    assertThat(store().posts().reservation("run-b")).isEmpty();
    store().posts().release("run-a");
    assertThat(store().posts().reservation("run-a")).isEmpty();
    assertThat(store().posts().isIllustrated("y1")).isFalse();
    assertThat(store().posts().reserve("y1", "run-b")).isTrue();
  }

  @Test
  void aPostIsSavedWithItsReservationOnlyWhenTheRunGetsIt() {
    Post post = TestData.newPost("z1", "cats", clock.instant());
    assertThat(store().posts().reserveAndSave(post, "run-a")).isTrue();
    assertThat(store().posts().find("z1")).contains(post);
    assertThat(store().posts().reservation("run-a")).hasValue("z1");

    Post other = TestData.newPost("z2", "cats", clock.instant());
    assertThat(store().posts().reserveAndSave(other, "run-a")).as("a run holds one post").isFalse();
    assertThat(store().posts().reserve("z3", "run-b")).isTrue();
    assertThat(store().posts().reserveAndSave(TestData.newPost("z3", "cats", clock.instant()), "run-c"))
        .as("another run's post").isFalse();
    assertThat(store().posts().find("z2")).isEmpty();
    assertThat(store().posts().find("z3")).isEmpty();
    assertThat(store().posts().reservation("run-a")).hasValue("z1");
  }

  @Test
  void imagesKeepTheirBytes() {
    byte[] bytes = new byte[300_000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    StoredImage saved = store().images().save(bytes, "image/png");
    StoredImage found = store().images().find(saved.id()).orElseThrow();
    assertThat(found.bytes()).isEqualTo(bytes);
    assertThat(found.contentType()).isEqualTo("image/png");
    assertThat(store().images().find("missing")).isEmpty();
  }

  @Test
  void usageIsSummed() {
    store().usage().record("run1", "idea", new Usage("gpt-4o-mini", 100, 50, 0, 45));
    store().usage().record("run1", "image", new Usage("dall-e-3", 0, 0, 1, 40_000));
    assertThat(store().usage().totals().calls()).isEqualTo(2);
    assertThat(store().usage().totals().inputTokens()).isEqualTo(100);
    assertThat(store().usage().totals().outputTokens()).isEqualTo(50);
    assertThat(store().usage().totals().images()).isEqualTo(1);
    assertThat(store().usage().totals().costMicros()).isEqualTo(40_045);
  }

  @Test
  void aRunsUsageIsRecordedAllAtOnce() {
    store().usage().record("run0", "idea", new Usage("gpt-4o-mini", 1, 1, 0, 1));
    store().usage().recordAll("run1", List.of(
        new UsageRecord("summary", new Usage("gpt-4o-mini", 200, 30, 0, 48)),
        new UsageRecord("idea", new Usage("gpt-4o-mini", 100, 50, 0, 45)),
        new UsageRecord("image", new Usage("dall-e-3", 0, 0, 1, 40_000))));
    store().usage().recordAll("run2", List.of());
    assertThat(store().usage().totals()).isEqualTo(new UsageTotals(4, 301, 81, 1, 40_094));
  }
}
