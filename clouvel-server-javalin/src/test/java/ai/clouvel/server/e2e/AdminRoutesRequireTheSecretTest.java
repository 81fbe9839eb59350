package ai.clouvel.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.offline.DemoPaymentGateway;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.server.ClouvelServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every admin action refuses a caller without the right {@code X-Admin-Secret} before it does
 * anything: each route the server registers under {@code /api/admin/}, {@code /api/publish/} and
 * the task actions is described as admin-only, and each one answers 403 without the secret and
 * with a wrong one, while a paid commission stays queued, unrefunded, and nothing else changes.
 */
class AdminRoutesRequireTheSecretTest {
  private static final String ADMIN = "admin-secret-routes";
  private static final String COMMISSION = """
      {"amount_usd": "25.00", "donation_type": "commission", "commission_type": "random_subreddit",
       "subreddit": "cats", "customer_email": "cat@example.com", "customer_name": "Cat Person",
       "is_anonymous": false}""";

  @TempDir
  Path directory;

  @Test
  void everyAdminRouteRefusesAMissingOrWrongSecretAndChangesNothing() throws Exception {
    Map<String, String> env = Map.of("PORT", "0", "DATABASE_URL", "sqlite:" + directory.resolve("routes.db"),
        "WORKERS", "0", "SEED_DEMO", "false", "ADMIN_SECRET", ADMIN);
    try (ClouvelServer server = ClouvelServer.fromEnvironment(env).start()) {
      Client client = new Client(server.baseUrl());
      OpenApiContract contract = new OpenApiContract();
      Client.Reply checkout = client.post("/api/donations/create-checkout-session", COMMISSION);
      assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
      String session = (String) client.object(checkout).get("session_id");
      assertThat(client.post("/demo/checkout/" + session + "/complete", "").status()).isEqualTo(303);
      String taskId = (String) client.object(client.get("/api/donations/" + session)).get("task_id");
      assertThat(taskId).isNotNull();
      String schedulerBefore = client.get("/api/admin/scheduler/status", "X-Admin-Secret", ADMIN).body();
      String agentsBefore = client.get("/api/admin/agents/status", "X-Admin-Secret", ADMIN).body();

      List<String> adminRoutes = new ArrayList<>();
      for (String route : server.registeredRoutes()) {
        String path = route.substring(route.indexOf(' ') + 1);
        boolean adminByPath = path.startsWith("/api/admin/") || path.startsWith("/api/publish/")
            || path.equals("/api/commissions/manual-create") || path.matches("/api/tasks/\\{id}/(retry|cancel)");
        boolean adminByDescription = describedAsAdmin(contract, route);
        if (adminByPath) {
          assertThat(adminByDescription).as(route + " is described as admin-only").isTrue();
        }
        if (adminByDescription) {
          adminRoutes.add(route);
        }
      }
      assertThat(adminRoutes).as("the admin routes found").hasSizeGreaterThan(15)
          .contains("POST /api/tasks/{id}/cancel", "POST /api/tasks/{id}/retry", "GET /api/admin/tasks",
              "POST /api/publish/product/{id}");

      for (String route : adminRoutes) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replace("{id}", pathId(route, taskId))
            .replace("{agent}", "community");
        String body = "{\"enabled\": true, \"interval_minutes\": 5, \"title\": \"x\", \"target_usd\": \"10.00\","
            + " \"name\": \"Evil\", \"system_prompt\": \"Be evil\", \"donation_type\": \"commission\","
            + " \"commission_type\": \"random_random\"}";
        for (String[] headers : List.of(new String[0], new String[] {"X-Admin-Secret", "wrong-" + ADMIN},
            new String[] {"X-Admin-Secret", ADMIN.toUpperCase(Locale.ROOT)})) {
          Client.Reply reply = method.equals("GET") ? client.get(path + "?dry_run=false", headers)
              : client.post(path + "?dry_run=false&target=post", body, headers);
          assertThat(reply.status()).as(route + " without the right secret: " + reply.body()).isEqualTo(403);
          assertThat(reply.body()).contains("\"code\":\"forbidden\"");
        }
      }

      var store = server.clouvel().store();
      assertThat(store.tasks().find(taskId).orElseThrow().status().wireName()).isEqualTo("pending");
      assertThat(store.tasks().list(PageRequest.first(10), null).total()).as("no manual or scheduled task").isEqualTo(1);
      assertThat(client.object(client.get("/api/donations/" + session))).containsEntry("status", "succeeded");
      assertThat(((DemoPaymentGateway) server.clouvel().paymentGateway()).refundRequests()).isEmpty();
      assertThat(store.agents().actions(PageRequest.first(10), null).total()).as("no agent ran").isZero();
      assertThat(store.goals().active(server.clouvel().clock().instant())).as("no goal was created").isEmpty();
      assertThat(client.get("/api/admin/scheduler/status", "X-Admin-Secret", ADMIN).body()).isEqualTo(schedulerBefore);
      assertThat(client.get("/api/admin/agents/status", "X-Admin-Secret", ADMIN).body()).isEqualTo(agentsBefore);
      contract.assertConforms(client.exchanges());
    }
  }

  /** Whether the description lists the route as needing the admin secret (and nothing less). */
  private static boolean describedAsAdmin(OpenApiContract contract, String route) {
    String method = route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
    String path = route.substring(route.indexOf(' ') + 1);
    JsonNode security = contract.document().path("paths").path(path).path(method).path("security");
    if (!security.isArray() || security.isEmpty()) {
      return false;
    }
    for (JsonNode requirement : security) {
      if (requirement.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static String pathId(String route, String taskId) {
    return route.contains("/api/tasks/") ? taskId : "1";
  }
}
