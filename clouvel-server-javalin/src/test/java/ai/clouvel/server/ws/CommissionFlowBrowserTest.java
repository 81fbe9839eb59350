package ai.clouvel.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.pipeline.ProgressListener;
import ai.clouvel.core.product.Product;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A visitor's whole commission in real headless Chromium, on the demo server with one worker and
 * the offline providers: gallery, product page, "Commission one from r/cats", a tier card, Check
 * (the preview shows the post the API would use), the demo checkout, live progress to 100%, the
 * new product's page, and that product in the gallery.
 */
class CommissionFlowBrowserTest {
  @TempDir
  Path directory;

  @Test
  void fromTheGalleryToANewProductWatchedToTheEnd() throws Exception {
    try (BrowserFlow flow = BrowserFlow.start(directory, Map.of("WORKERS", "1", "SEED_DEMO", "false",
        "TASK_POLL_MILLIS", "100"))) {
      Product first = flow.server.clouvel().pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("cats")),
          ProgressListener.none()).product();

      flow.open("/");
      flow.awaitEquals("String(document.querySelectorAll('#gallery .card').length)", "1", 20);
      flow.clickAndWaitForPage("#gallery .card a");
      assertThat(flow.address()).isEqualTo("/p/" + first.id());

      flow.clickAndWaitForPage("#commission-link");
      assertThat(flow.address()).isEqualTo("/commission?subreddit=cats");
      List<Map<String, Object>> tiers = BrowserFlow.items(Map.of("items", flow.get("/api/donation-tiers").get("tiers")));
      flow.awaitEquals("String(document.querySelectorAll('.tier-card').length)", String.valueOf(tiers.size()), 20);
      Map<String, Object> gold = tiers.stream()
          .filter(tier -> "gold".equals(tier.get("name"))).findFirst().orElseThrow();
      assertThat(flow.chromium.evaluate("document.querySelector('.tier-card[data-tier=gold]').textContent"))
          .contains("$" + gold.get("min_amount_usd"), "HD image", "a specific post");
      // Suggestions come from GET /api/subreddits as the visitor types.
      String form = "document.getElementById('commission')";
      flow.chromium.evaluate(form + ".subreddit.value = 'c'; " + form + ".subreddit.dispatchEvent(new Event('input')); 'typed'");
      flow.awaitEquals("[...document.querySelectorAll('#subreddit-suggestions option')].map(o => o.value).join(' ')",
          String.join(" ", BrowserFlow.items(flow.get("/api/subreddits?q=c")).stream().map(s -> (String) s.get("name")).toList()), 10);
      // A problem is shown next to its field, in the API's words.
      flow.chromium.evaluate(form + ".subreddit.value = 'nosuchplace'; 'typed'");
      flow.click("#check");
      flow.awaitEquals("document.getElementById('error-subreddit').textContent", "r/nosuchplace was not found", 10);
      assertThat(flow.chromium.evaluate(form + ".subreddit.getAttribute('aria-invalid')")).isEqualTo("true");
      assertThat(flow.chromium.evaluate("String(document.getElementById('preview').hidden)")).isEqualTo("true");
      flow.chromium.evaluate(form + ".subreddit.value = 'cats'; 'typed'");

      flow.click(".tier-card[data-tier=gold]");
      assertThat(flow.chromium.evaluate("document.getElementById('commission').amount_usd.value"))
          .as("the card sets the amount").isEqualTo(gold.get("min_amount_usd"));
      assertThat(flow.chromium.evaluate("document.querySelector('.tier-card[data-tier=gold]').getAttribute('aria-pressed')"))
          .isEqualTo("true");
      assertThat(flow.chromium.evaluate("String(document.getElementById('commission').post_id.closest('label').hidden)"))
          .as("a commission from a subreddit asks for no post").isEqualTo("true");

      flow.click("#check");
      flow.awaitEquals("String(document.getElementById('preview').hidden)", "false", 20);
      @SuppressWarnings("unchecked")
      Map<String, Object> post = (Map<String, Object>) flow.post("/api/commissions/validate",
          "{\"amount_usd\": \"" + gold.get("min_amount_usd") + "\", \"donation_type\": \"commission\","
              + " \"commission_type\": \"random_subreddit\", \"subreddit\": \"cats\", \"is_anonymous\": false}").get("post");
      assertThat(flow.chromium.evaluate("document.getElementById('preview-post-title').textContent")).isEqualTo(post.get("title"));
      assertThat(flow.chromium.evaluate("document.getElementById('preview-meta').textContent")).startsWith("r/cats");
      assertThat(flow.chromium.evaluate("document.getElementById('preview-link').href")).isEqualTo(post.get("url"));
      assertThat(flow.chromium.evaluate("document.getElementById('preview-excerpt').textContent")).isNotBlank();
      assertThat(flow.chromium.evaluate("document.getElementById('preview-title').textContent"))
          .isEqualTo("A post it may use: one of r/cats' eligible posts is drawn when the work starts");

      flow.clickAndWaitForPage("#pay");
      assertThat(flow.address()).startsWith("/demo/checkout/");
      assertThat(flow.chromium.evaluate("document.querySelector('main.checkout').textContent")).contains("$" + gold.get("min_amount_usd"));
      flow.clickAndWaitForPage("main.checkout button");
      assertThat(flow.address()).startsWith("/commission?checkout=success&payment_id=");

      flow.chromium.awaitText("document.getElementById('progress-status').textContent", "100%", 60);
      flow.awaitEquals("document.getElementById('progress-meter').getAttribute('aria-valuenow')", "100", 10);
      assertThat(flow.chromium.evaluate("String(document.getElementById('thanks').hidden)")).isEqualTo("true");
      flow.awaitEquals("String(!!document.getElementById('product-link'))", "true", 10);
      String paymentId = flow.chromium.evaluate("new URLSearchParams(location.search).get('payment_id')");
      Object productId = flow.get("/api/donations/" + paymentId).get("product_id");
      assertThat(productId).isNotNull();
      assertThat(String.valueOf(productId)).isNotEqualTo(String.valueOf(first.id()));

      flow.clickAndWaitForPage("#product-link");
      assertThat(flow.address()).isEqualTo("/p/" + productId);
      // The post of a commission from a subreddit is drawn among its eligible posts when the work starts.
      assertThat(flow.chromium.evaluate("document.querySelector('main.product a[href*=\"reddit.com\"]').href"))
          .startsWith("https://www.reddit.com/r/cats/");

      flow.clickAndWaitForPage("header.site a.brand");
      flow.awaitEquals("String(!!document.querySelector('#gallery a[href=\"/p/" + productId + "\"]'))", "true", 20);
    }
  }
}
