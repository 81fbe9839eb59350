package ai.clouvel.store;

import ai.clouvel.core.agent.AgentRepository;
import ai.clouvel.core.content.PostRepository;
import ai.clouvel.core.content.SubredditRepository;
import ai.clouvel.core.donation.DonationRepository;
import ai.clouvel.core.donation.GoalRepository;
import ai.clouvel.core.image.ImageRepository;
import ai.clouvel.core.offline.DemoCheckouts;
import ai.clouvel.core.product.GalleryRepository;
import ai.clouvel.core.product.ProductRepository;
import ai.clouvel.core.schedule.SchedulerRepository;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.task.TaskQueue;
import ai.clouvel.core.usage.UsageRepository;
import ai.clouvel.store.internal.Db;
import ai.clouvel.store.internal.JdbiAgents;
import ai.clouvel.store.internal.JdbiDemoCheckouts;
import ai.clouvel.store.internal.JdbiDonations;
import ai.clouvel.store.internal.JdbiGallery;
import ai.clouvel.store.internal.JdbiGoals;
import ai.clouvel.store.internal.JdbiSubreddits;
import ai.clouvel.store.internal.JdbiImages;
import ai.clouvel.store.internal.JdbiPosts;
import ai.clouvel.store.internal.JdbiProducts;
import ai.clouvel.store.internal.JdbiScheduler;
import ai.clouvel.store.internal.JdbiTaskQueue;
import ai.clouvel.store.internal.JdbiUsage;
import ai.clouvel.store.internal.Pools;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@link ClouvelStore} on SQLite or PostgreSQL. Opening one runs the Flyway migrations.
 *
 * <pre>{@code
 * try (SqlStore store = SqlStore.builder().databaseUrl(System.getenv("DATABASE_URL")).build()) {
 *   DurableClouvel clouvel = Clouvel.builder().build(store);
 * }
 * }</pre>
 *
 * <p>SQLite (the default, {@code ./data/clouvel.db}) runs in WAL mode with foreign keys on and a
 * busy timeout; writes go through one connection, SQLite's single writer, and reads through a small
 * pool of read-only connections. PostgreSQL uses one HikariCP pool whose size and timeouts are
 * configurable. Thread-safe.
 */
public final class SqlStore implements ClouvelStore {
  private final Pools pools;
  private final Db db;
  private final String description;
  private final Connector connector;

  private SqlStore(Pools pools, Db db, String description, Connector connector) {
    this.pools = pools;
    this.db = db;
    this.description = description;
    this.connector = connector;
  }

  /** Opens connections outside the pool, for the event bus's dedicated listener. */
  record Connector(DatabaseUrl url, String username, String password) {
    Connection open(String applicationName) throws SQLException {
      Properties properties = new Properties();
      if (username != null) {
        properties.setProperty("user", username);
      }
      if (password != null) {
        properties.setProperty("password", password);
      }
      properties.setProperty("ApplicationName", applicationName);
      return DriverManager.getConnection(url.jdbcUrl(), properties);
    }
  }

  /**
   * Starts configuring a store.
   *
   * @return a builder for the default SQLite file
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Opens the store a {@code DATABASE_URL} names, with the other settings at their defaults.
   *
   * @param databaseUrl see {@link DatabaseUrl#parse}; {@code null} for the default SQLite file
   * @return the open store
   */
  public static SqlStore open(String databaseUrl) {
    return builder().databaseUrl(databaseUrl).build();
  }

  @Override
  public ProductRepository products() {
    return new JdbiProducts(db);
  }

  @Override
  public PostRepository posts() {
    return new JdbiPosts(db);
  }

  @Override
  public ImageRepository images() {
    return new JdbiImages(db);
  }

  @Override
  public UsageRepository usage() {
    return new JdbiUsage(db);
  }

  @Override
  public DonationRepository donations() {
    return new JdbiDonations(db);
  }

  @Override
  public TaskQueue tasks() {
    return new JdbiTaskQueue(db);
  }

  @Override
  public GalleryRepository gallery() {
    return new JdbiGallery(db);
  }

  @Override
  public GoalRepository goals() {
    return new JdbiGoals(db);
  }

  @Override
  public AgentRepository agents() {
    return new JdbiAgents(db);
  }

  @Override
  public SchedulerRepository scheduler() {
    return new JdbiScheduler(db);
  }

  @Override
  public SubredditRepository subreddits() {
    return new JdbiSubreddits(db);
  }

  @Override
  public <T> T inTransaction(Function<ClouvelStore, T> work) {
    return db.inTransaction(tx -> work.apply(new SqlStore(null, tx, description, connector)));
  }

  /**
   * Tells whether the store is on PostgreSQL, where several servers may share it (see
   * {@link PostgresEventBus}).
   *
   * @return {@code true} on PostgreSQL, {@code false} on SQLite
   */
  public boolean isPostgresql() {
    return connector.url().kind() == DatabaseUrl.Kind.POSTGRESQL;
  }

  /**
   * Returns where the demo payment gateway keeps checkouts and refunds in this database, so that
   * every server sharing it can complete a checkout another one created:
   * {@code new DemoPaymentGateway(publicBaseUrl, clock, store.demoCheckouts())}.
   *
   * @return the demo checkouts
   */
  public DemoCheckouts demoCheckouts() {
    return new JdbiDemoCheckouts(db);
  }

  Db db() {
    return db;
  }

  Connector connector() {
    return connector;
  }

  @Override
  public boolean isHealthy() {
    return pools != null && pools.isHealthy(db.now());
  }

  @Override
  public String describe() {
    return description;
  }

  /** Closes the pools. A transaction's view of the store has none and ignores this. */
  @Override
  public void close() {
    if (pools != null) {
      pools.close();
    }
  }

  /** Configures a {@link SqlStore}. */
  public static final class Builder {
    private DatabaseUrl url = DatabaseUrl.parse(null);
    private String username;
    private String password;
    private int maximumPoolSize = 10;
    private int sqliteReaders = 4;
    private Duration connectionTimeout = Duration.ofSeconds(30);
    private Duration busyTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private Consumer<String> statementListener;
    private Object poolMetrics;

    private Builder() {
    }

    /**
     * Sets the database. Default: SQLite at {@code ./data/clouvel.db}.
     *
     * @param databaseUrl see {@link DatabaseUrl#parse}; {@code null} or blank for the default
     * @return this builder
     */
    public Builder databaseUrl(String databaseUrl) {
      this.url = DatabaseUrl.parse(databaseUrl);
      return this;
    }

    /**
     * Sets the database.
     *
     * @param databaseUrl a parsed URL
     * @return this builder
     */
    public Builder databaseUrl(DatabaseUrl databaseUrl) {
      this.url = Objects.requireNonNull(databaseUrl, "databaseUrl");
      return this;
    }

    /**
     * Sets the PostgreSQL credentials, overriding those of the URL.
     *
     * @param username the user
     * @param password the password
     * @return this builder
     */
    public Builder credentials(String username, String password) {
      this.username = username;
      this.password = password;
      return this;
    }

    /**
     * Sets the PostgreSQL pool size. Default: 10.
     *
     * @param size connections
     * @return this builder
     */
    public Builder maximumPoolSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("pool size must be at least 1");
      }
      this.maximumPoolSize = size;
      return this;
    }

    /**
     * Sets how many read-only connections SQLite gets beside its single writer. Default: 4.
     *
     * @param readers connections
     * @return this builder
     */
    public Builder sqliteReaders(int readers) {
      if (readers < 1) {
        throw new IllegalArgumentException("at least one reader");
      }
      this.sqliteReaders = readers;
      return this;
    }

    /**
     * Sets how long to wait for a free connection. Default: 30 s.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder connectionTimeout(Duration timeout) {
      this.connectionTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets how long SQLite waits for a lock before failing. Default: 10 s.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder busyTimeout(Duration timeout) {
      this.busyTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets the clock that stamps rows. Default: the system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets a listener told the SQL of every statement before it runs, for diagnostics and for
     * tests that count statements. Default: none.
     *
     * @param listener receives the SQL text
     * @return this builder
     */
    public Builder onStatement(Consumer<String> listener) {
      this.statementListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets a metrics registry that HikariCP reports its pools to (connections active, idle,
     * pending, acquisition and usage times), tagged by pool name. Default: none.
     *
     * @param registry a Micrometer {@code MeterRegistry} (or a Dropwizard {@code MetricRegistry});
     *     typed as {@code Object} so that the store does not depend on a metrics library
     * @return this builder
     */
    public Builder poolMetrics(Object registry) {
      this.poolMetrics = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Opens the store and brings its schema up to date.
     *
     * @return the open store
     */
    public SqlStore build() {
      String user = username != null ? username : url.username();
      String pass = password != null ? password : url.password();
      Pools pools = Pools.open(url, user, pass, maximumPoolSize, sqliteReaders, connectionTimeout,
          busyTimeout, statementListener, poolMetrics);
      return new SqlStore(pools, new Db(pools, clock), url.describe(), new Connector(url, user, pass));
    }
  }
}
