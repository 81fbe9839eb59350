package ai.clouvel.server;

import ai.clouvel.server.http.Html;
import com.squareup.moshi.Moshi;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Serves the OpenAPI 3.1 description of the server, {@code /openapi.json}, and a readable page of
 * it, {@code /docs}. The description is one checked-in file, {@value #RESOURCE}; tests keep it true:
 * every registered route is described, and every response the end-to-end tests see matches its schema.
 */
final class OpenApi {
  /** Where the description lives on the classpath. */
  static final String RESOURCE = "/openapi/openapi.json";
  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete", "options");

  private final byte[] description;
  private final String page;

  OpenApi() {
    try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      this.description = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.page = render(parse(new String(description, StandardCharsets.UTF_8)));
  }

  void serve(Context ctx) {
    ctx.header("Cache-Control", "public, max-age=300");
    ctx.contentType("application/json").result(description);
  }

  void docs(Context ctx) {
    ctx.html(page);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) {
    try {
      return (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(json);
    } catch (IOException e) {
      throw new IllegalStateException("the OpenAPI description is not JSON", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static String render(Map<String, Object> doc) {
    Map<String, Object> info = (Map<String, Object>) doc.get("info");
    StringBuilder html = new StringBuilder();
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape(info.get("title"))).append(" API</title><link rel=\"stylesheet\" href=\"/assets/app.css\">")
        .append("</head><body class=\"docs\"><h1>").append(Html.escape(info.get("title"))).append(' ')
        .append(Html.escape(info.get("version"))).append("</h1><p>").append(Html.escape(info.get("description")))
        .append("</p><p>Machine-readable: <a href=\"/openapi.json\">/openapi.json</a> (OpenAPI 3.1). ")
        .append("Operations marked (admin) need the <code>X-Admin-Secret</code> header.</p>");
    Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
    paths.forEach((path, item) -> {
      Map<String, Object> operations = (Map<String, Object>) item;
      boolean websocket = Boolean.TRUE.equals(operations.get("x-websocket"));
      for (String method : METHODS) {
        Map<String, Object> op = (Map<String, Object>) operations.get(method);
        if (op == null) {
          continue;
        }
        html.append("<h2><span class=\"m\">").append(websocket ? "WS" : method.toUpperCase(java.util.Locale.ROOT))
            .append("</span><code>").append(Html.escape(path)).append("</code> ").append(Html.escape(op.get("summary")))
            .append(op.containsKey("security") ? " (admin)" : "").append("</h2><table>");
        for (Object p : (List<Object>) op.getOrDefault("parameters", List.of())) {
          Map<String, Object> parameter = (Map<String, Object>) p;
          html.append("<tr><td>").append(Html.escape(parameter.get("in"))).append(" <code>")
              .append(Html.escape(parameter.get("name"))).append("</code></td><td>")
              .append(Html.escape(parameter.get("description"))).append("</td></tr>");
        }
        ((Map<String, Object>) op.get("responses")).forEach((status, response) -> html.append("<tr><td>")
            .append(Html.escape(status)).append("</td><td>")
            .append(Html.escape(((Map<String, Object>) response).get("description"))).append("</td></tr>"));
        html.append("</table>");
      }
    });
    return html.append("</body></html>").toString();
  }
}
