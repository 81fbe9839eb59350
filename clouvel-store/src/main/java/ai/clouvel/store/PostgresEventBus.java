package ai.clouvel.store;

import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.event.EventBus;
import ai.clouvel.core.event.InMemoryEventBus;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.time.Sleeper;
import ai.clouvel.store.internal.EventCodec;
import ai.clouvel.store.internal.JdbiEventLog;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventBus} shared by every server on one PostgreSQL database (DESIGN §9). An event
 * published on any node reaches the subscribers of every node: this node's at once, on the
 * publishing thread, and the others' through {@code NOTIFY} on the channel {@value #CHANNEL}.
 *
 * <ul>
 *   <li>Each bus listens on one dedicated connection, outside the store's pool, read by one
 *       thread; remote events are delivered on that thread.</li>
 *   <li>An encoded event within {@value #MAX_NOTIFY_BYTES} bytes travels in the notification;
 *       a larger one is stored in the {@code event_payloads} table and the notification carries
 *       its id.</li>
 *   <li>Task, product and donation events carry ids that the receiving node reads from the
 *       database, so it relays the state that REST shows.</li>
 *   <li>When the listening connection drops, the bus reconnects with exponential backoff
 *       (through the {@link Sleeper}), listens again, and catches up: it delivers, to this node's
 *       subscribers, the current state of every task, product and donation that changed since
 *       shortly before the connection was last known good. Notifications missed meanwhile are
 *       replaced by that catch-up; subscribers may see an event twice, never miss a final one.</li>
 * </ul>
 *
 * <pre>{@code
 * try (PostgresEventBus bus = PostgresEventBus.builder(store).build().start()) {
 *   DurableClouvel clouvel = Clouvel.builder().eventBus(bus).build(store);
 * }
 * }</pre>
 */
public final class PostgresEventBus implements EventBus, AutoCloseable {
  /** The notification channel. */
  public static final String CHANNEL = "clouvel_events";
  /** The largest notification sent; PostgreSQL's limit is 8,000 bytes. */
  public static final int MAX_NOTIFY_BYTES = 7_900;

  private static final Logger log = LoggerFactory.getLogger(PostgresEventBus.class);
  private static final int CATCH_UP_LIMIT = 10_000;

  private final SqlStore store;
  private final JdbiEventLog eventLog;
  private final InMemoryEventBus local = new InMemoryEventBus();
  private final String nodeId;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollTimeout;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration catchUpMargin;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong reconnects = new AtomicLong();
  private final AtomicLong caughtUp = new AtomicLong();
  private final Object lifecycle = new Object();
  private volatile Thread listener;
  private volatile Connection connection;
  private volatile boolean running;
  private volatile Instant lastGood;

  private PostgresEventBus(Builder builder) {
    this.store = builder.store;
    this.eventLog = new JdbiEventLog(store.db());
    this.nodeId = builder.nodeId;
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.pollTimeout = builder.pollTimeout;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.catchUpMargin = builder.catchUpMargin;
  }

  /**
   * Starts configuring a bus on a PostgreSQL store.
   *
   * @param store the store whose database carries the events
   * @return a builder
   * @throws IllegalArgumentException if the store is not on PostgreSQL
   */
  public static Builder builder(SqlStore store) {
    return new Builder(store);
  }

  /**
   * Connects the dedicated connection, listens, and starts the thread that relays other nodes'
   * events.
   *
   * @return this bus
   * @throws IllegalStateException if the database cannot be reached
   */
  public PostgresEventBus start() {
    synchronized (lifecycle) {
      if (running) {
        return this;
      }
      try {
        connection = listen();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot listen for events on " + store.describe() + ": " + e.getMessage(), e);
      }
      lastGood = clock.instant();
      running = true;
      Thread thread = new Thread(this::run, "clouvel-events-" + nodeId);
      thread.setDaemon(true);
      listener = thread;
      thread.start();
      return this;
    }
  }

  @Override
  public void publish(ClouvelEvent event) {
    local.publish(event);
    String body = EventCodec.encode(event);
    try {
      String message = nodeId + "|" + body;
      if (message.getBytes(StandardCharsets.UTF_8).length > MAX_NOTIFY_BYTES) {
        message = nodeId + "|@" + eventLog.storePayload(body);
      }
      eventLog.notify(CHANNEL, message);
    } catch (RuntimeException e) {
      // The other nodes catch up from the database when they can; the publisher must not fail.
      log.warn("Could not notify other nodes of {}: {}", event.getClass().getSimpleName(), e.toString());
    }
  }

  @Override
  public Subscription subscribe(Consumer<? super ClouvelEvent> subscriber) {
    return local.subscribe(subscriber);
  }

  /**
   * Returns this node's id; notifications it sent itself are not delivered twice.
   *
   * @return the node id
   */
  public String nodeId() {
    return nodeId;
  }

  /**
   * Returns how many events from other nodes were delivered here.
   *
   * @return the count
   */
  public long received() {
    return received.get();
  }

  /**
   * Returns how many times the listening connection was re-established after it dropped.
   *
   * @return the count
   */
  public long reconnects() {
    return reconnects.get();
  }

  /**
   * Returns how many events catch-ups delivered.
   *
   * @return the count
   */
  public long caughtUp() {
    return caughtUp.get();
  }

  /** Stops listening and closes the dedicated connection. Never throws; closing twice does nothing. */
  @Override
  public void close() {
    Thread thread;
    synchronized (lifecycle) {
      if (!running) {
        return;
      }
      running = false;
      thread = listener;
      closeQuietly(connection);
    }
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      listenUntilClosed();
    } finally {
      // A reconnection that raced with close() may have opened one more connection.
      closeQuietly(connection);
    }
  }

  private void listenUntilClosed() {
    int failures = 0;
    while (running) {
      try {
        if (connection == null) {
          Instant since = lastGood.minus(catchUpMargin);
          connection = listen();
          reconnects.incrementAndGet();
          log.info("Event bus {} listening again; catching up from {}", nodeId, since);
          catchUp(since);
        }
        Instant pollStarted = clock.instant();
        PGNotification[] notifications = connection.unwrap(PGConnection.class)
            .getNotifications((int) pollTimeout.toMillis());
        if (notifications == null || notifications.length == 0) {
          ping(connection);
        } else {
          for (PGNotification notification : notifications) {
            deliver(notification.getParameter());
          }
        }
        lastGood = pollStarted;
        failures = 0;
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        closeQuietly(connection);
        connection = null;
        failures++;
        Duration wait = backoff(failures);
        log.warn("Event bus {} lost its connection ({}); reconnecting in {} ms", nodeId, e.toString(), wait.toMillis());
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
          if (!running) {
            return;
          }
        }
      }
    }
  }

  private Connection listen() throws SQLException {
    Connection opened = store.connector().open("clouvel-events-" + nodeId);
    try (Statement statement = opened.createStatement()) {
      opened.setAutoCommit(true);
      statement.execute("LISTEN " + CHANNEL);
      return opened;
    } catch (SQLException e) {
      closeQuietly(opened);
      throw e;
    }
  }

  private static void ping(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
    }
  }

  private void deliver(String message) {
    int bar = message.indexOf('|');
    if (bar < 0) {
      log.warn("Event bus {} ignored a malformed notification", nodeId);
      return;
    }
    if (message.substring(0, bar).equals(nodeId)) {
      return;
    }
    String body = message.substring(bar + 1);
    try {
      if (body.startsWith("@")) {
        Optional<String> stored = eventLog.payload(Long.parseLong(body.substring(1)));
        if (stored.isEmpty()) {
          log.warn("Event bus {} missed stored event {}: it is gone", nodeId, body);
          return;
        }
        body = stored.get();
      }
      Optional<ClouvelEvent> event = EventCodec.decode(body, store);
      if (event.isPresent()) {
        received.incrementAndGet();
        local.publish(event.get());
      }
    } catch (IllegalArgumentException e) {
      log.warn("Event bus {} ignored an event it cannot read: {}", nodeId, e.getMessage());
    }
  }

  /** Delivers here the current state of what changed since a moment, in the order it changed. */
  private void catchUp(Instant since) {
    long before = caughtUp.get();
    for (Task task : eventLog.tasksChangedSince(since, CATCH_UP_LIMIT)) {
      if (!task.createdAt().isBefore(since)) {
        replay(new ClouvelEvent.TaskCreated(task, task.createdAt()));
      }
      replay(new ClouvelEvent.TaskUpdated(task.id(), task.status(), task.progress(), task.productId(),
          task.error(), task.updatedAt()));
    }
    for (long productId : eventLog.productsCreatedSince(since, CATCH_UP_LIMIT)) {
      store.products().find(productId)
          .ifPresent(product -> replay(new ClouvelEvent.ProductCreated(product, product.createdAt())));
    }
    for (long donationId : eventLog.donationsChangedSince(since, CATCH_UP_LIMIT)) {
      store.donations().find(donationId)
          .ifPresent(donation -> replay(new ClouvelEvent.DonationUpdated(donation, clock.instant())));
    }
    log.info("Event bus {} caught up with {} events", nodeId, caughtUp.get() - before);
  }

  /** Counted before it is published, so whoever hears a replayed event also sees it counted. */
  private void replay(ClouvelEvent event) {
    caughtUp.incrementAndGet();
    local.publish(event);
  }

  private Duration backoff(int failures) {
    long millis = initialBackoff.toMillis() << Math.min(16, failures - 1);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      log.debug("Closing the event connection failed: {}", e.toString());
    }
  }

  /** Configures a {@link PostgresEventBus}. */
  public static final class Builder {
    private final SqlStore store;
    private String nodeId = UUID.randomUUID().toString().substring(0, 8);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private Duration pollTimeout = Duration.ofSeconds(2);
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private Duration catchUpMargin = Duration.ofSeconds(5);

    private Builder(SqlStore store) {
      this.store = Objects.requireNonNull(store, "store");
      if (!store.isPostgresql()) {
        throw new IllegalArgumentException("the PostgreSQL event bus needs a PostgreSQL store, not "
            + store.describe() + "; use the InMemoryEventBus on SQLite");
      }
    }

    /**
     * Names this node in notifications and in the listening connection's application name.
     * Default: random.
     *
     * @param id letters, digits, {@code -} and {@code _}
     * @return this builder
     */
    public Builder nodeId(String id) {
      if (id == null || !id.matches("[A-Za-z0-9_-]{1,40}")) {
        throw new IllegalArgumentException("a node id is 1 to 40 letters, digits, - or _");
      }
      this.nodeId = id;
      return this;
    }

    /**
     * Sets the clock that dates catch-ups. Default: the system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how waits between reconnection attempts are made. Default: the system sleeper.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets how long the listener waits for notifications before checking its connection with a
     * trivial query. Default: 2 s.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder pollTimeout(Duration timeout) {
      this.pollTimeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * Sets the wait after the first failed reconnection, doubled after each further one, and the
     * longest wait. Default: 200 ms up to 10 s.
     *
     * @param initial the first wait
     * @param max the longest wait
     * @return this builder
     */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = positive(initial, "initial");
      this.maxBackoff = positive(max, "max");
      return this;
    }

    /**
     * Sets how far before the last moment the connection was known good a catch-up starts, to
     * cover clock differences between nodes. Default: 5 s.
     *
     * @param margin the margin
     * @return this builder
     */
    public Builder catchUpMargin(Duration margin) {
      Objects.requireNonNull(margin, "margin");
      if (margin.isNegative()) {
        throw new IllegalArgumentException("margin must not be negative");
      }
      this.catchUpMargin = margin;
      return this;
    }

    /**
     * Builds the bus; call {@link PostgresEventBus#start()} to listen.
     *
     * @return the bus
     */
    public PostgresEventBus build() {
      return new PostgresEventBus(this);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return duration;
    }
  }
}
