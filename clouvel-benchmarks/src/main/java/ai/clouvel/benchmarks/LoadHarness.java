package ai.clouvel.benchmarks;

import ai.clouvel.core.Clouvel;
import ai.clouvel.core.DurableClouvel;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.time.ScheduledTicker;
import ai.clouvel.server.ClouvelServer;
import ai.clouvel.server.config.ServerConfig;
import ai.clouvel.store.DatabaseUrl;
import ai.clouvel.store.SqlStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Seeds 2,000 products and 50,000 donations, starts the reference server, and drives the gallery
 * page and the bulk donations endpoint with 64 concurrent connections, with {@code /health} as the
 * baseline measured in the same run. Prints p50, p99, requests per second and errors.
 *
 * <pre>
 * mvn -B -q -DskipTests package && java -jar clouvel-benchmarks/target/clouvel-load.jar [seconds] [connections] [sqlite|postgresql] [jdk|wrk]
 * </pre>
 *
 * First it prints what one store call costs on one thread ({@link StoreCallCosts}), the floor under
 * each endpoint. SQLite is a temporary file; PostgreSQL is the one {@code DATABASE_URL} names, or
 * else an embedded server started for the run, vacuumed and analysed after the bulk load. The load
 * comes from the JDK's client in this JVM or from wrk in its own process ({@link LoadGenerator}); the
 * table gives the CPU per request of this JVM and of PostgreSQL's processes ({@link DatabaseCpu}).
 * Everything warms up before it is measured, the scenarios alternate, and the process exits when the
 * table is printed.
 */
public final class LoadHarness {
  private static final int PRODUCTS = 2_000;
  private static final int DONATIONS = 50_000;
  private static final int WARM_UP_SECONDS = 20;
  private static final int ROUNDS = 3;

  private LoadHarness() {
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    boolean postgres = args.length > 2 && args[2].equalsIgnoreCase("postgresql");
    String generatorName = args.length > 3 ? args[3].toLowerCase(Locale.ROOT) : "jdk";
    if (!generatorName.equals("jdk") && !generatorName.equals("wrk")) {
      throw new IllegalArgumentException("the load generator is jdk or wrk, not " + args[3]);
    }
    Path dir = Files.createTempDirectory("clouvel-load");
    EmbeddedPostgres embedded = null;
    // The store's own pool sizes, as the server uses them, unless LOAD_POOL_SIZE sets PostgreSQL's.
    SqlStore.Builder builder = SqlStore.builder();
    if (System.getenv("LOAD_POOL_SIZE") != null) {
      builder.maximumPoolSize(Integer.parseInt(System.getenv("LOAD_POOL_SIZE")));
    }
    DatabaseUrl analyzed = null;
    if (!postgres) {
      builder.databaseUrl("sqlite:" + dir.resolve("load.db"));
    } else if (System.getenv("DATABASE_URL") != null) {
      builder.databaseUrl(System.getenv("DATABASE_URL"));
      analyzed = DatabaseUrl.parse(System.getenv("DATABASE_URL"));
    } else {
      embedded = EmbeddedPostgres.builder().start();
      builder.databaseUrl(embedded.getJdbcUrl("postgres", "postgres")).credentials("postgres", "postgres");
      analyzed = new DatabaseUrl(DatabaseUrl.Kind.POSTGRESQL, embedded.getJdbcUrl("postgres", "postgres"),
          "postgres", "postgres", null);
    }
    try (LoadGenerator generator = generatorName.equals("wrk") ? WrkLoadGenerator.inDirectory(dir.resolve("wrk"))
        : new JdkLoadGenerator()) {
      run(builder, analyzed, generator, seconds, connections);
    } finally {
      try {
        if (embedded != null) {
          embedded.close();
        }
      } finally {
        removeQuietly(dir);
      }
    }
  }

  /**
   * Removes the run's directory (the SQLite database, wrk's path files), deepest entries first; a
   * failure is reported, not thrown, so that it cannot hide the run's own.
   */
  private static void removeQuietly(Path dir) {
    try {
      TempDirectories.delete(dir);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("Could not remove " + dir + ": " + e);
    }
  }

  private static void run(SqlStore.Builder builder, DatabaseUrl postgres, LoadGenerator generator, int seconds,
      int connections) throws Exception {
    Clock clock = Clock.systemUTC();
    try (SqlStore store = builder.build();
         ScheduledTicker ticker = new ScheduledTicker()) {
      long seedStart = System.nanoTime();
      List<Long> ids = new LoadSeeder(store, clock).seed(PRODUCTS, DONATIONS);
      System.out.printf(Locale.ROOT, "Seeded %d products and %d donations into %s in %.1f s%n", PRODUCTS, DONATIONS,
          store.describe(), (System.nanoTime() - seedStart) / 1e9);
      if (postgres != null) {
        vacuumAnalyze(postgres);
      }
      StoreCallCosts.print(store, ids);
      DatabaseCpu database = postgres == null ? DatabaseCpu.none() : DatabaseCpu.postgres(postgres);

      // Cache off first (the figure that matters), each on a JVM already warmed by the one before:
      // the first measure also warms up, every scenario in turn, before anything is counted.
      boolean warm = false;
      for (String cacheTtl : List.of("0", "5")) {
        System.out.printf(Locale.ROOT, "%nResponse cache: %s; 5 donations per second to random posts%n",
            cacheTtl.equals("0") ? "off (every request hits the database)" : "on, " + cacheTtl + " s time to live (the default)");
        measure(store, ticker, ids, generator, database, cacheTtl, seconds, connections,
            warm ? 0 : warmUpSeconds());
        warm = true;
      }
    }
  }

  private static void measure(SqlStore store, ScheduledTicker ticker, List<Long> ids, LoadGenerator generator,
      DatabaseCpu database, String cacheTtl, int seconds, int connections, int warmUpSeconds) throws Exception {
    DurableClouvel clouvel = Clouvel.builder().ticker(ticker).build(store);
    ServerConfig config = ServerConfig.fromEnvironment(Map.of("PORT", String.valueOf(freePort()), "WORKERS", "0",
        "SEED_DEMO", "false", "CACHE_TTL_SECONDS", cacheTtl));
    try (ClouvelServer server = ClouvelServer.create(clouvel, config, Map.of("payments", "demo")).start()) {
      String base = server.baseUrl();
      // 100 different pages of 20, so the cache, when on, does not serve a single hot entry.
      List<String> galleryPages = new ArrayList<>();
      List<String> bulkPages = new ArrayList<>();
      for (int page = 0; page < 100; page++) {
        galleryPages.add(base + "/api/generated_products?limit=20&offset=" + page * 20);
        bulkPages.add(base + "/api/generated_products/bulk_donations?product_ids=" + ids.subList(page * 20, page * 20 + 20)
            .stream().map(String::valueOf).collect(Collectors.joining(",")));
      }
      Map<String, List<String>> scenarios = new LinkedHashMap<>();
      scenarios.put("/health", List.of(base + "/health"));
      scenarios.put("gallery page (20 products, 100 pages)", galleryPages);
      scenarios.put("bulk_donations (20 products, 100 sets)", bulkPages);
      // Five donations a second to random posts, as a very busy day would bring: each one evicts the
      // cached answers that show its post.
      List<Donation> supports = store.donations().list(new PageRequest(200, 0), DonationStatus.SUCCEEDED).items()
          .stream().filter(d -> d.postId() != null).toList();
      java.util.Random random = new java.util.Random(7);
      ScheduledExecutorService donations = Executors.newSingleThreadScheduledExecutor();
      donations.scheduleAtFixedRate(() -> clouvel.events().publish(new ClouvelEvent.DonationUpdated(
          supports.get(random.nextInt(supports.size())), clouvel.clock().instant())), 200, 200, TimeUnit.MILLISECONDS);
      Map<String, LoadResult> results = new LinkedHashMap<>();
      try {
        if (warmUpSeconds > 0) {
          System.out.printf(Locale.ROOT, "Warming up: every scenario in turn for %d s, not counted%n", warmUpSeconds);
          long until = System.nanoTime() + Duration.ofSeconds(warmUpSeconds).toNanos();
          while (System.nanoTime() < until) {
            for (List<String> urls : scenarios.values()) {
              generator.run(urls, connections, Duration.ofSeconds(2));
            }
          }
        }
        // The scenarios alternate, in ROUNDS slices each, so that noise from other work on the
        // machine falls on all of them alike.
        Duration slice = Duration.ofMillis(Math.max(1_000, seconds * 1_000L / ROUNDS));
        for (int round = 0; round < ROUNDS; round++) {
          for (Map.Entry<String, List<String>> scenario : scenarios.entrySet()) {
            results.merge(scenario.getKey(), run(generator, scenario.getValue(), connections, slice, database),
                LoadResult::plus);
          }
        }
      } finally {
        donations.shutdownNow();
      }
      report(results, connections, seconds, generator.describe(), database.measured());
      String status;
      try (var in = URI.create(base + "/api/status").toURL().openStream()) {
        status = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      System.out.println("Cache after the run: " + status.replaceAll(".*(\"cache\":\\{[^}]*}).*", "$1"));
    } finally {
      clouvel.close();
    }
  }

  /**
   * Brings PostgreSQL's statistics and visibility map up to date after the bulk load, as its manual
   * advises and as autovacuum would do within a minute or two: otherwise the plans (and the
   * index-only scans that need the visibility map) change in the middle of the measurement.
   */
  private static void vacuumAnalyze(DatabaseUrl url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password());
         Statement statement = connection.createStatement()) {
      statement.execute("VACUUM ANALYZE");
    }
    System.out.println("VACUUM ANALYZE after the bulk load");
  }

  private static LoadResult run(LoadGenerator generator, List<String> urls, int connections, Duration duration,
      DatabaseCpu database) throws Exception {
    long databaseStart = database.nanos();
    long jvmStart = processCpuNanos();
    LoadResult result = generator.run(urls, connections, duration);
    long jvm = processCpuNanos() - jvmStart;
    return result.withCpu(jvm, database.nanos() - databaseStart);
  }

  private static void report(Map<String, LoadResult> results, int connections, int seconds, String generator,
      boolean postgres) {
    LoadResult health = results.get("/health");
    double healthRps = health.rps();
    System.out.printf(Locale.ROOT, "%n%d concurrent connections from %s, %d s per scenario in %d alternating slices, %d cores%n",
        connections, generator, seconds, ROUNDS, Runtime.getRuntime().availableProcessors());
    double healthCpu = health.jvmCpuMicrosPerRequest() + health.databaseCpuMicrosPerRequest();
    System.out.printf(Locale.ROOT, "| scenario | requests | errors | p50 ms | p99 ms | req/s | vs /health "
        + "| JVM CPU µs/request | PostgreSQL CPU µs/request | /health's CPU vs it |%n");
    System.out.printf(Locale.ROOT, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n");
    results.forEach((name, r) -> {
      double cpu = r.jvmCpuMicrosPerRequest() + r.databaseCpuMicrosPerRequest();
      System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.0f | %.0f%% | %.0f | %s | %.0f%% |%n",
          name, r.requests(), r.errors(), r.p50Nanos() / 1e6, r.p99Nanos() / 1e6, r.rps(), 100 * r.rps() / healthRps,
          r.jvmCpuMicrosPerRequest(), postgres ? String.format(Locale.ROOT, "%.0f", r.databaseCpuMicrosPerRequest()) : "-",
          100 * healthCpu / cpu);
    });
    boolean ok = true;
    for (Map.Entry<String, LoadResult> entry : results.entrySet()) {
      LoadResult r = entry.getValue();
      if (r.errors() > 0 || r.p99Nanos() > 50_000_000L) {
        ok = false;
      }
      if (!entry.getKey().equals("/health") && r.rps() < 0.3 * healthRps) {
        ok = false;
      }
    }
    System.out.println(ok ? "\nTargets met: no errors, p99 under 50 ms, each endpoint at least 30% of /health."
        : "\nTargets NOT met: see the table.");
  }

  /**
   * The warm-up, 20 s unless {@code LOAD_WARM_UP_SECONDS} says otherwise: on PostgreSQL each of the
   * pool's connections plans each of the 100 gallery pages until the driver has prepared it there
   * (its fifth run), which a longer warm-up leaves out of the measure.
   */
  private static int warmUpSeconds() {
    return Integer.parseInt(System.getenv().getOrDefault("LOAD_WARM_UP_SECONDS", String.valueOf(WARM_UP_SECONDS)));
  }

  /** CPU time of this process (server, store, and the load generator when it runs here). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
