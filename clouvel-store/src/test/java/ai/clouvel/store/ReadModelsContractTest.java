package ai.clouvel.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.ProductDonations;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.task.Task;
import ai.clouvel.store.testing.TestStores;
import ai.clouvel.test.data.DonationBuilder;
import ai.clouvel.test.data.TestData;
import ai.clouvel.test.time.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the store keeps for its hot reads equals what the rows say, after every kind of write and
 * under concurrent writes to one model's sources: the gallery reads each product from its card
 * (the product, its post, its commission), checked against the product, the post and bulk
 * donations read from the rows; bulk donations of up to ten supports read each post's kept newest
 * supports, checked against a request for more, which reads the donations' index. A card or a list
 * the store did not write is read from the rows. Runs on SQLite ({@link SqliteReadModelsTest}) and
 * PostgreSQL ({@link PostgresReadModelsTest}).
 */
@ExtendWith(TestStores.Extension.class)
abstract class ReadModelsContractTest {
  /** More supports than a post's kept list holds: bulk donations read them from the donations' index. */
  private static final int ROWS = 100;
  private final List<String> statements = new CopyOnWriteArrayList<>();
  final MutableClock clock = MutableClock.at("2026-12-02T12:00:00Z");
  TestStores stores;
  SqlStore store;
  TestData data;

  @TempDir
  Path directory;

  protected abstract TestStores.Kind kind();

  @BeforeEach
  void openStore(TestStores stores) {
    this.stores = stores;
    store = stores.open(kind(), directory, clock, statements::add);
    data = new TestData(store, clock);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void everyWriteThatChangesWhatACardShowsRefreshesIt() {
    // Texts that a packed value must keep whole: separators, digits, lines, any script.
    String awkward = "a,b;c -1,2; café 日本 😀 line\nbreak \u2028 'q' \"d\" \\"
        + (kind() == TestStores.Kind.SQLITE ? " nul\u0000" : "");
    store.posts().save(post("p1", awkward, -12, true));
    Product product = data.product("p1", "cats", clock.instant());
    assertThat(assertAsTheRows(product).post().score()).isEqualTo(-12);

    store.posts().save(post("p1", "Renamed " + awkward, 99, false));
    assertThat(assertAsTheRows(product).post().title()).isEqualTo("Renamed " + awkward);

    Donation commission = data.commission("cs_one", 2500, "cats");
    completeOne(data.task(commission.id()), product);
    assertThat(assertAsTheRows(product).commission().id()).isEqualTo(commission.id());

    store.donations().recordPaidAmount(commission.id(), Money.ofCents(3100), "gold");
    assertThat(assertAsTheRows(product).commission().amount()).isEqualTo(Money.ofCents(3100));
    assertThat(store.donations().transition(commission.id(), DonationStatus.SUCCEEDED,
        DonationStatus.REFUND_PENDING)).isTrue();
    assertThat(assertAsTheRows(product).commission().status()).isEqualTo(DonationStatus.REFUND_PENDING);
    assertThat(store.donations().transition(commission.id(), DonationStatus.REFUND_PENDING,
        DonationStatus.REFUNDED)).isTrue();
    assertThat(assertAsTheRows(product).commission().status()).isEqualTo(DonationStatus.REFUNDED);

    data.support("p1", 700, false);
    assertThat(assertAsTheRows(product).supportTotal()).isEqualTo(Money.ofCents(700));

    // A commission of a random subreddit learns its post after its product is named.
    clock.advance(Duration.ofMinutes(1));
    Product second = data.product("p2", "dogs", clock.instant());
    Donation random = store.donations().insert(DonationBuilder.commission().paymentId("cs_random")
        .subreddit(null).message(awkward).build());
    completeOne(data.task(random.id()), second);
    store.donations().assignPost(random.id(), "dogs", "p2");
    assertThat(assertAsTheRows(second).commission().postId()).isEqualTo("p2");

    // Completed in a batch, as the workers do.
    clock.advance(Duration.ofMinutes(1));
    Product third = data.product("p3", "birds", clock.instant());
    Donation batched = data.commission("cs_batched", 900, "birds");
    Task task = data.task(batched.id());
    assertThat(store.tasks().claim("w", Duration.ofMinutes(5))).map(Task::id).hasValue(task.id());
    assertThat(store.tasks().completeAll("w", Map.of(task.id(), third.id()))).containsExactly(task.id());
    assertThat(assertAsTheRows(third).commission().id()).isEqualTo(batched.id());

    // A draft is shown once published.
    clock.advance(Duration.ofMinutes(1));
    data.post("p4", "owls");
    Product draft = TestData.newProduct(store.products().nextId(), "p4", "owls", clock.instant());
    store.products().saveDraft("run-4", draft);
    assertThat(store.products().publish(draft.id())).isTrue();
    assertAsTheRows(draft);
  }

  @Test
  void aCardTheStoreDidNotWriteIsReadFromTheRows() throws Exception {
    List<Product> products = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofMinutes(1));
      products.add(data.product("r" + i, "cats", clock.instant()));
    }
    Donation commission = data.commission("cs_rows", 1200, "cats");
    completeOne(data.task(commission.id()), products.get(0));
    Page<GalleryItem> before = store.gallery().page(PageRequest.first(10), null);

    // Missing (as from SQL that bypassed the store), of a version this store does not read, cut short.
    try (Connection c = stores.connect(kind(), directory);
        PreparedStatement update = c.prepareStatement("UPDATE products SET card = ? WHERE id = ?")) {
      String[] cards = {null, "2,garbage;", "1,5,3;ab"};
      for (int i = 0; i < cards.length; i++) {
        update.setString(1, cards[i]);
        update.setLong(2, products.get(i).id());
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
    }
    statements.clear();
    assertThat(store.gallery().page(PageRequest.first(10), null)).isEqualTo(before);
    assertThat(statements).as("the page, then the three cards packed from their rows").hasSize(2);
    assertThat(before.items()).hasSize(4);
    assertThat(before.items().get(3).commission().id()).isEqualTo(commission.id());
  }

  @Test
  void concurrentWritesToWhatACardAndAListShowLeaveThemAsTheRows() throws Exception {
    Product product = data.product("race", "cats", clock.instant());
    Donation commission = data.commission("cs_race", 1000, "cats");
    completeOne(data.task(commission.id()), product);
    // Each round, seven writers at once: the post, the shown commission, a product of the post, a
    // newer commission's completion and amount, a new support of the post and a refund of another.
    ExecutorService threads = Executors.newFixedThreadPool(7);
    try {
      for (int round = 1; round <= 40; round++) {
        int r = round;
        // This round's commission: the newest, so the one the card shows once its task names the product.
        clock.advance(Duration.ofSeconds(1));
        Donation newest = data.commission("cs_race_" + r, 2000, "cats");
        Task task = data.task(newest.id());
        assertThat(store.tasks().claim("w", Duration.ofMinutes(5))).map(Task::id).hasValue(task.id());
        Donation earlier = data.support("race", 50, false);
        CyclicBarrier start = new CyclicBarrier(7);
        List<Future<?>> writes = List.of(
            threads.submit(() -> {
              start.await();
              store.posts().save(post("race", "Round " + r, r, false));
              return null;
            }),
            threads.submit(() -> {
              start.await();
              store.donations().recordPaidAmount(commission.id(), Money.ofCents(1000 + r), "gold");
              return null;
            }),
            threads.submit(() -> {
              start.await();
              assertThat(store.tasks().complete(task.id(), "w", product.id())).isTrue();
              return null;
            }),
            threads.submit(() -> {
              start.await();
              store.donations().recordPaidAmount(newest.id(), Money.ofCents(2000 + r), "silver");
              return null;
            }),
            threads.submit(() -> {
              start.await();
              data.support("race", 100 + r, r % 2 == 0);
              return null;
            }),
            threads.submit(() -> {
              start.await();
              assertThat(store.donations().transition(earlier.id(), DonationStatus.SUCCEEDED,
                  DonationStatus.REFUNDED)).isTrue();
              return null;
            }),
            threads.submit(() -> {
              start.await();
              store.products().save(TestData.newProduct(store.products().nextId(), "race", "cats",
                  clock.instant().plusSeconds(r)));
              return null;
            }));
        for (Future<?> write : writes) {
          write.get();
        }
        statements.clear();
        List<GalleryItem> page = store.gallery().page(PageRequest.first(100), null).items();
        assertThat(statements).as("round %d: statements of a gallery page read from cards", r).hasSize(1);
        for (GalleryItem item : page) {
          assertThat(item).as("round %d, product %d", r, item.product().id())
              .isEqualTo(fromTheRows(item.product().id()));
        }
        assertBulkAsTheRows(page.stream().map(item -> item.product().id()).toList());
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void everyWriteThatMovesASupportRefreshesItsPostsNewestSupports() {
    String awkward = "a,b;c -1,2; café 日本 😀 line\nbreak \u2028 'q' \"d\" \\"
        + (kind() == TestStores.Kind.SQLITE ? " nul\u0000" : "");
    Product product = data.product("s1", "cats", clock.instant());
    Product unsupported = data.product("s2", "cats", clock.instant());
    Donation commission = data.commission("cs_s1", 2500, "cats");
    completeOne(data.task(commission.id()), product);
    List<Long> ids = List.of(product.id(), unsupported.id());
    assertBulkAsTheRows(ids);

    List<Donation> supports = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      clock.advance(Duration.ofSeconds(1));
      supports.add(store.donations().insert(DonationBuilder.support("s1").amountCents(100 + i)
          .tier(i % 3 == 0 ? null : "tier " + awkward).message(i % 2 == 0 ? "" : awkward + i)
          .donor(new ai.clouvel.core.donation.Donor("donor@example.com", i == 4 ? null : "Name " + awkward,
              i % 2 == 0 ? null : "user" + i, i % 5 == 0))
          .build()));
      assertBulkAsTheRows(ids);
    }
    Donation pending = store.donations().insert(DonationBuilder.support("s1").amountCents(900)
        .status(DonationStatus.PENDING).build());
    assertBulkAsTheRows(ids);
    assertThat(store.donations().transition(pending.id(), DonationStatus.PENDING, DonationStatus.SUCCEEDED)).isTrue();
    assertThat(store.donations().forProducts(ids, 1).get(product.id()).supports().get(0).id())
        .isEqualTo(pending.id());
    assertBulkAsTheRows(ids);
    // The newest support refunded: the eleventh newest comes into the kept ten.
    assertThat(store.donations().transition(pending.id(), DonationStatus.SUCCEEDED, DonationStatus.REFUNDED))
        .isTrue();
    assertBulkAsTheRows(ids);
    // Only the tier changes: the list shows the new one.
    Donation latest = supports.get(12);
    store.donations().recordPaidAmount(latest.id(), latest.amount(), "platinum");
    assertThat(store.donations().forProducts(ids, 1).get(product.id()).supports().get(0).tier())
        .isEqualTo("platinum");
    assertBulkAsTheRows(ids);
    store.donations().recordPaidAmount(supports.get(11).id(), Money.ofCents(4321), "gold");
    assertBulkAsTheRows(ids);
  }

  @Test
  void aListTheStoreDidNotWriteIsReadFromTheRows() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      ids.add(data.product("l" + p, "cats", clock.instant()).id());
      for (int i = 0; i < 4; i++) {
        clock.advance(Duration.ofSeconds(1));
        data.support("l" + p, 100 + i, false);
      }
    }
    Map<Long, ProductDonations> before = store.donations().forProducts(ids, 3);
    try (Connection c = stores.connect(kind(), directory);
        PreparedStatement update = c.prepareStatement("UPDATE post_supports SET newest = ? WHERE post_id = ?")) {
      String[] lists = {null, "12,garbage", "1,100,5,0,-1,-1,-1,-1,-1,3;abcdef"};
      for (int i = 0; i < lists.length; i++) {
        update.setString(1, lists[i]);
        update.setString(2, "l" + i);
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
    }
    statements.clear();
    assertThat(store.donations().forProducts(ids, 3)).isEqualTo(before);
    assertThat(statements).as("the kept lists, then the rows").hasSize(2);
    assertThat(before.get(ids.get(0)).supports()).hasSize(3);
  }

  /** Bulk donations of 0, 1 and 10 supports (the kept lists) equal a request for more (the rows), cut. */
  private void assertBulkAsTheRows(List<Long> ids) {
    Map<Long, ProductDonations> rows = store.donations().forProducts(ids, ROWS);
    for (int n : new int[] {0, 1, 10}) {
      statements.clear();
      Map<Long, ProductDonations> kept = store.donations().forProducts(ids, n);
      // Read from the cards and lists in one statement; a missing one sends the read to the rows.
      assertThat(statements).as("statements of bulk donations read from the kept lists").hasSize(1);
      assertThat(kept.keySet()).containsExactlyElementsOf(rows.keySet());
      for (ProductDonations row : rows.values()) {
        assertThat(kept.get(row.productId())).as("%d supports of product %d", n, row.productId())
            .isEqualTo(new ProductDonations(row.productId(), row.postId(), row.commission(),
                row.supports().subList(0, Math.min(n, row.supports().size())), row.supportCount(),
                row.supportTotal()));
      }
    }
  }

  Post post(String id, String title, int score, boolean nsfw) {
    return new Post(id, "cats", title, "Body of " + title, "author_" + id, "/r/cats/comments/" + id, score, 7,
        Instant.parse("2026-12-01T08:00:00Z"), nsfw, false, !nsfw, false);
  }

  void completeOne(Task task, Product product) {
    assertThat(store.tasks().claim("w", Duration.ofMinutes(5))).map(Task::id).hasValue(task.id());
    assertThat(store.tasks().complete(task.id(), "w", product.id())).isTrue();
  }

  /**
   * The gallery's item of a product equals the item its rows make, and came from its card: a page
   * whose cards are all readable takes one statement (a missing one is packed by a second).
   * Returns the item.
   */
  GalleryItem assertAsTheRows(Product product) {
    statements.clear();
    List<GalleryItem> page = store.gallery().page(PageRequest.first(100), null).items();
    assertThat(statements).as("statements of a gallery page read from cards").hasSize(1);
    GalleryItem shown = page.stream().filter(item -> item.product().id() == product.id()).findFirst().orElseThrow();
    assertThat(shown).isEqualTo(fromTheRows(product.id()));
    return shown;
  }

  private GalleryItem fromTheRows(long productId) {
    Product product = store.products().find(productId).orElseThrow();
    Post post = store.posts().find(product.postId()).orElse(null);
    ProductDonations donations = store.donations().forProducts(List.of(productId), ROWS).get(productId);
    return new GalleryItem(product, post, donations.commission(), donations.supportCount(),
        donations.supportTotal());
  }
}
