package ai.clouvel.benchmarks.cluster;

import ai.clouvel.test.openai.FakeOpenAi;
import ai.clouvel.test.reddit.FakeReddit;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;

/**
 * Runs several reference servers (real JVMs from the built jar) on one embedded PostgreSQL, pays
 * commissions through the demo checkout (created on one node, paid on another) and makes them
 * through a fake Reddit and a fake OpenAI that takes its time, kills a worker
 * node with SIGKILL at random moments and starts it again, then reads the database and the
 * WebSocket subscribers of a node that does no work, and reports what it found. The cluster test
 * asserts on the report; the cluster benchmark prints it.
 */
public final class ClusterRun {
  private static final Pattern SESSION = Pattern.compile("\"session_id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern TASK = Pattern.compile("\"task_id\"\\s*:\\s*\"([^\"]+)\"");
  private static final String COMMISSION = "{\"amount_usd\": \"5.00\", \"donation_type\": \"commission\","
      + " \"commission_type\": \"random_random\", \"is_anonymous\": true}";

  private ClusterRun() {
  }

  /**
   * What to run.
   *
   * @param commissions how many commissions to pay
   * @param workerNodes how many nodes work on tasks (one more node only serves and watches)
   * @param workersPerNode task workers per working node
   * @param chatLatency the fake OpenAI's delay on chat calls
   * @param imageLatency the fake OpenAI's delay on image calls
   * @param rejectEveryNthImage the fake OpenAI refuses every n-th image for good (0: never)
   * @param killEveryMin the shortest pause between two kills
   * @param killEveryMax the longest pause between two kills
   * @param clients concurrent buyers
   * @param maxOpen the most paid commissions not yet finished before buyers wait
   * @param lease the task lease, in seconds
   * @param jar the server jar
   * @param logs where the nodes' logs go
   * @param seed the random seed of kill moments and node choices
   * @param deadline the longest the whole run may take
   */
  public record Settings(int commissions, int workerNodes, int workersPerNode, Duration chatLatency,
      Duration imageLatency, int rejectEveryNthImage, Duration killEveryMin, Duration killEveryMax, int clients, int maxOpen, int lease,
      Path jar, Path logs, long seed, Duration deadline) {
  }

  /**
   * What was found.
   *
   * @param paid commissions whose demo checkout was paid
   * @param lostPayments paid checkouts with no donation or no task
   * @param unfinished tasks not completed, failed or cancelled at the end
   * @param extraProducts products not owned by exactly one completed task (made twice, or orphaned by a kill)
   * @param notSettledOnce paid commissions neither completed without refund nor failed with exactly one refund
   * @param completed commissions completed
   * @param refunded commissions refunded
   * @param resumed tasks that needed more than one attempt (taken over after a kill)
   * @param missedByWatcher tasks whose terminal status the watching node's subscribers did not receive
   * @param watcherHeard terminal statuses received in a {@code task_update}
   * @param watcherSnapshots terminal statuses received in the reply to {@code subscribe}
   * @param watcherErrors errors and closes seen by the subscribers
   * @param kills SIGKILLs sent
   * @param elapsed from the first checkout until every paid commission was settled in the database
   * @param products products in the database
   * @param watcherCreatedHeard {@code task_created} messages the watching node's subscribers heard
   */
  public record Report(int paid, List<String> lostPayments, List<String> unfinished, List<String> extraProducts,
      List<String> notSettledOnce, int completed, int refunded, int resumed, List<String> missedByWatcher,
      long watcherHeard, long watcherSnapshots, List<String> watcherErrors, int kills, Duration elapsed,
      long products, long watcherCreatedHeard) {

    /**
     * Summarises the report in a few lines.
     *
     * @return the summary
     */
    public String summary() {
      double seconds = elapsed.toMillis() / 1000.0;
      return String.format(java.util.Locale.ROOT, """
          paid %d commissions in %.1f s (%.1f per second) with %d SIGKILLs
          completed %d, refunded %d, resumed after a kill %d, products %d
          lost %d, unfinished %d, extra products %d, not settled exactly once %d
          watching node: %d terminal statuses by task_update, %d by subscribe reply, %d missed, %d errors, %d task_created heard""",
          paid, seconds, paid / seconds, kills, completed, refunded, resumed, products, lostPayments.size(),
          unfinished.size(), extraProducts.size(), notSettledOnce.size(), watcherHeard, watcherSnapshots,
          missedByWatcher.size(), watcherErrors.size(), watcherCreatedHeard);
    }
  }

  /**
   * Runs the cluster.
   *
   * @param settings what to run
   * @return what was found
   * @throws Exception if the cluster cannot be run
   */
  public static Report run(Settings settings) throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
         MockWebServer openAi = new MockWebServer();
         MockWebServer reddit = new MockWebServer()) {
      // Every commission spends real time in the provider calls while the nodes are killed; every
      // n-th image is refused, so that some commissions fail and are refunded; every hot listing
      // has new posts, so that thousands of commissions never run out of posts (one post, one commission).
      openAi.setDispatcher(new FakeOpenAi().latency(settings.chatLatency(), settings.imageLatency())
          .rejectEveryNthImage(settings.rejectEveryNthImage())
          .idea("Storm light", "Lighthouse %d", "A lighthouse holding its beam over a grey sea.")
          .summary("Commenters love the view."));
      reddit.setDispatcher(new FakeReddit().freshPosts(true));
      openAi.start();
      reddit.start();
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
           Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE clouvel");
      }
      String databaseUrl = postgres.getJdbcUrl("postgres", "clouvel");
      Map<String, String> env = new LinkedHashMap<>();
      env.put("DATABASE_URL", databaseUrl);
      env.put("SEED_DEMO", "false");
      env.put("OPENAI_API_KEY", "sk-cluster-test");
      env.put("OPENAI_BASE_URL", openAi.url("/v1").toString());
      env.put("REDDIT_CLIENT_ID", "cluster-client");
      env.put("REDDIT_CLIENT_SECRET", "cluster-secret");
      env.put("REDDIT_USER_AGENT", "server:ai.clouvel.cluster:1.0 (by /u/clouvel_cluster)");
      env.put("REDDIT_BASE_URL", reddit.url("/").toString());
      env.put("REDDIT_SUBREDDITS", "sea,harbors,lighthouses");
      env.put("REDDIT_REQUESTS_PER_MINUTE", "1000000");
      env.put("CHECKOUT_RATE_LIMIT", "1000000");
      env.put("TASK_LEASE_SECONDS", String.valueOf(settings.lease()));
      env.put("TASK_HEARTBEAT_SECONDS", String.valueOf(Math.max(1, settings.lease() / 3)));
      env.put("TASK_RETRY_BACKOFF_SECONDS", "1");
      env.put("TASK_POLL_MILLIS", "200");
      env.put("TASK_MAINTENANCE_SECONDS", "1");
      env.put("SHUTDOWN_GRACE_SECONDS", "2");

      List<Node> nodes = new ArrayList<>();
      Map<String, String> watcherEnv = new HashMap<>(env);
      watcherEnv.put("WORKERS", "0");
      nodes.add(new Node("watcher", settings.jar(), settings.logs(), watcherEnv));
      for (int i = 1; i <= settings.workerNodes(); i++) {
        Map<String, String> workerEnv = new HashMap<>(env);
        workerEnv.put("WORKERS", String.valueOf(settings.workersPerNode()));
        nodes.add(new Node("worker" + i, settings.jar(), settings.logs(), workerEnv));
      }
      try {
        // The first node migrates the schema alone; the others start together.
        nodes.get(0).start(Duration.ofSeconds(90));
        List<Thread> starting = new ArrayList<>();
        for (Node node : nodes.subList(1, nodes.size())) {
          Thread thread = new Thread(() -> node.start(Duration.ofSeconds(90)));
          thread.start();
          starting.add(thread);
        }
        for (Thread thread : starting) {
          thread.join();
        }
        for (Node node : nodes) {
          if (!node.isUp()) {
            throw new IllegalStateException(node.name() + " did not start");
          }
        }
        return drive(settings, nodes, databaseUrl);
      } finally {
        for (Node node : nodes) {
          node.stop();
        }
      }
    }
  }

  private static Report drive(Settings settings, List<Node> nodes, String databaseUrl) throws Exception {
    Node watching = nodes.get(0);
    List<Node> workers = nodes.subList(1, nodes.size());
    Random random = new Random(settings.seed());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Set<String> paid = ConcurrentHashMap.newKeySet();
    AtomicInteger next = new AtomicInteger();
    AtomicLong kills = new AtomicLong();
    List<String> restartFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
    long deadline = System.nanoTime() + settings.deadline().toNanos();
    long started = System.nanoTime();

    try (Watcher watcher = new Watcher(watching.baseUrl(), 8)) {
      java.util.concurrent.atomic.AtomicBoolean stopKilling = new java.util.concurrent.atomic.AtomicBoolean();
      Thread killer = new Thread(() -> {
        Random dice = new Random(settings.seed() + 1);
        while (!stopKilling.get()) {
          long span = settings.killEveryMax().toMillis() - settings.killEveryMin().toMillis();
          long wakeAt = System.nanoTime() + Duration.ofMillis(settings.killEveryMin().toMillis()
              + (span <= 0 ? 0 : (long) (dice.nextDouble() * span))).toNanos();
          while (System.nanoTime() < wakeAt) {
            if (stopKilling.get()) {
              return;
            }
            Node.pause(20);
          }
          Node victim = workers.get(dice.nextInt(workers.size()));
          victim.kill();
          kills.incrementAndGet();
          try {
            victim.start(Duration.ofSeconds(90));
          } catch (RuntimeException e) {
            restartFailures.add(victim.name() + ": " + e.getMessage());
            return;
          }
        }
      }, "cluster-killer");
      killer.setDaemon(true);
      killer.start();

      ExecutorService buyers = Executors.newFixedThreadPool(settings.clients());
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < settings.clients(); c++) {
        long buyerSeed = random.nextLong();
        done.add(buyers.submit(() -> {
          Random dice = new Random(buyerSeed);
          while (next.getAndIncrement() < settings.commissions()) {
            while (watcher.open() >= settings.maxOpen() && System.nanoTime() < deadline) {
              Node.pause(20);
            }
            String session = createCheckout(http, nodes, dice, deadline);
            // Paid on a working node: the task_created the watcher hears crossed the event bus.
            pay(http, workers, session, dice, deadline);
            paid.add(session);
            // As the page does after the checkout: read the task id over REST on the watching node, and follow it.
            taskOf(http, watching, session, deadline).ifPresent(watcher::follow);
          }
          return null;
        }));
      }
      for (Future<?> buyer : done) {
        buyer.get();
      }
      buyers.shutdown();
      stopKilling.set(true);
      killer.join();
      if (!restartFailures.isEmpty()) {
        throw new IllegalStateException("a killed node did not start again: " + restartFailures);
      }
      for (Node worker : workers) {
        if (!worker.isUp()) {
          worker.start(Duration.ofSeconds(90));
        }
      }
      Map<String, String> tasksByPayment = waitUntilSettled(databaseUrl, paid, deadline);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      // Events reach the watching node within moments of the database; a status still missing a
      // minute after everything settled is missed, and reported as such.
      long grace = Math.min(deadline, System.nanoTime() + Duration.ofMinutes(1).toNanos());
      while (System.nanoTime() < grace && !watcher.terminal.keySet().containsAll(tasksByPayment.values())) {
        Node.pause(50);
      }
      List<String> missed = tasksByPayment.values().stream().filter(id -> !watcher.terminal.containsKey(id))
          .map(id -> id + (watcher.followed.contains(id) ? ": subscribed, no terminal status" : ": never subscribed")
              + (watcher.created.contains(id) ? " (task_created heard)" : " (task_created never heard)")).toList();
      return inspect(databaseUrl, paid, missed, watcher, (int) kills.get(), elapsed);
    }
  }

  private static String createCheckout(HttpClient http, List<Node> nodes, Random dice, long deadline) {
    while (System.nanoTime() < deadline) {
      Node node = nodes.get(dice.nextInt(nodes.size()));
      try {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(
                URI.create(node.baseUrl() + "/api/donations/create-checkout-session"))
            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(COMMISSION)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher session = SESSION.matcher(reply.body());
        if (reply.statusCode() == 201 && session.find()) {
          return session.group(1);
        }
        if (reply.statusCode() < 500) {
          throw new IllegalStateException("checkout refused: " + reply.statusCode() + " " + reply.body());
        }
      } catch (IOException e) {
        // the node is down or was killed mid-request: another node will do
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Node.pause(100);
    }
    throw new IllegalStateException("no node took a checkout before the deadline");
  }

  /** Reads a paid commission's task id from the watching node, as the page does; retried until it is there. */
  private static java.util.Optional<String> taskOf(HttpClient http, Node watching, String session, long deadline) {
    long until = Math.min(deadline, System.nanoTime() + Duration.ofMinutes(2).toNanos());
    while (System.nanoTime() < until) {
      try {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(
                URI.create(watching.baseUrl() + "/api/donations/" + session))
            .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher task = TASK.matcher(reply.body());
        if (reply.statusCode() == 200 && task.find()) {
          return java.util.Optional.of(task.group(1));
        }
      } catch (IOException e) {
        // the watching node is never killed; a refused connection is worth another try
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Node.pause(100);
    }
    return java.util.Optional.empty();
  }

  private static void pay(HttpClient http, List<Node> workers, String session, Random dice, long deadline) {
    while (System.nanoTime() < deadline) {
      Node node = workers.get(dice.nextInt(workers.size()));
      try {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(
                URI.create(node.baseUrl() + "/demo/checkout/" + session + "/complete"))
            .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() == 303) {
          return;
        }
        if (reply.statusCode() < 500) {
          throw new IllegalStateException("payment refused: " + reply.statusCode() + " " + reply.body());
        }
      } catch (IOException e) {
        // killed mid-request: paying again is a replay, which fulfilment ignores
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Node.pause(100);
    }
    throw new IllegalStateException("no node took payment " + session + " before the deadline");
  }

  /** Waits until every paid commission's task is over and no refund is pending; returns task ids by payment. */
  private static Map<String, String> waitUntilSettled(String url, Set<String> paid, long deadline) throws SQLException {
    Map<String, String> tasks = new HashMap<>();
    while (System.nanoTime() < deadline) {
      tasks.clear();
      int open = 0;
      try (Connection connection = java.sql.DriverManager.getConnection(url);
           Statement statement = connection.createStatement();
           ResultSet rows = statement.executeQuery("""
               SELECT d.payment_id, d.status AS donation_status, t.id, t.status
               FROM donations d LEFT JOIN tasks t ON t.donation_id = d.id""")) {
        while (rows.next()) {
          String payment = rows.getString(1);
          if (!paid.contains(payment)) {
            // A checkout whose answer was lost with a killed node, never paid.
            continue;
          }
          if (rows.getString(3) != null) {
            tasks.put(payment, rows.getString(3));
          }
          String task = rows.getString(4);
          if ("refund_pending".equals(rows.getString(2)) || task == null
              || task.equals("pending") || task.equals("in_progress")) {
            open++;
          }
        }
      }
      if (open == 0 && tasks.keySet().containsAll(paid)) {
        return tasks;
      }
      Node.pause(200);
    }
    return tasks;
  }

  private static Report inspect(String url, Set<String> paid, List<String> missed, Watcher watcher, int kills,
      Duration elapsed) throws SQLException {
    List<String> lost = new ArrayList<>();
    List<String> unfinished = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    List<String> notSettled = new ArrayList<>();
    int completed = 0;
    int refunded = 0;
    int resumed = 0;
    long products;
    try (Connection connection = java.sql.DriverManager.getConnection(url);
         Statement statement = connection.createStatement()) {
      Map<String, String[]> byPayment = new HashMap<>();
      try (ResultSet rows = statement.executeQuery("""
          SELECT d.payment_id, d.status, t.id, t.status, t.attempts,
            (SELECT COUNT(DISTINCT r.refund_id) FROM demo_refunds r
             WHERE r.payment_id = d.payment_id) AS refunds,
            (SELECT COUNT(*) FROM tasks t2 WHERE t2.donation_id = d.id) AS task_count
          FROM donations d LEFT JOIN tasks t ON t.donation_id = d.id""")) {
        while (rows.next()) {
          byPayment.put(rows.getString(1), new String[] {rows.getString(2), rows.getString(3), rows.getString(4),
              rows.getString(5), rows.getString(6), rows.getString(7)});
        }
      }
      for (String payment : paid) {
        String[] row = byPayment.get(payment);
        if (row == null || row[1] == null || !"1".equals(row[5])) {
          lost.add(payment + (row == null ? ": no donation" : ": " + row[5] + " tasks"));
          continue;
        }
        String donationStatus = row[0];
        String taskStatus = row[2];
        int refunds = Integer.parseInt(row[4]);
        if (Integer.parseInt(row[3]) > 1) {
          resumed++;
        }
        switch (taskStatus) {
          case "completed" -> {
            if ("succeeded".equals(donationStatus) && refunds == 0) {
              completed++;
            } else {
              notSettled.add(payment + ": completed, donation " + donationStatus + ", refunds " + refunds);
            }
          }
          case "failed", "cancelled" -> {
            if ("refunded".equals(donationStatus) && refunds == 1) {
              refunded++;
            } else {
              notSettled.add(payment + ": " + taskStatus + ", donation " + donationStatus + ", refunds " + refunds);
            }
          }
          default -> unfinished.add(payment + ": task " + row[1] + " is " + taskStatus);
        }
      }
      try (ResultSet rows = statement.executeQuery("""
          SELECT p.id, p.post_id,
            (SELECT COUNT(*) FROM tasks t WHERE t.product_id = p.id AND t.status = 'completed'),
            (SELECT COUNT(*) FROM products o WHERE o.post_id = p.post_id)
          FROM products p""")) {
        long count = 0;
        while (rows.next()) {
          count++;
          if (rows.getLong(3) != 1) {
            extra.add("product " + rows.getLong(1) + " (post " + rows.getString(2) + ", which has " + rows.getLong(4)
                + " products) is the product of " + rows.getLong(3) + " completed tasks");
          }
        }
        products = count;
      }
    }
    return new Report(paid.size(), lost, unfinished, extra, notSettled, completed, refunded, resumed, missed,
        watcher.viaUpdate.get(), watcher.viaSubscribeReply.get(), List.copyOf(watcher.errors), kills, elapsed,
        products, watcher.created.size());
  }
}
