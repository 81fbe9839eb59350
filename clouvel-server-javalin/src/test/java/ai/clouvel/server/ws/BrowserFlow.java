package ai.clouvel.server.ws;

import ai.clouvel.server.ClouvelServer;
import ai.clouvel.server.http.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * What the page-flow browser tests share: a server on a free port with a browser next to it, and
 * the API read beside the page, to compare what the page shows with what the API answers.
 */
final class BrowserFlow implements AutoCloseable {
  final ClouvelServer server;
  final Chromium chromium;
  final String base;
  private final Path profileRoot;
  private final OkHttpClient http = new OkHttpClient();
  private final Json json = new Json();

  private BrowserFlow(ClouvelServer server, Chromium chromium, Path profileRoot) {
    this.server = server;
    this.chromium = chromium;
    this.profileRoot = profileRoot;
    this.base = server.baseUrl();
  }

  /** Starts a demo server with these settings (plus a free port and a SQLite file) and a browser; skips without a browser. */
  static BrowserFlow start(Path directory, Map<String, String> settings) throws Exception {
    String browser = Chromium.requiredBinary();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, String> env = new HashMap<>(settings);
    env.put("PORT", String.valueOf(port));
    env.put("DATABASE_URL", "sqlite:" + directory.resolve("flow.db"));
    ClouvelServer server = ClouvelServer.fromEnvironment(env).start();
    Path profileRoot = Files.createTempDirectory("clouvel-chromium");
    try {
      return new BrowserFlow(server, new Chromium(browser, profileRoot.resolve("profile")), profileRoot);
    } catch (Exception e) {
      server.close();
      Chromium.deleteProfile(profileRoot);
      throw e;
    }
  }

  /** Opens a page and waits until the new document has replaced the old one. */
  void open(String path) throws Exception {
    chromium.evaluate("window.previousPage = true; 'marked'");
    chromium.navigate(base + path);
    chromium.awaitText("String(window.previousPage === true) + document.readyState", "falsecomplete", 20);
  }

  /** Clicks an element (by a CSS selector) and, for a link or a submit, waits for the next page. */
  void clickAndWaitForPage(String selector) throws Exception {
    chromium.evaluate("window.previousPage = true; 'marked'");
    click(selector);
    chromium.awaitText("String(window.previousPage === true) + document.readyState", "falsecomplete", 20);
  }

  /** Clicks an element found by a CSS selector. */
  void click(String selector) throws Exception {
    String done = chromium.evaluate("(() => { const e = document.querySelector(" + quote(selector)
        + "); if (!e) return 'missing'; e.click(); return 'clicked'; })()");
    if (!done.equals("clicked")) {
      throw new AssertionError("nothing to click at " + selector);
    }
  }

  /** Waits until an expression's value equals {@code expected}; fails with its last value. */
  void awaitEquals(String expression, String expected, int seconds) throws Exception {
    chromium.awaitEquals(expression, expected, seconds);
  }


  /** The path and query of the page shown. */
  String address() throws Exception {
    return chromium.evaluate("location.pathname + location.search");
  }

  /** Reads a JSON object from the API. */
  Map<String, Object> get(String path) throws IOException {
    try (Response response = http.newCall(new Request.Builder().url(base + path).build()).execute()) {
      String body = response.body().string();
      if (!response.isSuccessful()) {
        throw new AssertionError("GET " + path + " answered " + response.code() + ": " + body);
      }
      return json.readObject(body);
    }
  }

  /** Posts JSON to the API and reads the JSON answer. */
  Map<String, Object> post(String path, String body) throws IOException {
    try (Response response = http.newCall(new Request.Builder().url(base + path)
        .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute()) {
      String answer = response.body().string();
      if (!response.isSuccessful()) {
        throw new AssertionError("POST " + path + " answered " + response.code() + ": " + answer);
      }
      return json.readObject(answer);
    }
  }

  /** The items of a list answer. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> items(Map<String, Object> answer) {
    return (List<Map<String, Object>>) answer.get("items");
  }

  /** A string as a JavaScript literal. */
  static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  @Override
  public void close() {
    try {
      chromium.close();
    } finally {
      server.close();
      http.dispatcher().executorService().shutdownNow();
      http.connectionPool().evictAll();
      Chromium.deleteProfile(profileRoot);
    }
  }
}
