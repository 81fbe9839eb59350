package ai.clouvel.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.pipeline.ProgressListener;
import ai.clouvel.core.product.Product;
import ai.clouvel.server.ClouvelServer;
import ai.clouvel.server.testing.FreePorts;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product page, where the QR code leads: link previews, support, and no buy button that leads back to itself. */
class ProductPageTest {
  @TempDir
  Path directory;

  @Test
  void theProductPageHasLinkPreviewsASupportButtonAndAnHonestShopLink() {
    int port = FreePorts.free();
    String base = "http://127.0.0.1:" + port;
    try (ClouvelServer server = ClouvelServer.fromEnvironment(Map.of("PORT", String.valueOf(port), "PUBLIC_BASE_URL", base,
        "DATABASE_URL", "sqlite:" + directory.resolve("page.db"), "WORKERS", "0", "SEED_DEMO", "false")).start()) {
      Product product = server.clouvel().pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("cats")),
          ProgressListener.none()).product();
      Client client = new Client(server.baseUrl());
      Client.Reply page = client.get("/p/" + product.id());
      assertThat(page.status()).isEqualTo(200);
      String imageUrl = base + product.image().url();
      String title = product.idea().imageTitle();
      assertThat(page.body()).contains(
          "<meta property=\"og:title\" content=\"" + title + "\">",
          "<meta property=\"og:image\" content=\"" + imageUrl + "\">",
          "<meta property=\"og:url\" content=\"" + base + "/p/" + product.id() + "\">",
          "<meta property=\"og:type\" content=\"website\">",
          "<meta name=\"twitter:card\" content=\"summary_large_image\">",
          "<meta name=\"twitter:image\" content=\"" + imageUrl + "\">",
          "<link rel=\"canonical\" href=\"" + base + "/p/" + product.id() + "\">",
          "href=\"/commission?support=" + product.postId() + "&amp;product=" + product.id() + "\">Support this post</a>",
          "href=\"/commission?subreddit=cats\">Commission one from r/cats</a>");
      assertThat(page.body()).containsPattern("<meta property=\"og:description\" content=\"[^\"]{20,300}\">");
      assertThat(page.body()).as("the demo's local shop is this page: no buy button back to it")
          .doesNotContain("href=\"" + base + "/p/" + product.id() + "?ref=clouvel\"").contains("ZAZZLE_AFFILIATE_ID");

      Client.Reply missing = client.get("/p/999");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.header("Content-Type")).startsWith("text/html");
      assertThat(missing.body()).contains("<title>Page not found - Clouvel</title>").doesNotContain("{\"error\"");
    }
  }

  @Test
  void theProductPageListsItsPostsNewestSupportersByPublicNameOnly() {
    int port = FreePorts.free();
    try (ClouvelServer server = ClouvelServer.fromEnvironment(Map.of("PORT", String.valueOf(port),
        "DATABASE_URL", "sqlite:" + directory.resolve("supporters.db"), "WORKERS", "0", "SEED_DEMO", "false")).start()) {
      Product product = server.clouvel().pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("cats")),
          ProgressListener.none()).product();
      Client client = new Client(server.baseUrl());
      assertThat(client.get("/p/" + product.id()).body()).doesNotContain("Newest supporters");

      support(client, product, "\"amount_usd\": \"7.25\", \"customer_name\": \"Ada <b>Lovelace</b>\","
          + " \"customer_email\": \"ada@example.com\", \"commission_message\": \"for the cats\"");
      support(client, product, "\"amount_usd\": \"3.00\", \"customer_name\": \"Secret Sam\", \"is_anonymous\": true");
      String unpaid = (String) client.object(client.post("/api/donations/create-checkout-session",
          "{\"donation_type\": \"support\", \"post_id\": \"" + product.postId() + "\", \"amount_usd\": \"9.99\","
              + " \"customer_name\": \"Never Paid\"}")).get("session_id");
      assertThat(unpaid).isNotBlank();

      String page = client.get("/p/" + product.id()).body();
      String list = page.substring(page.indexOf("<ul class=\"supporters\">"), page.indexOf("</ul>", page.indexOf("supporters")));
      assertThat(list).as("newest first, escaped, anonymous kept anonymous")
          .containsSubsequence("Anonymous gave $3.00", "Ada &lt;b&gt;Lovelace&lt;/b&gt; gave $7.25");
      assertThat(page).contains("Support for this post: $10.25 from 2 donation(s)")
          .doesNotContain("Secret Sam", "ada@example.com", "for the cats", "Never Paid", "<b>Lovelace");
    }
  }

  private static void support(Client client, Product product, String fields) {
    String session = (String) client.object(client.post("/api/donations/create-checkout-session",
        "{\"donation_type\": \"support\", \"post_id\": \"" + product.postId() + "\", " + fields + "}")).get("session_id");
    assertThat(client.post("/demo/checkout/" + session + "/complete", "").status()).isEqualTo(303);
  }

  @Test
  void withZazzleTheBuyButtonIsTheZazzleLinkOfTheImageAtTheCurrentAddress() {
    int port = FreePorts.free();
    try (ClouvelServer server = ClouvelServer.fromEnvironment(Map.of("PORT", String.valueOf(port),
        "DATABASE_URL", "sqlite:" + directory.resolve("zazzle.db"), "WORKERS", "0", "SEED_DEMO", "false",
        "ZAZZLE_AFFILIATE_ID", "238000000000000001")).start()) {
      Product product = server.clouvel().pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("cats")),
          ProgressListener.none()).product();
      String body = new Client(server.baseUrl()).get("/p/" + product.id()).body();
      assertThat(body).contains("<a class=\"button\" href=\"https://www.zazzle.com/api/create/at-238000000000000001?",
          "t_image1_url=http%3A%2F%2Flocalhost%3A" + port + "%2Fimages%2F" + product.image().id() + ".png",
          "rel=\"sponsored noopener\">Buy it on Zazzle</a>").doesNotContain("ZAZZLE_AFFILIATE_ID");
    }
  }
}
