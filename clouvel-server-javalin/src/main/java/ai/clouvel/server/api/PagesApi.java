package ai.clouvel.server.api;

import ai.clouvel.core.offline.DemoPaymentGateway;
import ai.clouvel.core.payment.PaymentGateway;
import ai.clouvel.core.payment.PaymentRequest;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.core.product.Product;
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

  PagesApi(ServerContext server, ProductsApi products) {
    this.server = server;
    this.products = products;
    this.index = resource("/web/index.html");
    this.liveTask = resource("/web/live-task.js");
  }

  void register(JavalinDefaultRoutingApi routes) {
    routes.get("/", ctx -> ctx.html(index));
    routes.get("/favicon.ico", ctx -> ctx.status(204));
    routes.get("/live-task.js", ctx -> ctx.contentType("text/javascript; charset=utf-8").result(liveTask));
    routes.get("/p/{id}", this::productPage);
    routes.get("/demo/checkout/{id}", this::demoCheckout);
    routes.post("/demo/checkout/{id}/complete", this::demoComplete);
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
        </main>""".formatted(Html.escape(product.image().url()), Html.escape(product.idea().imageTitle()),
        Html.escape(product.idea().imageTitle()), Html.escape(product.idea().theme()), Html.escape(product.idea().imageDescription()),
        post, commission, item.supportTotal().toUsdString(), item.supportCount(), Html.escape(product.links().affiliateUrl()))));
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
        <style>
          body { font-family: system-ui, sans-serif; margin: 0; background: #f7f3ea; color: #222; }
          .banner { background: #ffcf5c; padding: .5rem 1rem; font-weight: 600; text-align: center; }
          main { max-width: 960px; margin: 2rem auto; padding: 0 1rem; }
          .product { display: flex; gap: 2rem; flex-wrap: wrap; }
          .product img { max-width: 100%%; height: auto; border-radius: 8px; box-shadow: 0 4px 20px #0002; }
          .product section { flex: 1; min-width: 260px; }
          .theme { color: #7a6a4f; font-style: italic; }
          .button { display: inline-block; background: #2d6a4f; color: white; padding: .7rem 1.2rem; border: 0;
            border-radius: 6px; text-decoration: none; font-size: 1rem; cursor: pointer; }
          .amount { font-size: 2rem; }
          .demo { background: #ffe9b0; padding: .5rem; border-radius: 4px; }
        </style></head>
        <body>%s%s</body></html>""".formatted(Html.escape(title), banner, body);
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
