package ai.clouvel.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.pipeline.ProgressListener;
import ai.clouvel.core.product.Product;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Supporting a post in real headless Chromium: the product page's "Support this post", a form with
 * only the post and the amount, the demo checkout, a thank-you of its own (not "Your commission"),
 * and the product page's support total grown by exactly the amount, as the API says.
 */
class SupportFlowBrowserTest {
  @TempDir
  Path directory;

  @Test
  void aSupportIsThankedApartAndAddsExactlyItsAmountToThePost() throws Exception {
    try (BrowserFlow flow = BrowserFlow.start(directory, Map.of("WORKERS", "0", "SEED_DEMO", "false",
        "CACHE_TTL_SECONDS", "0"))) {
      Product product = flow.server.clouvel().pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("space")),
          ProgressListener.none()).product();
      long before = supportCents(flow, product.id());

      flow.open("/p/" + product.id());
      assertThat(flow.chromium.evaluate("document.getElementById('support-total').textContent"))
          .contains("$" + usd(before) + " from 0 donation(s)");
      flow.clickAndWaitForPage("#support-link");
      assertThat(flow.address()).isEqualTo("/commission?support=" + product.postId() + "&product=" + product.id());
      assertThat(flow.chromium.evaluate("document.getElementById('commission').donation_type.value")).isEqualTo("support");
      assertThat(flow.chromium.evaluate("[...document.querySelectorAll('#commission label[data-for]')]"
          + ".filter(l => !l.hidden).map(l => l.querySelector('input, select').name).join(',')"))
          .as("a support asks only for the post (and the amount)").isEqualTo("post_id");
      assertThat(flow.chromium.evaluate("document.getElementById('commission').post_id.value")).isEqualTo(product.postId());

      flow.chromium.evaluate("document.getElementById('commission').amount_usd.value = '7.25'; 'typed'");
      flow.click("#check");
      flow.awaitEquals("String(document.getElementById('preview').hidden)", "false", 20);
      assertThat(flow.chromium.evaluate("document.getElementById('preview-post-title').textContent"))
          .isEqualTo(product.postTitle());

      flow.clickAndWaitForPage("#pay");
      assertThat(flow.address()).startsWith("/demo/checkout/");
      flow.clickAndWaitForPage("main.checkout button");
      flow.awaitEquals("String(document.getElementById('thanks').hidden)", "false", 30);
      assertThat(flow.chromium.evaluate("document.getElementById('thanks-status').textContent")).contains("$7.25");
      assertThat(flow.chromium.evaluate("String(document.getElementById('progress').hidden)"))
          .as("no \"Your commission\" for a support").isEqualTo("true");

      flow.awaitEquals("String(!!document.getElementById('thanks-product'))", "true", 10);
      flow.clickAndWaitForPage("#thanks-product");
      assertThat(flow.address()).isEqualTo("/p/" + product.id());
      long after = supportCents(flow, product.id());
      assertThat(after - before).isEqualTo(725);
      assertThat(flow.chromium.evaluate("document.getElementById('support-total').textContent"))
          .contains("$" + usd(after) + " from 1 donation(s)");
    }
  }

  @SuppressWarnings("unchecked")
  private static long supportCents(BrowserFlow flow, long productId) throws Exception {
    Map<String, Object> support = (Map<String, Object>) flow.get("/api/generated_products/" + productId).get("support");
    return ((BigDecimal) support.get("amount_cents")).longValue();
  }

  private static String usd(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }
}
