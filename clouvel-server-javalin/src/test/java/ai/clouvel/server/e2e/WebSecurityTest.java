package ai.clouvel.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.pipeline.ProgressListener;
import ai.clouvel.core.product.Product;
import ai.clouvel.server.ClouvelServer;
import ai.clouvel.server.testing.FreePorts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security headers on every page, and every error the server can answer, Jetty's own included,
 * in the server's shapes: the JSON error under {@code /api/}, an HTML page elsewhere. Raw requests
 * go over a socket, byte for byte, as an attacker would send them.
 */
class WebSecurityTest {
  private static final String ADMIN = "admin-secret-web";
  private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

  @TempDir
  static Path directory;
  private static ClouvelServer server;
  private static Client client;
  private static Product product;

  @BeforeAll
  static void start() throws Exception {
    server = ClouvelServer.fromEnvironment(Map.of("PORT", String.valueOf(FreePorts.free()),
        "DATABASE_URL", "sqlite:" + directory.resolve("web.db"), "WORKERS", "0", "SEED_DEMO", "false",
        "ADMIN_SECRET", ADMIN)).start();
    client = new Client(server.baseUrl());
    product = server.clouvel().pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("cats")),
        ProgressListener.none()).product();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyPageHasStrictSecurityHeadersAndNoInlineScriptOrStyle() {
    String checkout = (String) client.object(client.post("/api/donations/create-checkout-session",
        "{\"amount_usd\": \"5.00\", \"donation_type\": \"commission\", \"commission_type\": \"random_random\"}"))
        .get("session_id");
    for (String path : List.of("/", "/commission", "/fundraising", "/dashboard", "/admin", "/p/" + product.id(),
        "/demo/checkout/" + checkout, "/docs", "/nowhere", "/p/999")) {
      Client.Reply page = client.get(path);
      assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
      String csp = page.header("Content-Security-Policy");
      assertThat(csp).as(path).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
          "frame-ancestors 'none'", "base-uri 'none'").doesNotContain("unsafe-inline", "unsafe-eval", "*");
      assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(page.header("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(page.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
      assertThat(INLINE_SCRIPT.matcher(page.body()).find()).as(path + " has an inline <script>").isFalse();
      assertThat(INLINE_HANDLER.matcher(page.body()).find()).as(path + " has an inline event handler").isFalse();
      assertThat(page.body()).as(path).doesNotContain("<style", " style=", "javascript:");
    }
    Client.Reply home = client.get("/");
    assertThat(home.body()).contains("<script src=\"/assets/gallery.js\"></script>", "<link rel=\"stylesheet\" href=\"/assets/app.css\">");
    for (String asset : List.of("/assets/gallery.js", "/assets/commission.js", "/assets/admin.js", "/assets/app.css",
        "/assets/live-task.js", "/assets/site.js", "/assets/fundraising.js", "/assets/dashboard.js")) {
      Client.Reply file = client.get(asset);
      assertThat(file.status()).as(asset).isEqualTo(200);
      assertThat(file.header("Cache-Control")).as(asset).contains("max-age");
      assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
    assertThat(client.get("/assets/commission.js").body()).contains("/api/donations/create-checkout-session");
    assertThat(client.get("/assets/app.css").header("Content-Type")).startsWith("text/css");
    Client.Reply unknown = client.get("/assets/..%2Fopenapi%2Fopenapi.json");
    assertThat(unknown.status()).isIn(400, 404);
    assertThat(unknown.header("Content-Type")).startsWith("text/html");
    assertThat(client.get("/assets/index.html").status()).isEqualTo(404);
  }

  @Test
  void jettysOwnErrorsAreTheServersErrors() throws Exception {
    int port = server.port();
    RawHttp.Reply climbing = RawHttp.get(port, "/images/../..");
    assertHtmlError(climbing, 400, "Bad request");
    assertHtmlError(RawHttp.get(port, "/a/%2e%2e/%2e%2e"), 400, "Bad request");
    assertHtmlError(RawHttp.get(port, "/images/..%2F..%2Fetc%2Fpasswd"), 404, "Page not found");

    StringBuilder ids = new StringBuilder("1");
    for (int i = 2; i <= 10_000; i++) {
      ids.append(',').append(i);
    }
    assertJsonError(RawHttp.get(port, "/api/generated_products/bulk_donations?product_ids=" + ids), 414, "uri_too_long");
    assertHtmlError(RawHttp.get(port, "/?q=" + "a".repeat(20_000)), 414, "Address too long");
    assertHtmlError(RawHttp.get(port, "/?q=" + "a".repeat(100_000)), 414, "Address too long");

    String big = "X-Big: " + "b".repeat(10 * 1024);
    assertJsonError(RawHttp.get(port, "/api/status", big), 431, "headers_too_large");
    assertHtmlError(RawHttp.get(port, "/", big), 431, "Request headers too large");
    String huge = "X-Huge: " + "h".repeat(100 * 1024);
    assertJsonError(RawHttp.get(port, "/api/status", huge), 431, "headers_too_large");
    assertHtmlError(RawHttp.get(port, "/p/1", huge), 431, "Request headers too large");

    assertJsonError(RawHttp.get(port, "/api/nowhere"), 404, "not_found");
    assertHtmlError(RawHttp.get(port, "/nowhere"), 404, "Page not found");
    assertHtmlError(RawHttp.get(port, "/p/999"), 404, "Page not found");
    assertHtmlError(RawHttp.get(port, "/p/abc"), 404, "Page not found");
    assertHtmlError(RawHttp.get(port, "/images/0123456789abcdef.png"), 404, "Page not found");
    assertHtmlError(RawHttp.get(port, "/demo/checkout/nope"), 404, "Page not found");
    assertThat(RawHttp.get(port, "/health").status()).as("the server still answers").isEqualTo(200);
  }

  @Test
  void theStatusShowsThePublicNoPathsAndNothingAboutAdmin() {
    Client.Reply pub = client.get("/api/status");
    assertThat(pub.status()).isEqualTo(200);
    assertThat(pub.body()).contains("\"database\":{\"kind\":\"sqlite\",\"healthy\":true}")
        .doesNotContain(directory.toString(), "web.db", "admin", "\"url\"");
    assertThat(client.get("/api/status", "X-Admin-Secret", "wrong").body()).doesNotContain("web.db", "admin");
    Client.Reply admin = client.get("/api/status", "X-Admin-Secret", ADMIN);
    assertThat(admin.body()).contains("web.db", "\"admin_enabled\":true");
    new OpenApiContract().assertConforms(client.exchanges());
  }

  private static void assertHtmlError(RawHttp.Reply reply, int status, String title) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).isEqualTo("text/html");
    assertThat(reply.body()).contains("<title>" + title + " - Clouvel</title>", "href=\"/\"");
    assertNoInternals(reply);
    assertThat(reply.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  private static void assertJsonError(RawHttp.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.body()).startsWith("{\"error\":{\"code\":\"" + code + "\",\"message\":\"");
    assertNoInternals(reply);
    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  private static void assertNoInternals(RawHttp.Reply reply) {
    assertThat(reply.body()).doesNotContain("Exception", "org.eclipse", "io.javalin", "ai.clouvel", "\tat ",
        "badMessage", "Jetty", "HTTP ERROR");
    assertThat(reply.header("Server")).isNull();
  }
}
