package ai.clouvel.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.task.Task;
import ai.clouvel.store.testing.TestStores;
import ai.clouvel.test.data.TestData;
import ai.clouvel.test.store.ClouvelStoreContract;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test kit's store contract ({@link ClouvelStoreContract}), which every store passes, run by
 * {@link SqlStore} against a SQLite file ({@link SqliteStoreTest}) and a real PostgreSQL
 * ({@link PostgresStoreTest}), task queue included; plus what only a SQL store promises: bulk
 * reads in a fixed number of statements, and a description without secrets.
 */
@ExtendWith(TestStores.Extension.class)
abstract class SqlStoreContractTest extends ClouvelStoreContract {
  protected final List<String> statements = new CopyOnWriteArrayList<>();
  private TestStores stores;

  @TempDir
  Path directory;

  protected abstract TestStores.Kind kind();

  @BeforeEach
  void stores(TestStores stores) {
    this.stores = stores;
  }

  @Override
  protected SqlStore openStore(Clock clock) {
    return stores.open(kind(), directory, clock, statements::add);
  }

  @Override
  protected SqlStore store() {
    return (SqlStore) super.store();
  }

  @Test
  void bulkReadsUseAFixedNumberOfStatementsWhateverTheirSize() {
    List<Long> tenIds = seedProductsWithDonations(0, 10);
    int galleryWithTen = countStatements(() -> store().gallery().page(new PageRequest(200, 0), null));
    int bulkOfTen = countStatements(() -> store().donations().forProducts(tenIds));
    int leaderboardOfTen = countStatements(() -> store().donations().bySubreddit(50));

    List<Long> thousandIds = new ArrayList<>(tenIds);
    thousandIds.addAll(seedProductsWithDonations(10, 990));
    assertThat(thousandIds).hasSize(1000);
    int galleryWithThousand = countStatements(() -> store().gallery().page(new PageRequest(200, 0), null));
    int bulkOfThousand = countStatements(() -> store().donations().forProducts(thousandIds));
    int leaderboardOfThousand = countStatements(() -> store().donations().bySubreddit(50));

    assertThat(store().gallery().page(new PageRequest(200, 0), null).items()).hasSize(200);
    assertThat(store().donations().forProducts(thousandIds)).hasSize(1000);
    assertThat(galleryWithThousand).isEqualTo(galleryWithTen).isEqualTo(1);
    assertThat(bulkOfThousand).isEqualTo(bulkOfTen).isEqualTo(1);
    assertThat(leaderboardOfThousand).isEqualTo(leaderboardOfTen).isEqualTo(1);
  }

  @Test
  void galleryPagesListProductsNewestFirstWithTiesByIdWhateverTheOrderTheyWereMade() {
    // Made in a shuffled order of times, with ties: ids grow with making, times do not.
    int[] minutesAgo = {5, 1, 9, 1, 3, 7, 1, 0, 9, 4, 2, 6, 8, 3, 5};
    List<Product> made = store().inTransaction(tx -> {
      TestData f = new TestData(tx, clock);
      List<Product> products = new ArrayList<>();
      for (int i = 0; i < minutesAgo.length; i++) {
        products.add(f.product("order" + i, "sub" + (i % 3), clock.instant().minusSeconds(60L * minutesAgo[i])));
      }
      return products;
    });
    List<Long> expected = made.stream()
        .sorted(java.util.Comparator.comparing(Product::createdAt).thenComparingLong(Product::id).reversed())
        .map(Product::id).toList();

    List<Long> paged = new ArrayList<>();
    for (int offset = 0; offset < made.size(); offset += 4) {
      var page = store().gallery().page(new PageRequest(4, offset), null);
      assertThat(page.total()).isEqualTo(made.size());
      page.items().forEach(item -> paged.add(item.product().id()));
    }
    assertThat(paged).containsExactlyElementsOf(expected);
    assertThat(store().gallery().page(new PageRequest(100, 0), null).items())
        .extracting(item -> item.product().id()).containsExactlyElementsOf(expected);
  }

  @Test
  void aProductNamedByTwoTasksShowsItsNewestCommissionInTheGalleryAsInBulkDonations() {
    Product product = data().product("twice", "cats", clock.instant());
    // The older commission's task is made, and names the product, first: the newest must still win.
    Donation older = data().commission("cs_older", 500, "cats");
    clock.advance(Duration.ofMinutes(1));
    Donation newer = data().commission("cs_newer", 700, "cats");
    for (Donation commission : List.of(older, newer)) {
      Task task = data().task(commission.id());
      assertThat(store().tasks().claim("w", Duration.ofMinutes(5))).map(Task::id).hasValue(task.id());
      assertThat(store().tasks().complete(task.id(), "w", product.id())).isTrue();
    }

    GalleryItem item = store().gallery().page(PageRequest.first(10), null).items().get(0);
    assertThat(item.commission().id()).isEqualTo(newer.id());
    assertThat(store().donations().forProducts(List.of(product.id()), 0).get(product.id()).commission().id())
        .isEqualTo(newer.id());
  }

  private List<Long> seedProductsWithDonations(int from, int count) {
    return store().inTransaction(tx -> {
      TestData f = new TestData(tx, clock);
      List<Long> ids = new ArrayList<>();
      for (int i = from; i < from + count; i++) {
        String postId = "bulk" + i;
        Product product = f.product(postId, "sub" + (i % 25), clock.instant().minusSeconds(i));
        f.support(postId, 100 + i, i % 3 == 0);
        ids.add(product.id());
      }
      return ids;
    });
  }

  private int countStatements(Runnable work) {
    statements.clear();
    work.run();
    return statements.size();
  }

  @Test
  void describesItselfWithoutSecrets() {
    assertThat(store().describe()).doesNotContain("password").startsWith(
        kind() == TestStores.Kind.SQLITE ? "sqlite:" : "postgresql://");
  }
}
