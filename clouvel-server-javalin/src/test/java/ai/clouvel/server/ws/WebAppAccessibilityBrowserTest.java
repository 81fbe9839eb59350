package ai.clouvel.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.pipeline.ProgressListener;
import ai.clouvel.core.product.Product;
import ai.clouvel.server.ClouvelServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page of the web app, found through the site's own navigation plus the product, checkout
 * and error pages, in real headless Chromium: at 390 px wide nothing scrolls sideways; every
 * control has a label and every link and button a name; one {@code h1}, a {@code main} landmark,
 * a language; the first Tab reaches the skip link and the skip link leads to the content; no
 * control is out of the keyboard's reach. A desktop screenshot of each page is saved under
 * {@code target/screenshots} (the README's pictures are copies of these).
 */
class WebAppAccessibilityBrowserTest {
  /** Lists what a page gets wrong, one line each; empty when nothing. */
  private static final String PROBLEMS = """
      (() => {
        const problems = [];
        const root = document.documentElement;
        // A phone widens its layout viewport to fit content that is too wide: compare with the screen.
        const width = Math.min(window.innerWidth, screen.width);
        if (root.scrollWidth > width + 1) {
          const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1
            && !e.closest('.table-wrap'));
          problems.push('scrolls sideways: ' + root.scrollWidth + ' > ' + width + ' px, e.g. '
            + wide.slice(-3).map(e => e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')).join(', '));
        }
        for (const control of document.querySelectorAll('input, select, textarea')) {
          if (control.type === 'hidden') continue;
          const named = (control.labels && control.labels.length) || control.getAttribute('aria-label')
            || control.getAttribute('aria-labelledby');
          if (!named) problems.push('unlabelled ' + control.tagName + ' ' + (control.name || control.id));
        }
        for (const action of document.querySelectorAll('button, a[href]')) {
          const named = action.textContent.trim() || action.getAttribute('aria-label')
            || action.querySelector('img[alt]:not([alt=""])');
          if (!named) problems.push('nameless ' + action.outerHTML.slice(0, 80));
          if (action.tabIndex < 0 && !action.disabled) problems.push('out of keyboard reach: ' + action.outerHTML.slice(0, 80));
        }
        for (const image of document.querySelectorAll('img')) {
          if (!image.hasAttribute('alt')) problems.push('image without alt: ' + image.getAttribute('src'));
        }
        for (const positive of document.querySelectorAll('[tabindex]')) {
          if (positive.tabIndex > 0) problems.push('positive tabindex: ' + positive.outerHTML.slice(0, 80));
        }
        const headings = document.querySelectorAll('h1').length;
        if (headings !== 1) problems.push(headings + ' h1 elements');
        if (!document.querySelector('main#main')) problems.push('no <main id="main">');
        if (!root.lang) problems.push('no lang');
        return problems.join('\\n');
      })()""";

  /** The page's DOM size and width: equal twice in a row means the page's scripts are done. */
  private static final String SHAPE = "document.readyState + ' ' + document.getElementsByTagName('*').length + ' '"
      + " + document.documentElement.scrollWidth + ' ' + document.documentElement.scrollHeight";

  @TempDir
  Path directory;

  @Test
  void everyPageWorksByKeyboardIsLabelledAndFitsAPhone() throws Exception {
    String browser = Chromium.requiredBinary();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path profileRoot = Files.createTempDirectory("clouvel-chromium");
    OkHttpClient http = new OkHttpClient();
    try (ClouvelServer server = ClouvelServer.fromEnvironment(Map.of("PORT", String.valueOf(port), "DATABASE_URL",
        "sqlite:" + directory.resolve("a11y.db"), "WORKERS", "0", "SEED_DEMO", "false")).start();
         Chromium chromium = new Chromium(browser, profileRoot.resolve("profile"))) {
      String base = server.baseUrl();
      Product product = server.clouvel().pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("cats")),
          ProgressListener.none()).product();
      String checkout;
      try (Response response = http.newCall(new Request.Builder().url(base + "/api/donations/create-checkout-session")
          .post(RequestBody.create("{\"amount_usd\": \"5.00\", \"donation_type\": \"commission\","
              + " \"commission_type\": \"random_random\"}", MediaType.get("application/json"))).build()).execute()) {
        assertThat(response.code()).isEqualTo(201);
        String body = response.body().string();
        checkout = body.replaceAll("(?s).*\"session_id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
      }

      open(chromium, base + "/");
      List<String> navigation = List.of(chromium.evaluate(
          "[...document.querySelectorAll('header.site nav a')].map(a => a.getAttribute('href')).join(' ')").split(" "));
      assertThat(navigation).as("the site's sections").contains("/", "/commission", "/admin");
      Map<String, String> pages = new LinkedHashMap<>();
      for (String path : navigation) {
        pages.put(path.equals("/") ? "gallery" : path.substring(1), path);
      }
      pages.put("product", "/p/" + product.id());
      pages.put("checkout", "/demo/checkout/" + checkout);
      pages.put("not-found", "/nowhere");

      List<String> failures = new ArrayList<>();
      for (Map.Entry<String, String> page : pages.entrySet()) {
        chromium.viewport(390, 844);
        open(chromium, base + page.getValue());
        String problems = chromium.evaluate(PROBLEMS);
        if (!problems.isEmpty()) {
          failures.add(page.getValue() + ":\n  " + problems.replace("\n", "\n  "));
        }

        chromium.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); 'ok'");
        chromium.press("Tab", 9);
        String first = chromium.evaluate("document.activeElement.className + ' ' + document.activeElement.getAttribute('href')");
        if (!first.equals("skip #main")) {
          failures.add(page.getValue() + ": the first Tab reaches \"" + first + "\", not the skip link");
        }
        chromium.press("Enter", 13);
        chromium.awaitText("location.hash", "#main", 5);

        chromium.viewport(1280, 900);
        awaitSettled(chromium);
        chromium.screenshot(Path.of("target", "screenshots", page.getKey() + ".png"));
      }
      assertThat(failures).as("pages with accessibility or layout problems").isEmpty();
    } finally {
      http.dispatcher().executorService().shutdownNow();
      Chromium.deleteProfile(profileRoot);
    }
  }

  /** Opens a page and waits until it is that page, loaded and settled. */
  private static void open(Chromium chromium, String url) throws Exception {
    chromium.evaluate("window.previousPage = true; 'marked'");
    chromium.navigate(url);
    chromium.awaitText("String(window.previousPage === true)", "false", 20);
    awaitSettled(chromium);
  }

  /** Waits until the page has loaded and its scripts have stopped changing it (its shape is steady). */
  private static void awaitSettled(Chromium chromium) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String last = "";
    while (System.nanoTime() < deadline) {
      String shape = chromium.evaluate(SHAPE);
      if (shape.startsWith("complete") && shape.equals(last)) {
        return;
      }
      last = shape;
      Thread.sleep(400);
    }
    throw new AssertionError("the page never settled; last: " + last);
  }
}
