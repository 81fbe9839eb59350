package ai.clouvel.server.ws;

import ai.clouvel.server.http.Json;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium driven over the DevTools protocol (no driver binary): start it with a fresh
 * profile, open a page, evaluate JavaScript in it. Finds {@code chromium} on the PATH, or the
 * binary named by {@code CLOUVEL_CHROMIUM}.
 */
final class Chromium implements AutoCloseable {
  private final Process process;
  private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS).build();
  private final Json json = new Json();
  private final Map<Integer, CompletableFuture<Map<String, Object>>> calls = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final WebSocket devtools;

  /** The browser binary, if one is installed. */
  static Optional<String> binary() {
    String named = System.getenv("CLOUVEL_CHROMIUM");
    if (named != null && !named.isBlank()) {
      return Optional.of(named);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Optional.of(Path.of(dir, name).toString());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The browser binary; skips the calling test when there is none, or fails it when
   * {@code CLOUVEL_REQUIRE_BROWSER=true} (as in CI), so a missing browser is never a silent pass.
   */
  static String requiredBinary() {
    Optional<String> browser = binary();
    if (browser.isEmpty() && "true".equalsIgnoreCase(System.getenv("CLOUVEL_REQUIRE_BROWSER"))) {
      throw new AssertionError("CLOUVEL_REQUIRE_BROWSER is set but no chromium is on the PATH");
    }
    Assumptions.assumeTrue(browser.isPresent(), "no chromium on the PATH");
    return browser.get();
  }

  Chromium(String binary, Path profile) throws Exception {
    process = new ProcessBuilder(binary, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0", "about:blank")
        .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new IllegalStateException("Chromium did not start; see " + profile.resolveSibling("chromium.log"));
      }
      Thread.sleep(50);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
    String pageSocket = null;
    while (pageSocket == null) {
      try (Response list = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/json/list").build()).execute()) {
        for (Object target : (List<?>) json.readObject("{\"targets\":" + list.body().string() + "}").get("targets")) {
          Map<?, ?> entry = (Map<?, ?>) target;
          if ("page".equals(entry.get("type"))) {
            pageSocket = (String) entry.get("webSocketDebuggerUrl");
          }
        }
      }
      if (pageSocket == null) {
        Thread.sleep(50);
      }
    }
    CompletableFuture<Void> open = new CompletableFuture<>();
    devtools = http.newWebSocket(new Request.Builder().url(pageSocket).build(), new WebSocketListener() {
      @Override
      public void onOpen(WebSocket webSocket, Response response) {
        open.complete(null);
      }

      @Override
      public void onMessage(WebSocket webSocket, String text) {
        Map<String, Object> message = json.readObject(text);
        Object id = message.get("id");
        if (id != null) {
          CompletableFuture<Map<String, Object>> call = calls.remove(((Number) id).intValue());
          if (call != null) {
            call.complete(message);
          }
        }
      }

      @Override
      public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        open.completeExceptionally(t);
        calls.values().forEach(call -> call.completeExceptionally(t));
      }
    });
    open.get(30, TimeUnit.SECONDS);
  }

  /** Opens a page (returns once the navigation is under way). */
  void navigate(String url) throws Exception {
    call("Page.navigate", Map.of("url", url));
  }

  /**
   * Evaluates an expression in the page and returns its value as text ("" if undefined, or if the
   * page navigated away while it ran: the waits below then simply ask the new page again).
   */
  String evaluate(String expression) throws Exception {
    Map<String, Object> reply;
    try {
      reply = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    } catch (IllegalStateException e) {
      if (e.getMessage().contains("Inspected target navigated or closed")) {
        return "";
      }
      throw e;
    }
    Object result = ((Map<?, ?>) reply.get("result")).get("result");
    Object value = result instanceof Map<?, ?> map ? map.get("value") : null;
    return value == null ? "" : value.toString();
  }

  /** Waits until an expression's value contains {@code expected}; fails with its last value. */
  void awaitText(String expression, String expected, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String last = "";
    while (System.nanoTime() < deadline) {
      last = evaluate(expression);
      if (last.contains(expected)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(expression + " never contained \"" + expected + "\"; last: \"" + last + "\"");
  }

  /** Makes the page's viewport this size in CSS pixels, as a phone or a desktop window would. */
  void viewport(int width, int height) throws Exception {
    call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
        "mobile", width < 600));
  }

  /** Presses and releases a key (for example "Tab" or "Enter") as a keyboard would, in the focused element. */
  void press(String key, int keyCode) throws Exception {
    // A keyDown with the key's text is what makes Enter activate a link or button.
    String text = key.equals("Enter") ? "\r" : "";
    call("Input.dispatchKeyEvent", Map.of("type", "keyDown", "key", key, "code", key, "windowsVirtualKeyCode", keyCode,
        "text", text));
    call("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", key, "code", key, "windowsVirtualKeyCode", keyCode));
  }

  /** Saves a PNG of the whole page (beyond the viewport) to a file. */
  void screenshot(Path file) throws Exception {
    Map<String, Object> reply = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    String data = (String) ((Map<?, ?>) reply.get("result")).get("data");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, java.util.Base64.getDecoder().decode(data));
  }

  /** Waits until an expression's value equals {@code expected}; fails with its last value. */
  void awaitEquals(String expression, String expected, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String last = "";
    while (System.nanoTime() < deadline) {
      last = evaluate(expression);
      if (last.equals(expected)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(expression + " never became \"" + expected + "\"; last: \"" + last + "\"");
  }

  /** Deletes a profile folder after the browser has closed. */
  static void deleteProfile(Path root) {
    try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (java.io.IOException e) {
      // Leftovers in the system's temp folder do not change the test's result.
    }
  }

  private Map<String, Object> call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
    calls.put(id, reply);
    devtools.send(json.write(Map.of("id", id, "method", method, "params", params)));
    Map<String, Object> answer = reply.get(30, TimeUnit.SECONDS);
    if (answer.containsKey("error")) {
      throw new IllegalStateException(method + " failed: " + answer.get("error"));
    }
    return answer;
  }

  @Override
  public void close() {
    devtools.cancel();
    // Chromium's helpers (zygote, renderer, crashpad) outlive the browser process for a moment and
    // keep writing to the profile; stop them all and wait, so the profile folder can be deleted.
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      for (ProcessHandle helper : helpers) {
        helper.destroyForcibly();
        helper.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // A helper that will not die leaves a folder behind; the test's result stands.
    }
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
  }
}
