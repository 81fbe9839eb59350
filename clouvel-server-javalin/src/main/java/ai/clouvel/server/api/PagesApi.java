package ai.clouvel.server.api;

import ai.clouvel.core.offline.DemoPaymentGateway;
import ai.clouvel.core.payment.PaymentGateway;
import ai.clouvel.core.payment.PaymentRequest;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.PublicLinks;
import ai.clouvel.server.http.ApiException;
import ai.clouvel.server.http.Html;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The HTML pages: the demo UI, each product's page (the QR target) and the local demo checkout. */
final class PagesApi {
  private final ServerContext server;
  private final ProductsApi products;
  private final String index;
  private final String liveTask;
  private final String appScript;
  private final String styles;

  PagesApi(ServerContext server, ProductsApi products) {
    this.server = server;
    this.products = products;
    this.index = resource("/web/index.html");
    this.liveTask = resource("/web/live-task.js");
    this.appScript = resource("/web/app.js");
    this.styles = resource("/web/app.css");
  }

  void register(JavalinDefaultRoutingApi routes) {
    routes.get("/", ctx -> ctx.html(index));
    routes.get("/favicon.ico", ctx -> ctx.status(204));
    routes.get("/live-task.js", ctx -> asset(ctx, "text/javascript; charset=utf-8", liveTask));
    routes.get("/app.js", ctx -> asset(ctx, "text/javascript; charset=utf-8", appScript));
    routes.get("/app.css", ctx -> asset(ctx, "text/css; charset=utf-8", styles));
    routes.get("/p/{id}", this::productPage);
    routes.get("/demo/checkout/{id}", this::demoCheckout);
    routes.post("/demo/checkout/{id}/complete", this::demoComplete);
  }

  /** A small static file: cacheable for five minutes, so a new release shows soon after a restart. */
  private static void asset(Context ctx, String contentType, String body) {
    ctx.header("Cache-Control", "public, max-age=300").contentType(contentType).result(body);
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
    ctx.html(page(product.idea().imageTitle(), """
        <main class="product">
          <img src="%s" alt="%s" width="512" height="512">
          <section>
            <h1>%s</h1>
            <p class="theme">%s</p>
            <p>%s</p>
            %s
            %s
            <p>Support for this post: $%s from %d donation(s)</p>
            <p><a class="button" href="%s">Buy it on a print</a></p>
            <p><a href="/">Back to the gallery</a></p>
          </section>
        </main>""".formatted(Html.escape(PublicLinks.resolve(base, product.image().url())), Html.escape(product.idea().imageTitle()),
        Html.escape(product.idea().imageTitle()), Html.escape(product.idea().theme()), Html.escape(product.idea().imageDescription()),
        post, commission, item.supportTotal().toUsdString(), item.supportCount(), Html.escape(PublicLinks.resolve(base, product.links().affiliateUrl())))));
  }

  private void demoCheckout(Context ctx) {
    DemoPaymentGateway demo = demoGateway();
    String id = ctx.pathParam("id");
    PaymentRequest payment = demo.pendingPayment(id).orElseThrow(() -> ApiException.notFound("checkout"));
    ctx.html(page("Demo checkout", """
        <main class="checkout">
          <p class="demo">DEMO MODE: no money moves. This page stands in for Stripe Checkout.</p>
          <h1>%s</h1>
          <p class="amount">$%s</p>
          <form method="post" action="/demo/checkout/%s/complete">
            <button class="button" type="submit">Pay $%s (demo)</button>
          </form>
          <p><a href="/?checkout=cancelled">Cancel</a></p>
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
    ctx.redirect("/?checkout=success&payment_id=" + id, HttpStatus.SEE_OTHER);
  }

  private DemoPaymentGateway demoGateway() {
    PaymentGateway gateway = server.clouvel().paymentGateway();
    if (gateway instanceof DemoPaymentGateway demo) {
      return demo;
    }
    throw ApiException.notFound("demo checkout");
  }

  private String page(String title, String body) {
    String banner = "demo".equals(server.mode())
        ? "<div class=\"banner\">DEMO MODE - offline providers, no real payments</div>" : "";
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s - Clouvel</title>
        <link rel="stylesheet" href="/app.css"></head>
        <body class="page">%s%s</body></html>""".formatted(Html.escape(title), banner, body);
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
