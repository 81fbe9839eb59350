package ai.clouvel.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks responses against the server's OpenAPI description, {@code /openapi/openapi.json}: each
 * response's path, method and status must be described, with its media type, and a JSON body must
 * match its schema (JSON Schema 2020-12, the OpenAPI 3.1 dialect).
 */
final class OpenApiContract {
  static final String RESOURCE = "openapi/openapi.json";

  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonNode document;
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());
  private final Map<String, Schema> schemas = new HashMap<>();
  private final Map<String, Pattern> templates = new HashMap<>();

  OpenApiContract() {
    try (InputStream in = OpenApiContract.class.getResourceAsStream("/" + RESOURCE)) {
      document = mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    document.get("paths").fieldNames().forEachRemaining(path -> templates.put(path, Pattern.compile(
        "\\Q" + path.replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q") + "\\E")));
  }

  JsonNode document() {
    return document;
  }

  /** Fails the test with every response that the description does not allow. */
  void assertConforms(List<Client.Exchange> exchanges) {
    assertThat(exchanges).as("the test made requests").isNotEmpty();
    List<String> violations = new ArrayList<>();
    exchanges.forEach(exchange -> violations.addAll(violations(exchange)));
    assertThat(violations).as("responses that drift from %s", RESOURCE).isEmpty();
  }

  /** What is wrong with one response, if anything. */
  List<String> violations(Client.Exchange exchange) {
    String method = exchange.method().toLowerCase(Locale.ROOT);
    String where = exchange.method() + " " + exchange.path() + " -> " + exchange.status();
    Optional<String> template = template(exchange.path(), method);
    if (template.isEmpty()) {
      if (exchange.status() != 404) {
        return List.of(where + ": no described path and method");
      }
      return check(where, "/components/responses/NotFound", document.at("/components/responses/NotFound"), exchange);
    }
    String pointer = "/paths/" + escape(template.get()) + "/" + method + "/responses/";
    JsonNode responses = document.at("/paths/" + escape(template.get()) + "/" + method + "/responses");
    String status = String.valueOf(exchange.status());
    if (!responses.has(status)) {
      return List.of(where + ": status " + status + " is not described for " + template.get());
    }
    return check(where, pointer + status, responses.get(status), exchange);
  }

  private List<String> check(String where, String pointer, JsonNode response, Client.Exchange exchange) {
    JsonNode content = response.get("content");
    String mediaType = exchange.contentType() == null ? null
        : exchange.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (content == null) {
      return exchange.body().isEmpty() || mediaType == null ? List.of()
          : List.of(where + ": a " + mediaType + " body where the description has none");
    }
    if (mediaType == null || !content.has(mediaType)) {
      return List.of(where + ": media type " + mediaType + " is not described (" + content.fieldNames().next() + ")");
    }
    if (!mediaType.equals("application/json")) {
      return List.of();
    }
    Schema schema = schemas.computeIfAbsent(pointer + "/content/application~1json/schema",
        p -> registry.getSchema(SchemaLocation.of("classpath:" + RESOURCE + "#" + p)));
    JsonNode body;
    try {
      body = mapper.readTree(exchange.body());
    } catch (IOException e) {
      return List.of(where + ": the body is not JSON");
    }
    List<String> problems = new ArrayList<>();
    for (Error error : schema.validate(body)) {
      problems.add(where + ": " + error.getInstanceLocation() + " " + error.getMessage());
    }
    return problems;
  }

  /** The described path that matches: literal segments win over parameters ({@code /bulk_donations} over {@code /{id}}). */
  Optional<String> template(String path, String method) {
    return templates.entrySet().stream()
        .filter(e -> e.getValue().matcher(path).matches() && document.get("paths").get(e.getKey()).has(method))
        .map(Map.Entry::getKey)
        .min(Comparator.comparingLong(t -> t.chars().filter(c -> c == '{').count()))
        .or(() -> document.get("paths").has("/*") && document.get("paths").get("/*").has(method)
            ? Optional.of("/*") : Optional.empty());
  }

  /** Every route the description has, as {@code "GET /api/status"}, and {@code "WS /ws"} for WebSockets. */
  List<String> routes() {
    List<String> routes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      if (path.getValue().path("x-websocket").asBoolean(false)) {
        routes.add("WS " + path.getKey());
        continue;
      }
      path.getValue().fieldNames().forEachRemaining(method -> {
        if (List.of("get", "put", "post", "delete", "options", "head", "patch", "trace").contains(method)) {
          routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      });
    }
    return routes;
  }

  private static String escape(String path) {
    return path.replace("~", "~0").replace("/", "~1");
  }
}
