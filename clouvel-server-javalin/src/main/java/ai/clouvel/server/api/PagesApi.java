package ai.clouvel.server.api;

import ai.clouvel.core.donation.DonationSummary;
import ai.clouvel.core.donation.ProductDonations;
import ai.clouvel.core.offline.DemoPaymentGateway;
import ai.clouvel.core.payment.PaymentGateway;
import ai.clouvel.core.payment.PaymentRequest;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.PublicLinks;
import ai.clouvel.server.http.ApiException;
import ai.clouvel.server.http.Html;
import ai.clouvel.server.http.Layout;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The HTML pages: the web app's pages in the shared layout, each product's page (the QR target) and the local demo checkout. */
final class PagesApi {
  private final ServerContext server;
  private final ProductsApi products;
  /** The static files the pages load, served as {@code /assets/NAME} from {@code /web/NAME}. */
  private static final List<String> ASSETS = List.of("app.css", "site.js", "live-task.js", "gallery.js", "commission.js",
      "admin.js", "fundraising.js", "dashboard.js");

  /** How many of a post's supports its product page lists. */
  private static final int NEWEST_SUPPORTERS = 10;

  /** Query parameters that once addressed the commission form on the main page. */
  private static final List<String> LEGACY_COMMISSION_PARAMS = List.of("support", "post_id", "checkout");

  private final Map<String, String> assets = new HashMap<>();

  PagesApi(ServerContext server, ProductsApi products) {
    this.server = server;
    this.products = products;
    for (String asset : ASSETS) {
      assets.put(asset, resource("/web/" + asset));
    }
  }

  void register(JavalinDefaultRoutingApi routes) {
    Handler gallery = staticPage("/", "Art from Reddit posts", "home", "/assets/gallery.js");
    routes.get("/", ctx -> {
      // Links from before the commission page had its own address (Reddit comments keep them).
      if (LEGACY_COMMISSION_PARAMS.stream().anyMatch(name -> ctx.queryParam(name) != null)) {
        ctx.redirect("/commission?" + ctx.queryString(), HttpStatus.FOUND);
      } else {
        gallery.handle(ctx);
      }
    });
    routes.get("/commission", staticPage("/commission", "Commission a product", "commission", "/assets/live-task.js",
        "/assets/commission.js"));
    routes.get("/fundraising", staticPage("/fundraising", "Fundraising", "fundraising", "/assets/fundraising.js"));
    routes.get("/dashboard", staticPage("/dashboard", "Live task dashboard", "dashboard", "/assets/live-task.js",
        "/assets/dashboard.js"));
    routes.get("/admin", staticPage("/admin", "Admin", "admin", "/assets/admin.js"));
    routes.get("/favicon.ico", ctx -> ctx.status(204));
    routes.get("/assets/{file}", this::asset);
    routes.get("/p/{id}", this::productPage);
    routes.get("/demo/checkout/{id}", this::demoCheckout);
    routes.post("/demo/checkout/{id}/complete", this::demoComplete);
  }

  /**
   * Serves a page whose {@code <main>} is the file {@code /web/pages/NAME.html}, in the shared layout,
   * with {@code /assets/site.js} and then the given scripts.
   */
  private Handler staticPage(String path, String title, String name, String... scripts) {
    List<String> all = new ArrayList<>();
    all.add("/assets/site.js");
    all.addAll(List.of(scripts));
    String html = Layout.page(title, path, "", resource("/web/pages/" + name + ".html"), demo(), all);
    return ctx -> ctx.html(html);
  }

  /** A small static file: cacheable for five minutes, so a new release shows soon after a restart. */
  private void asset(Context ctx) {
    String name = ctx.pathParam("file");
    String body = assets.get(name);
    if (body == null) {
      throw ApiException.notFound("file");
    }
    String type = name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    ctx.header("Cache-Control", "public, max-age=300").contentType(type).result(body);
  }

  private void productPage(Context ctx) {
    long id;
    try {
      id = ProductsApi.productId(ctx.pathParam("id"));
    } catch (ApiException e) {
      throw ApiException.notFound("product");
    }
    Product product = server.store().products().find(id).orElseThrow(() -> ApiException.notFound("product " + id));
    GalleryItem item = products.galleryItem(product);
    String base = server.config().publicBaseUrl();
    String post = item.post() == null ? "" : "<p>From <a href=\"" + Html.escape(item.post().permalink()) + "\">r/"
        + Html.escape(product.subreddit()) + ": " + Html.escape(product.postTitle()) + "</a></p>";
    String commission = item.commission() == null ? ""
        : "<p>Commissioned by " + Html.escape(item.commission().donorName()) + " (" + Html.escape(item.commission().tier() == null
            ? "" : item.commission().tier()) + ")</p>";
    String pageUrl = base + "/p/" + product.id();
    String imageUrl = PublicLinks.resolve(base, product.image().url());
    String affiliate = PublicLinks.resolve(base, product.links().affiliateUrl());
    // A local publisher's "shop" is this very page: no buy button that leads back here.
    String buy = affiliate.startsWith(pageUrl)
        ? "<p class=\"note\">Prints are sold through Zazzle when the server has a ZAZZLE_AFFILIATE_ID; this one has no shop.</p>"
        : "<p><a class=\"button\" href=\"" + Html.escape(affiliate) + "\" rel=\"sponsored noopener\">Buy it on Zazzle</a></p>";
    String support = "<p><a class=\"button secondary\" id=\"support-link\" href=\"/commission?support="
        + Html.escape(product.postId()) + "&amp;product=" + product.id() + "\">Support this post</a>"
        + " <a class=\"button secondary\" id=\"commission-link\" href=\"/commission?subreddit="
        + Html.escape(product.subreddit()) + "\">Commission one from r/" + Html.escape(product.subreddit()) + "</a></p>";
    String supporters = supporters(product);
    String summary = summary(product.idea().theme() + ". " + product.idea().imageDescription());
    String head = """
        <meta name="description" content="%1$s">
        <link rel="canonical" href="%2$s">
        <meta property="og:type" content="website">
        <meta property="og:site_name" content="Clouvel">
        <meta property="og:title" content="%3$s">
        <meta property="og:description" content="%1$s">
        <meta property="og:url" content="%2$s">
        <meta property="og:image" content="%4$s">
        <meta property="og:image:alt" content="%3$s">
        <meta name="twitter:card" content="summary_large_image">
        <meta name="twitter:title" content="%3$s">
        <meta name="twitter:description" content="%1$s">
        <meta name="twitter:image" content="%4$s">""".formatted(Html.escape(summary), Html.escape(pageUrl),
        Html.escape(product.idea().imageTitle()), Html.escape(imageUrl));
    ctx.html(page(product.idea().imageTitle(), head, """
        <main id="main" class="product">
          <img src="%s" alt="%s" width="512" height="512">
          <section>
            <h1>%s</h1>
            <p class="theme">%s</p>
            <p>%s</p>
            %s
            %s
            <p id="support-total">Support for this post: $%s from %d donation(s)</p>
            %s
            %s
            %s
            <p><a href="/">Back to the gallery</a></p>
          </section>
        </main>""".formatted(Html.escape(imageUrl), Html.escape(product.idea().imageTitle()),
        Html.escape(product.idea().imageTitle()), Html.escape(product.idea().theme()), Html.escape(product.idea().imageDescription()),
        post, commission, item.supportTotal().toUsdString(), item.supportCount(), supporters, support, buy)));
  }

  /** The post's newest supports, by public name only ("Anonymous" for who asked): never an email or message. */
  private String supporters(Product product) {
    ProductDonations donations = server.store().donations().forProducts(List.of(product.id()), NEWEST_SUPPORTERS)
        .get(product.id());
    if (donations == null || donations.supports().isEmpty()) {
      return "";
    }
    StringBuilder list = new StringBuilder("<h2>Newest supporters</h2>\n<ul class=\"supporters\">");
    for (DonationSummary support : donations.supports()) {
      list.append("<li>").append(Html.escape(support.donorName())).append(" gave $")
          .append(support.amount().toUsdString()).append(" <time datetime=\"").append(support.createdAt())
          .append("\">").append(DateTimeFormatter.ISO_LOCAL_DATE.format(support.createdAt().atZone(ZoneOffset.UTC)))
          .append("</time></li>");
    }
    return list.append("</ul>").toString();
  }

  private void demoCheckout(Context ctx) {
    DemoPaymentGateway demo = demoGateway();
    String id = ctx.pathParam("id");
    PaymentRequest payment = demo.pendingPayment(id).orElseThrow(() -> ApiException.notFound("checkout"));
    ctx.html(page("Demo checkout", "", """
        <main id="main" class="checkout">
          <p class="demo">DEMO MODE: no money moves. This page stands in for Stripe Checkout.</p>
          <h1>%s</h1>
          <p class="amount">$%s</p>
          <form method="post" action="/demo/checkout/%s/complete">
            <button class="button" type="submit">Pay $%s (demo)</button>
          </form>
          <p><a href="/commission?checkout=cancelled">Cancel</a></p>
        </main>""".formatted(Html.escape(payment.productName()), payment.amount().toUsdString(), Html.escape(id),
        payment.amount().toUsdString())));
  }

  /** Completes a demo payment through the same webhook verification and fulfilment as Stripe's. */
  private void demoComplete(Context ctx) {
    DemoPaymentGateway demo = demoGateway();
    String id = ctx.pathParam("id");
    if (demo.pendingPayment(id).isEmpty()) {
      throw ApiException.notFound("checkout");
    }
    DemoPaymentGateway.Webhook webhook = demo.complete(id);
    server.clouvel().commissions().handleWebhook(webhook.payload(), webhook.signature());
    ctx.redirect("/commission?checkout=success&payment_id=" + id, HttpStatus.SEE_OTHER);
  }

  private DemoPaymentGateway demoGateway() {
    PaymentGateway gateway = server.clouvel().paymentGateway();
    if (gateway instanceof DemoPaymentGateway demo) {
      return demo;
    }
    throw ApiException.notFound("demo checkout");
  }

  /** A description for link previews: whole words, at most 200 characters. */
  private static String summary(String text) {
    if (text.length() <= 200) {
      return text;
    }
    int cut = text.lastIndexOf(' ', 197);
    return text.substring(0, cut > 0 ? cut : 197) + "...";
  }

  private String page(String title, String head, String main) {
    return Layout.page(title, null, head, main, demo(), List.of());
  }

  private boolean demo() {
    return "demo".equals(server.mode());
  }

  private static String resource(String path) {
    try (InputStream in = PagesApi.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
