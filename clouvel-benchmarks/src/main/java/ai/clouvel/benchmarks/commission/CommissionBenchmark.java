package ai.clouvel.benchmarks.commission;

import ai.clouvel.core.Clouvel;
import ai.clouvel.core.DurableClouvel;
import ai.clouvel.core.commission.CommissionSettings;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationSource;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.donation.NewDonation;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.task.CommissionSpec;
import ai.clouvel.core.task.NewTask;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.core.time.ScheduledTicker;
import ai.clouvel.store.PostgresEventBus;
import ai.clouvel.store.SqlStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The commission engine against the bound its providers' latency sets: commissions paid and
 * queued up front, then made by {@code concurrency} workers through fakes of Reddit, the language
 * model and the image model that answer after a fixed latency. No schedule can finish sooner than
 * {@code ceil(commissions / concurrency)} rounds of one commission's latency; the run reports its
 * wall time against that bound and, from marks each worker leaves on its own thread, where the time
 * beyond the providers' goes (claims, progress heartbeats, completion, events, the rest of the
 * pipeline's statements and code). Warms up on a smaller batch first; exits when done.
 *
 * <pre>
 * java -cp clouvel-benchmarks/target/clouvel-load.jar ai.clouvel.benchmarks.commission.CommissionBenchmark \
 *   [--commissions 500] [--concurrency 32] [--warmup 160] [--db sqlite|postgresql] [--latency 40,40,60,400] \
 *   [--bus postgresql]
 * </pre>
 *
 * <p>{@code --bus postgresql} publishes through the {@link PostgresEventBus} (a {@code NOTIFY} per
 * event) instead of the in-memory bus, on PostgreSQL.
 */
public final class CommissionBenchmark {
  private static final int SUBREDDITS = 20;
  private static final int POSTS_PER_SUBREDDIT = 100;

  private CommissionBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int commissions = 500;
    int concurrency = 32;
    int warmup = 160;
    boolean postgresBus = false;
    String db = "sqlite";
    long[] ms = {40, 40, 60, 400};
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--commissions" -> commissions = Integer.parseInt(args[i + 1]);
        case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--bus" -> postgresBus = args[i + 1].equals("postgresql");
        case "--db" -> db = args[i + 1];
        case "--latency" -> {
          String[] parts = args[i + 1].split(",");
          for (int p = 0; p < 4; p++) {
            ms[p] = Long.parseLong(parts[p].strip());
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    FixedLatencyProviders.Latency latency = new FixedLatencyProviders.Latency(ms[0], ms[1], ms[2], ms[3]);
    for (String kind : db.split(",")) {
      run(kind.strip(), commissions, concurrency, warmup, latency, postgresBus && kind.strip().equals("postgresql"));
    }
  }

  private static void run(String kind, int commissions, int concurrency, int warmup,
      FixedLatencyProviders.Latency latency, boolean postgresBus) throws Exception {
    Timeline timeline = new Timeline();
    SqlStore.Builder builder = SqlStore.builder().onStatement(timeline::statement);
    EmbeddedPostgres embedded = null;
    if (kind.equals("postgresql")) {
      embedded = EmbeddedPostgres.builder().start();
      builder.databaseUrl(embedded.getJdbcUrl("postgres", "postgres")).credentials("postgres", "postgres")
          .maximumPoolSize(concurrency + 4);
    } else {
      Path dir = Files.createTempDirectory("clouvel-commissions");
      builder.databaseUrl("sqlite:" + dir.resolve("commissions.db"));
    }
    try (SqlStore store = builder.build(); ScheduledTicker ticker = new ScheduledTicker();
        EventBusHolder bus = new EventBusHolder(postgresBus ? PostgresEventBus.builder(store).build().start() : null)) {
      List<String> subreddits = new ArrayList<>();
      for (int i = 0; i < SUBREDDITS; i++) {
        subreddits.add("bench" + i);
      }
      FixedLatencyProviders fakes = new FixedLatencyProviders(latency, timeline, subreddits, POSTS_PER_SUBREDDIT,
          Instant.now());
      CommissionSettings defaults = CommissionSettings.DEFAULTS;
      CommissionSettings settings = new CommissionSettings(concurrency, defaults.maxAttempts(), defaults.retryBackoff(),
          defaults.maxRetryBackoff(), defaults.lease(), defaults.heartbeatInterval(), defaults.pollInterval(),
          defaults.maintenanceInterval(), defaults.refundRetryInterval(), defaults.template(), defaults.freeQuality());
      Clouvel.Builder clouvelBuilder = Clouvel.builder();
      if (bus.bus() != null) {
        // Every event is also a NOTIFY to the other nodes (none here), on the worker's thread.
        clouvelBuilder.eventBus(bus.bus());
      }
      try (DurableClouvel clouvel = clouvelBuilder.ticker(ticker).commissionSettings(settings)
          .contentSource(fakes.content()).ideaGenerator(fakes.ideas()).imageGenerator(fakes.images())
          .subreddits(subreddits).build(store)) {
        Terminal terminal = new Terminal();
        clouvel.events().subscribe(event -> {
          timeline.mark("event " + event.getClass().getSimpleName());
          terminal.accept(event);
        });
        System.out.printf(Locale.ROOT, "%s: warming up on %d commissions, not counted%n", store.describe(),
            warmup);
        // Long enough for the JIT to compile the hot paths: a run on a cold JVM spent about half as
        // much CPU again per commission, on the same two cores the workers wake up on.
        batch(clouvel, store, terminal, null, subreddits, warmup, 0);
        fakes.takeLateness();
        Result result = batch(clouvel, store, terminal, timeline, subreddits, commissions, warmup);
        report(kind, commissions, concurrency, latency, result, timeline, fakes.takeLateness());
      }
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** Closes the shared bus, if there is one. */
  private record EventBusHolder(PostgresEventBus bus) implements AutoCloseable {
    @Override
    public void close() {
      if (bus != null) {
        bus.close();
      }
    }
  }

  /** A measured batch, with the CPU the whole process used and the collectors' pauses meanwhile. */
  private record Result(long startNanos, long endNanos, long completed, long failed, long cpuNanos, long gcMillis,
      double loadBefore, double loadAfter) {
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** Counts the tasks that ended, and when the last one did. */
  private static final class Terminal {
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();
    private volatile CountDownLatch latch = new CountDownLatch(0);
    private volatile Set<String> watched = Set.of();

    void watch(Set<String> tasks) {
      ended.clear();
      failed.set(0);
      watched = tasks;
      latch = new CountDownLatch(tasks.size());
    }

    void accept(ClouvelEvent event) {
      if (event instanceof ClouvelEvent.TaskUpdated updated && watched.contains(updated.taskId())
          && (updated.status() == TaskStatus.COMPLETED || updated.status() == TaskStatus.FAILED)
          && ended.add(updated.taskId())) {
        if (updated.status() == TaskStatus.FAILED) {
          failed.incrementAndGet();
        }
        lastNanos.accumulateAndGet(System.nanoTime(), Math::max);
        latch.countDown();
      }
    }
  }

  private static Result batch(DurableClouvel clouvel, SqlStore store, Terminal terminal, Timeline timeline,
      List<String> subreddits, int count, int offset) throws InterruptedException {
    Instant now = Instant.now();
    Set<String> tasks = ConcurrentHashMap.newKeySet();
    store.inTransaction(tx -> {
      for (int i = offset; i < offset + count; i++) {
        String subreddit = subreddits.get(i % subreddits.size());
        Donation paid = tx.donations().insert(new NewDonation("bench_" + UUID.randomUUID(), DonationSource.MANUAL,
            DonationStatus.SUCCEEDED, Money.ofCents(2500), "gold", DonationType.COMMISSION,
            CommissionType.RANDOM_SUBREDDIT, subreddit, null,
            new Donor("buyer@example.com", "Buyer " + i, null, false), "", null, null));
        String id = UUID.randomUUID().toString();
        tx.tasks().enqueue(new NewTask(id, paid.id(), new CommissionSpec(CommissionType.RANDOM_SUBREDDIT, subreddit,
            null, ImageQuality.STANDARD, ""), 3, now));
        tasks.add(id);
      }
      return null;
    });
    terminal.watch(tasks);
    if (timeline != null) {
      timeline.start();
    }
    double loadBefore = load();
    long cpuBefore = processCpuNanos();
    long gcBefore = gcMillis();
    long start = System.nanoTime();
    clouvel.commissions().startWorkers();
    if (!terminal.latch.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("commissions did not finish in 10 minutes");
    }
    long end = terminal.lastNanos.get();
    long cpu = processCpuNanos() - cpuBefore;
    long gc = gcMillis() - gcBefore;
    if (timeline != null) {
      timeline.stop();
    }
    clouvel.commissions().stopWorkers(Duration.ofSeconds(30));
    return new Result(start, end, count - terminal.failed.get(), terminal.failed.get(), cpu, gc, loadBefore, load());
  }

  private static void report(String kind, int commissions, int concurrency, FixedLatencyProviders.Latency latency,
      Result result, Timeline timeline, long[] lateness) {
    long rounds = (commissions + concurrency - 1) / concurrency;
    double boundMs = rounds * latency.perCommission();
    double wallMs = (result.endNanos() - result.startNanos()) / 1e6;
    System.out.printf(Locale.ROOT, "%n%s, %d commissions, concurrency %d, %d cores; latency per commission %d ms"
            + " (posts %d, comments %d, idea %d, image %d)%n", kind, commissions, concurrency,
        Runtime.getRuntime().availableProcessors(), latency.perCommission(), latency.posts(), latency.comments(),
        latency.idea(), latency.image());
    System.out.println("| database | commissions | concurrency | bound: rounds x latency | wall | wall / bound | completed | failed |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    System.out.printf(Locale.ROOT, "| %s | %d | %d | %d x %d ms = %.0f ms | %.0f ms | %.3f | %d | %d |%n", kind,
        commissions, concurrency, rounds, latency.perCommission(), boundMs, wallMs, wallMs / boundMs,
        result.completed(), result.failed());
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT, "Load average %.1f before, %.1f after. This process used %.0f ms of CPU (%.1f ms per"
            + " commission, %.0f%% of %d cores over the wall time); collectors %d ms.%n", result.loadBefore(),
        result.loadAfter(), result.cpuNanos() / 1e6, result.cpuNanos() / 1e6 / commissions,
        100 * result.cpuNanos() / 1e6 / (wallMs * cores), cores, result.gcMillis());
    System.out.printf(Locale.ROOT, "Provider calls woke %.2f ms after their deadline on average (%d calls; %.1f ms per"
            + " commission): time a woken thread waited for a core.%n", lateness[1] == 0 ? 0 : lateness[0] / 1e6 / lateness[1],
        lateness[1], lateness[0] / 1e6 / commissions);
    double startMs = timeline.firstMarks().stream().mapToDouble(n -> (n - result.startNanos()) / 1e6).max().orElse(0);
    System.out.printf(Locale.ROOT, "Last worker's first step %.0f ms after the pool started.%n", startMs);

    Map<String, long[]> totals = timeline.totals();
    double all = totals.values().stream().mapToLong(t -> t[0]).sum() / 1e6;
    double providers = totals.entrySet().stream().filter(e -> e.getKey().startsWith("provider "))
        .mapToLong(e -> e.getValue()[0]).sum() / 1e6;
    System.out.printf(Locale.ROOT, "%nWorker time, all threads: %.0f ms, of which providers %.0f ms (%.1f%%);"
        + " per commission %.1f ms beyond the providers' %d ms.%n", all, providers, 100 * providers / all,
        (all - providers) / commissions, latency.perCommission());
    System.out.println("| where (from this mark to the next on the same thread) | ms | marks | ms per commission | share |");
    System.out.println("|---|---:|---:|---:|---:|");
    totals.forEach((label, t) -> System.out.printf(Locale.ROOT, "| %s | %.0f | %d | %.2f | %.1f%% |%n", label,
        t[0] / 1e6, t[1], t[0] / 1e6 / commissions, 100 * t[0] / 1e6 / all));
  }
}
