package ai.clouvel.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.server.ClouvelServer;
import ai.clouvel.server.testing.FreePorts;
import ai.clouvel.store.testing.EmbeddedPostgresExtension;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three servers in demo mode on one PostgreSQL: a checkout made on one is paid on another, the
 * task is worked by a third, and the first one's WebSocket and response cache follow it all.
 */
class SharedDatabaseTest {
  private EmbeddedPostgresExtension.Database database;

  @RegisterExtension
  final BeforeEachCallback newDatabase = context -> database = EmbeddedPostgresExtension.newDatabase(context);

  private final List<ClouvelServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(ClouvelServer::close);
  }

  @Test
  void everyNodeRelaysEveryTaskAndForgetsCachedAnswersThatAnotherNodeChanged() throws Exception {
    ClouvelServer watcher = start("watcher", 0);
    ClouvelServer cashier = start("cashier", 0);
    Client atWatcher = new Client(watcher.baseUrl());
    Client atCashier = new Client(cashier.baseUrl());
    assertThat(total(atWatcher.get("/api/generated_products"))).isZero();
    assertThat(atWatcher.get("/api/donations/summary").body()).contains("\"total_donations\":0");

    try (Client.Socket socket = atWatcher.socket("/ws")) {
      socket.send("{\"type\": \"ping\"}");
      socket.nextOfType("pong");
      Client.Reply checkout = atWatcher.post("/api/donations/create-checkout-session",
          "{\"amount_usd\": 10, \"donation_type\": \"commission\", \"commission_type\": \"random_subreddit\","
              + " \"subreddit\": \"space\", \"is_anonymous\": true}");
      assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
      String sessionId = (String) atWatcher.object(checkout).get("session_id");

      // The checkout lives in the database: the other node shows it and completes it.
      assertThat(atCashier.get("/demo/checkout/" + sessionId).body()).contains("$10.00");
      assertThat(atCashier.post("/demo/checkout/" + sessionId + "/complete", "").status()).isEqualTo(303);

      Map<String, Object> created = socket.nextOfType("general_update");
      assertThat(created).containsEntry("event", "task_created");
      @SuppressWarnings("unchecked")
      String taskId = (String) ((Map<String, Object>) created.get("data")).get("task_id");
      assertThat(atWatcher.get("/api/donations/summary").body())
          .as("the payment on another node evicted the cached summary").contains("\"total_donations\":1");
      socket.send("{\"type\": \"subscribe\", \"task_id\": \"" + taskId + "\"}");
      socket.nextOfType("subscribed");

      start("worker", 1);
      List<String> statuses = new ArrayList<>();
      Map<String, Object> data = Map.of();
      while (!"completed".equals(data.get("status"))) {
        Map<String, Object> update = socket.nextOfType("task_update");
        assertThat(update).containsEntry("task_id", taskId);
        @SuppressWarnings("unchecked")
        Map<String, Object> next = (Map<String, Object>) update.get("data");
        data = next;
        statuses.add((String) data.get("stage"));
      }
      assertThat(statuses).contains("post_fetching", "image_generated", "commission_complete");
      // The worker publishes "completed" just before "product created": give that one a moment.
      int gallery = 0;
      for (int i = 0; i < 50 && gallery == 0; i++) {
        Thread.sleep(20);
        gallery = total(atWatcher.get("/api/generated_products"));
      }
      assertThat(gallery).as("the product made on another node evicted the cached gallery (TTL 600 s)").isEqualTo(1);
    }
  }

  private ClouvelServer start(String node, int workers) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PORT", String.valueOf(FreePorts.free()));
    String url = database.jdbcUrl();
    env.put("DATABASE_URL", url.contains("password=") ? url
        : url + (url.contains("?") ? "&" : "?") + "password=" + database.password());
    env.put("WORKERS", String.valueOf(workers));
    env.put("SEED_DEMO", "false");
    env.put("CACHE_TTL_SECONDS", "600");
    env.put("NODE_ID", node);
    ClouvelServer server = ClouvelServer.fromEnvironment(env).start();
    servers.add(server);
    return server;
  }

  private static int total(Client.Reply reply) {
    return ((BigDecimal) new ai.clouvel.server.http.Json().readObject(reply.body()).get("total")).intValue();
  }
}
