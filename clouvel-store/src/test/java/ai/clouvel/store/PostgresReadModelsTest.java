package ai.clouvel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.task.Task;
import ai.clouvel.store.testing.EmbeddedPostgresExtension;
import ai.clouvel.store.testing.TestStores;
import ai.clouvel.test.data.TestData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's read models also hold when a store write meets another transaction at the worst
 * moment: here the other transaction is held open on a raw connection while the store's write
 * runs into it, then committed; the card must show what committed. Each of these fails without the
 * lock it is named after (the store's write then packs the card before the other commit).
 */
class PostgresReadModelsTest extends ReadModelsContractTest {
  @Override
  protected TestStores.Kind kind() {
    return TestStores.Kind.POSTGRESQL;
  }

  @Test
  void aProductInsertedWhileItsPostChangesShowsThePostAsCommitted() throws Exception {
    store.posts().save(post("ins", "Before", 1, false));
    Product product = TestData.newProduct(store.products().nextId(), "ins", "cats", clock.instant());
    // The insert locks its post before packing its card, so it waits for the post's writer.
    whileOpen("UPDATE posts SET title = 'After' WHERE id = 'ins'", () -> {
      store.products().save(product);
      return null;
    });
    assertThat(assertAsTheRows(product).post().title()).isEqualTo("After");
  }

  @Test
  void aCompletionWhileItsCommissionChangesShowsTheCommissionAsCommitted() throws Exception {
    Product product = data.product("done", "cats", clock.instant());
    Donation commission = data.commission("cs_done", 1000, "cats");
    Task task = data.task(commission.id());
    assertThat(store.tasks().claim("w", Duration.ofMinutes(5))).map(Task::id).hasValue(task.id());
    // The completion locks its commission before packing the card; the commission's writer, which
    // cannot see the task's new link, refreshes nothing.
    whileOpen("UPDATE donations SET amount_cents = 4242 WHERE id = " + commission.id(), () -> {
      assertThat(store.tasks().complete(task.id(), "w", product.id())).isTrue();
      return null;
    });
    assertThat(assertAsTheRows(product).commission().amount()).isEqualTo(Money.ofCents(4242));
  }

  @Test
  void aRefreshWhileAnotherWriterHoldsTheCardShowsBothAsCommitted() throws Exception {
    Product product = data.product("held", "cats", clock.instant());
    Donation commission = data.commission("cs_held", 1000, "cats");
    completeOne(data.task(commission.id()), product);
    // The other writer changed the post and holds the product's row, as a post's upsert does while
    // it refreshes; the commission's refresh locks the row before it packs the card.
    whileOpen("UPDATE posts SET title = 'Held' WHERE id = 'held';"
        + " UPDATE products SET run_id = run_id WHERE id = " + product.id(), () -> {
      store.donations().recordPaidAmount(commission.id(), Money.ofCents(3333), "gold");
      return null;
    });
    assertThat(assertAsTheRows(product).post().title()).isEqualTo("Held");
    assertThat(assertAsTheRows(product).commission().amount()).isEqualTo(Money.ofCents(3333));
  }

  @Test
  void aSupportWhileAnotherMovesItsPostsTotalsListsBothAsCommitted() throws Exception {
    Product product = data.product("two", "cats", clock.instant());
    data.support("two", 100, false);
    // The other writer added a support and holds the post's totals row, as a support's insert does
    // until it commits; the store's support packs the list after it has that row.
    whileOpen("INSERT INTO donations (payment_id, source, status, amount_cents, donation_type, post_id,"
        + " customer_name, is_anonymous, message, created_at, updated_at) VALUES ('pi_other', 'manual',"
        + " 'succeeded', 700, 'support', 'two', 'Other', FALSE, 'hi', 1, 1);"
        + " UPDATE post_supports SET support_count = support_count + 1, support_cents = support_cents + 700"
        + " WHERE post_id = 'two'", () -> {
          data.support("two", 300, false);
          return null;
        });
    assertThat(store.donations().forProducts(List.of(product.id()), 10).get(product.id()).supports())
        .extracting(s -> s.amount().cents()).containsExactlyInAnyOrder(100L, 300L, 700L);
    assertThat(store.donations().forProducts(List.of(product.id()), 10))
        .isEqualTo(store.donations().forProducts(List.of(product.id()), 100));
  }

  /**
   * Runs SQL in a transaction of its own, then a store write while that transaction is open; commits
   * it once the write has finished or waits on a lock, then lets the write finish.
   */
  private void whileOpen(String sql, Callable<Void> write) throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try (Connection other = stores.connect(kind(), directory); Connection watcher = stores.connect(kind(), directory)) {
      other.setAutoCommit(false);
      try (Statement s = other.createStatement()) {
        for (String statement : sql.split(";")) {
          s.execute(statement);
        }
      }
      Future<Void> written = thread.submit(write);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!written.isDone() && !waitsOnALock(watcher)) {
        assertThat(System.nanoTime()).as("the write neither finished nor waited on a lock").isLessThan(deadline);
        try {
          written.get(5, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
          // Look again.
        }
      }
      other.commit();
      written.get(20, TimeUnit.SECONDS);
    } finally {
      thread.shutdownNow();
    }
  }

  private static boolean waitsOnALock(Connection watcher) throws Exception {
    try (Statement s = watcher.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  /** The packed texts' byte lengths are UTF-8's only in a UTF-8 database: another is refused at open. */
  @Test
  void aDatabaseThatDoesNotStoreUtf8IsRefusedWhenOpened() throws Exception {
    EmbeddedPostgresExtension.Database database = stores.newPostgresDatabase();
    String name = database.jdbcUrl().replaceAll("^.*/([A-Za-z0-9_]+)(\\?.*)?$", "$1");
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + "_latin ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
    }
    String latin = database.jdbcUrl().replace("/" + name, "/" + name + "_latin");
    assertThatThrownBy(() -> SqlStore.builder().databaseUrl(latin).credentials(database.user(), database.password())
        .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("LATIN1").hasMessageContaining("UTF8");
  }
}
