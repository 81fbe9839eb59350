package ai.clouvel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.progress.Progress;
import ai.clouvel.core.progress.Stage;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.core.time.Sleeper;
import ai.clouvel.store.testing.EmbeddedPostgresExtension;
import ai.clouvel.test.data.TaskBuilder;
import ai.clouvel.test.data.TestData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes' buses on one real (embedded) PostgreSQL database. */
class PostgresEventBusTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private EmbeddedPostgresExtension.Database database;

  @RegisterExtension
  final BeforeEachCallback newDatabase = context -> database = EmbeddedPostgresExtension.newDatabase(context);

  private final List<AutoCloseable> open = new ArrayList<>();
  private final Clock clock = Clock.systemUTC();
  private SqlStore storeA;
  private SqlStore storeB;

  @BeforeEach
  void openStores() {
    storeA = store();
    storeB = store();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void eachNodeReceivesTheOtherNodesEventsOnceAndItsOwnOnce() throws Exception {
    PostgresEventBus a = bus(storeA, "a", Sleeper.system());
    PostgresEventBus b = bus(storeB, "b", Sleeper.system());
    Recorder atA = new Recorder(a);
    Recorder atB = new Recorder(b);
    TestData fixtures = new TestData(storeA, clock);
    Task task = storeA.tasks().enqueue(TaskBuilder.task(clock.instant()).build());
    Product product = fixtures.product("p1", "hiking", clock.instant());
    Donation donation = fixtures.support("p1", 500, false);

    a.publish(new ClouvelEvent.TaskCreated(task, clock.instant()));
    a.publish(new ClouvelEvent.TaskUpdated(task.id(), TaskStatus.IN_PROGRESS,
        new Progress(Stage.IMAGE_GENERATION_IN_PROGRESS, 55, "Painting: about 12 s left"), null, null, clock.instant()));
    b.publish(new ClouvelEvent.ProductCreated(product, clock.instant()));
    b.publish(new ClouvelEvent.DonationUpdated(donation, clock.instant()));

    ClouvelEvent.TaskCreated created = atB.next(ClouvelEvent.TaskCreated.class);
    assertThat(created.task().id()).isEqualTo(task.id());
    assertThat(created.task().spec()).isEqualTo(task.spec());
    ClouvelEvent.TaskUpdated update = atB.next(ClouvelEvent.TaskUpdated.class);
    assertThat(update.taskId()).isEqualTo(task.id());
    assertThat(update.status()).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(update.progress()).isEqualTo(new Progress(Stage.IMAGE_GENERATION_IN_PROGRESS, 55, "Painting: about 12 s left"));
    assertThat(atA.next(ClouvelEvent.ProductCreated.class).product())
        .isEqualTo(storeA.products().find(product.id()).orElseThrow());
    assertThat(atA.next(ClouvelEvent.DonationUpdated.class).donation().id()).isEqualTo(donation.id());

    // Markers sent after everything else: once a node hears the other's marker, an echo of its
    // own notifications would have arrived too. Each node saw its own three events once, and the
    // other's three.
    a.publish(new ClouvelEvent.TaskUpdated("marker-a", TaskStatus.PENDING, Progress.QUEUED, null, null, clock.instant()));
    atB.nextMatching(ClouvelEvent.TaskUpdated.class, e -> e.taskId().equals("marker-a"));
    b.publish(new ClouvelEvent.TaskUpdated("marker-b", TaskStatus.PENDING, Progress.QUEUED, null, null, clock.instant()));
    atA.nextMatching(ClouvelEvent.TaskUpdated.class, e -> e.taskId().equals("marker-b"));
    assertThat(atA.all).hasSize(6);
    assertThat(atB.all).hasSize(6);
    assertThat(b.received()).isEqualTo(3);
    assertThat(a.received()).isEqualTo(3);
    assertThat(count("SELECT COUNT(*) FROM event_payloads")).as("small events travel inline").isZero();
  }

  @Test
  void anEventLargerThanANotificationTravelsByReference() throws Exception {
    PostgresEventBus a = bus(storeA, "a", Sleeper.system());
    PostgresEventBus b = bus(storeB, "b", Sleeper.system());
    Recorder atB = new Recorder(b);
    String error = "Ünïcode & = | % failure ".repeat(600);
    assertThat(error.length()).isGreaterThan(8_000);

    a.publish(new ClouvelEvent.TaskUpdated("t-large", TaskStatus.FAILED, new Progress(Stage.FAILED, 0, "failed"),
        null, error, Instant.ofEpochMilli(1_700_000_000_123L)));

    ClouvelEvent.TaskUpdated received = atB.next(ClouvelEvent.TaskUpdated.class);
    assertThat(received.error()).isEqualTo(error);
    assertThat(received.taskId()).isEqualTo("t-large");
    assertThat(received.at()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
    assertThat(count("SELECT COUNT(*) FROM event_payloads")).isEqualTo(1);
  }

  @Test
  void aKilledListenerConnectionReconnectsAfterBackoffAndCatchesUpWithWhatItMissed() throws Exception {
    GateSleeper gate = new GateSleeper();
    PostgresEventBus a = bus(storeA, "a", Sleeper.system());
    PostgresEventBus b = bus(storeB, "b", gate);
    Recorder atB = new Recorder(b);
    TestData fixtures = new TestData(storeA, clock);
    Task task = storeA.tasks().enqueue(TaskBuilder.task(clock.instant()).build());
    a.publish(new ClouvelEvent.TaskCreated(task, clock.instant()));
    atB.next(ClouvelEvent.TaskCreated.class);

    assertThat(count("SELECT pg_terminate_backend(pid)::int FROM pg_stat_activity "
        + "WHERE application_name = 'clouvel-events-b'")).isEqualTo(1);
    assertThat(gate.sleeping.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS)).as("b noticed and backs off").isTrue();

    // While b is disconnected: a works the task to completion and publishes; b cannot hear it.
    Task claimed = storeA.tasks().claim("worker-a", Duration.ofSeconds(30)).orElseThrow();
    assertThat(storeA.tasks().complete(claimed.id(), "worker-a", 42L)).isTrue();
    a.publish(new ClouvelEvent.TaskUpdated(task.id(), TaskStatus.COMPLETED,
        Progress.at(Stage.COMMISSION_COMPLETE, "ready"), 42L, null, clock.instant()));
    Product product = fixtures.product("p2", "hiking", clock.instant());
    a.publish(new ClouvelEvent.ProductCreated(product, clock.instant()));
    assertThat(atB.all).hasSize(1);

    gate.release.release();

    ClouvelEvent.TaskUpdated caughtUp = atB.nextMatching(ClouvelEvent.TaskUpdated.class,
        e -> e.taskId().equals(task.id()) && e.status() == TaskStatus.COMPLETED);
    assertThat(caughtUp.productId()).isEqualTo(42L);
    assertThat(caughtUp.progress().percent()).isEqualTo(100);
    assertThat(atB.nextMatching(ClouvelEvent.ProductCreated.class, e -> e.product().id() == product.id()).product())
        .isEqualTo(storeA.products().find(product.id()).orElseThrow());
    assertThat(b.reconnects()).isEqualTo(1);
    assertThat(b.caughtUp()).isGreaterThanOrEqualTo(2);
    assertThat(gate.waits).containsExactly(Duration.ofMillis(50));

    // And it listens again: a live event arrives without another catch-up.
    a.publish(new ClouvelEvent.TaskUpdated("after", TaskStatus.PENDING, Progress.QUEUED, null, null, clock.instant()));
    atB.nextMatching(ClouvelEvent.TaskUpdated.class, e -> e.taskId().equals("after"));
    assertThat(b.reconnects()).isEqualTo(1);
  }

  @Test
  void theBusNeedsAPostgresqlStore(@TempDir Path directory) {
    try (SqlStore sqlite = SqlStore.open("sqlite:" + directory.resolve("one.db"))) {
      assertThatThrownBy(() -> PostgresEventBus.builder(sqlite))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("use the InMemoryEventBus on SQLite");
    }
  }

  private SqlStore store() {
    SqlStore store = SqlStore.builder().databaseUrl(database.jdbcUrl())
        .credentials(database.user(), database.password()).maximumPoolSize(4).build();
    open.add(store);
    return store;
  }

  private PostgresEventBus bus(SqlStore store, String node, Sleeper sleeper) {
    PostgresEventBus bus = PostgresEventBus.builder(store).nodeId(node).sleeper(sleeper)
        .pollTimeout(Duration.ofMillis(100)).backoff(Duration.ofMillis(50), Duration.ofSeconds(1))
        .build().start();
    open.add(bus);
    return bus;
  }

  private long count(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      long total = 0;
      while (rows.next()) {
        total += rows.getLong(1);
      }
      return total;
    }
  }

  /** Records what a bus delivers to this node. */
  private static final class Recorder {
    final List<ClouvelEvent> all = new CopyOnWriteArrayList<>();
    final BlockingQueue<ClouvelEvent> queue = new LinkedBlockingQueue<>();

    Recorder(PostgresEventBus bus) {
      bus.subscribe(event -> {
        all.add(event);
        queue.add(event);
      });
    }

    <E extends ClouvelEvent> E next(Class<E> type) throws InterruptedException {
      return nextMatching(type, e -> true);
    }

    <E extends ClouvelEvent> E nextMatching(Class<E> type, java.util.function.Predicate<E> wanted)
        throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        ClouvelEvent event = queue.poll(100, TimeUnit.MILLISECONDS);
        if (type.isInstance(event) && wanted.test(type.cast(event))) {
          return type.cast(event);
        }
      }
      throw new AssertionError("no " + type.getSimpleName() + " arrived; got " + all);
    }
  }

  /** A sleeper that records its waits and holds the reconnecting thread until the test lets it go. */
  private static final class GateSleeper implements Sleeper {
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final Semaphore sleeping = new Semaphore(0);
    final Semaphore release = new Semaphore(0);

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      waits.add(duration);
      sleeping.release();
      release.acquire();
    }
  }
}
