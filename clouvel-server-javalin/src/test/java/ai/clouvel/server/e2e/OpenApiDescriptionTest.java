package ai.clouvel.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.server.ClouvelServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI description is complete and true: every route Javalin has registered is described and
 * nothing else is; path parameters are declared; the server serves the description; and the contract
 * check really rejects a response that drifts from it.
 */
class OpenApiDescriptionTest {
  @TempDir
  Path directory;

  private final OpenApiContract contract = new OpenApiContract();

  @Test
  void everyRegisteredRouteIsDescribedAndNothingElse() throws Exception {
    Map<String, String> env = Map.of("PORT", "0", "DATABASE_URL", "sqlite:" + directory.resolve("openapi.db"),
        "SEED_DEMO", "false", "WORKERS", "0", "ADMIN_SECRET", "admin-secret-openapi");
    try (ClouvelServer server = ClouvelServer.fromEnvironment(env).start()) {
      List<String> registered = server.registeredRoutes();
      assertThat(registered).as("read from Javalin").contains("GET /api/status", "WS /ws");

      assertThat(contract.routes()).as("described routes that the server does not have")
          .isSubsetOf(registered);
      assertThat(registered).as("registered routes that the description lacks")
          .isSubsetOf(contract.routes());

      Client client = new Client(server.baseUrl());
      Client.Reply served = client.get("/openapi.json");
      assertThat(served.status()).isEqualTo(200);
      assertThat(new ObjectMapper().readTree(served.body())).isEqualTo(contract.document());
      Client.Reply docs = client.get("/docs");
      assertThat(docs.status()).isEqualTo(200);
      assertThat(docs.body()).contains("<code>/api/donations/create-checkout-session</code>", "(admin)",
          "href=\"/openapi.json\"").doesNotContain("<script");
      contract.assertConforms(client.exchanges());
    }
  }

  @Test
  void theDescriptionIsOpenApi31WithEveryOperationDocumented() {
    JsonNode doc = contract.document();
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    Set<String> operationIds = new HashSet<>();
    List<String> problems = new ArrayList<>();
    Pattern parameter = Pattern.compile("\\{([^}]+)}");
    doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
      if (operation.getKey().startsWith("x-")) {
        return;
      }
      JsonNode op = operation.getValue();
      String where = operation.getKey() + " " + path.getKey();
      if (!operationIds.add(op.path("operationId").asText())) {
        problems.add(where + ": missing or repeated operationId");
      }
      if (op.path("summary").asText().isBlank()) {
        problems.add(where + ": no summary");
      }
      if (op.path("responses").isEmpty()) {
        problems.add(where + ": no responses");
      }
      Matcher matcher = parameter.matcher(path.getKey());
      while (matcher.find()) {
        String name = matcher.group(1);
        boolean declared = false;
        for (JsonNode p : op.path("parameters")) {
          declared |= p.path("in").asText().equals("path") && p.path("name").asText().equals(name)
              && p.path("required").asBoolean();
        }
        if (!declared) {
          problems.add(where + ": path parameter " + name + " is not declared as required");
        }
      }
      op.path("responses").properties().forEach(response -> {
        int status = Integer.parseInt(response.getKey());
        // A health probe answers 503 in its own shape, for load balancers; every other error under
        // /api/ is an Error, and every error of a page is an HTML page.
        boolean api = path.getKey().startsWith("/api/");
        boolean page = !api && !path.getKey().equals("/health") && !path.getKey().equals("/openapi.json")
            && !path.getKey().equals("/metrics") && !path.getKey().startsWith("/ws");
        if (status >= 400 && api && !response.getValue().at("/content/application~1json/schema/$ref").asText()
            .equals("#/components/schemas/Error")) {
          problems.add(where + " " + status + ": errors must use the Error schema");
        }
        if (status >= 400 && page && !response.getValue().path("content").has("text/html")) {
          problems.add(where + " " + status + ": a page's errors must be HTML pages");
        }
      });
    }));
    assertThat(problems).isEmpty();
  }

  @Test
  void theContractCheckRejectsResponsesThatDrift() {
    String health = "{\"status\":\"ok\",\"database\":\"ok\",\"checked_at\":\"2026-01-01T00:00:00Z\"}";
    assertThat(contract.violations(new Client.Exchange("GET", "/health", 200, "application/json", health))).isEmpty();

    assertThat(contract.violations(new Client.Exchange("GET", "/health", 200, "application/json",
        health.replace("\"ok\",\"database\"", "\"fine\",\"database\"")))).singleElement().asString().contains("status");
    assertThat(contract.violations(new Client.Exchange("GET", "/health", 200, "application/json",
        health.replace("}", ",\"uptime\":3}")))).as("an undescribed field").isNotEmpty();
    assertThat(contract.violations(new Client.Exchange("GET", "/health", 200, "application/json",
        "{\"status\":\"ok\",\"database\":\"ok\"}"))).as("a missing field").isNotEmpty();
    assertThat(contract.violations(new Client.Exchange("GET", "/health", 418, "application/json", health)))
        .singleElement().asString().contains("status 418 is not described");
    assertThat(contract.violations(new Client.Exchange("GET", "/health", 200, "text/html", "<p>ok</p>")))
        .singleElement().asString().contains("media type text/html");
    assertThat(contract.violations(new Client.Exchange("DELETE", "/api/status", 200, "application/json", "{}")))
        .singleElement().asString().contains("no described path");
    assertThat(contract.violations(new Client.Exchange("GET", "/api/tasks/abc", 404, "application/json",
        "{\"error\":{\"code\":\"not_found\",\"message\":\"task abc was not found\"}}")))
        .as("the error shape needs details").isNotEmpty();
    assertThat(contract.template("/api/generated_products/bulk_donations", "get"))
        .contains("/api/generated_products/bulk_donations");
    assertThat(contract.template("/api/generated_products/7", "get")).contains("/api/generated_products/{id}");
  }
}
