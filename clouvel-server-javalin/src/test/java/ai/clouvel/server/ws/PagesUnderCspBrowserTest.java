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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages work under their strict Content-Security-Policy in real headless Chromium: the main
 * page's script (now a file) runs and fills the gallery, the stylesheet applies, the product
 * page's image loads (the headers themselves are checked by {@code WebSecurityTest}).
 */
class PagesUnderCspBrowserTest {
  @TempDir
  Path directory;

  @Test
  void thePagesWorkUnderTheirStrictPolicy() throws Exception {
    String browser = Chromium.requiredBinary();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path profileRoot = Files.createTempDirectory("clouvel-chromium");
    try (ClouvelServer server = ClouvelServer.fromEnvironment(Map.of("PORT", String.valueOf(port), "DATABASE_URL",
        "sqlite:" + directory.resolve("csp.db"), "WORKERS", "0", "SEED_DEMO", "false")).start();
         Chromium chromium = new Chromium(browser, profileRoot.resolve("profile"))) {
      Product product = server.clouvel().pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("cats")),
          ProgressListener.none()).product();
      String base = server.baseUrl();

      chromium.navigate(base + "/");
      chromium.awaitEquals("document.querySelectorAll('#gallery .card').length", "1", 30);
      chromium.awaitEquals("String(document.querySelector('.banner') !== null)", "true", 30);
      assertThat(chromium.evaluate("getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(247, 243, 234)");

      chromium.navigate(base + "/?support=" + product.postId());
      chromium.awaitEquals("document.getElementById('commission').donation_type.value", "support", 30);
      assertThat(chromium.evaluate("location.pathname")).as("the old address is redirected").isEqualTo("/commission");
      chromium.awaitEquals("String(document.getElementById('tiers').textContent.includes('bronze'))", "true", 30);
      assertThat(chromium.evaluate("document.getElementById('commission').post_id.value")).isEqualTo(product.postId());

      chromium.navigate(base + "/p/" + product.id());
      chromium.awaitEquals(
          "String(document.querySelector('main.product img') && document.querySelector('main.product img').naturalWidth)",
          "1024", 30);
    } finally {
      Chromium.deleteProfile(profileRoot);
    }
  }
}
