package ai.clouvel.server.api;

import ai.clouvel.core.donation.ProductDonations;
import ai.clouvel.core.image.StoredImage;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.core.product.Product;
import ai.clouvel.server.http.ApiException;
import ai.clouvel.server.http.Pagination;
import ai.clouvel.server.http.ResponseCache;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The gallery, single products, bulk donations and product images. */
final class ProductsApi {
  private static final int MAX_BULK = 100;
  /** Supports listed per product by bulk donations unless {@code supports_limit} says otherwise. */
  static final int DEFAULT_SUPPORTS = 10;
  private static final Pattern SUBREDDIT = Pattern.compile("[A-Za-z0-9_]{2,21}");
  private static final Pattern IMAGE_FILE = Pattern.compile("([a-f0-9]{8,64})\\.png");

  private final ServerContext server;

  ProductsApi(ServerContext server) {
    this.server = server;
  }

  void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/generated_products", this::gallery);
    routes.get("/api/generated_products/bulk_donations", this::bulkDonations);
    routes.get("/api/generated_products/{id}", this::product);
    routes.get("/images/{file}", this::image);
  }

  private void gallery(Context ctx) {
    String subreddit = subredditFilter(ctx);
    PageRequest request = Pagination.of(ctx);
    server.cache().serve(ctx, () -> {
      Page<GalleryItem> page = server.store().gallery().page(request, subreddit);
      Set<String> tags = new HashSet<>();
      tags.add(ResponseCache.PRODUCTS);
      page.items().forEach(item -> tags.add(ResponseCache.post(item.product().postId())));
      return new ResponseCache.Cacheable(new HotAnswers.GalleryPage(page, server.config().publicBaseUrl()), tags);
    });
  }

  private void product(Context ctx) {
    long id = productId(ctx.pathParam("id"));
    Product product = server.store().products().find(id).orElseThrow(() -> ApiException.notFound("product " + id));
    server.cache().serve(ctx, () -> new ResponseCache.Cacheable(
        new HotAnswers.OneProduct(galleryItem(product), server.config().publicBaseUrl()),
        Set.of(ResponseCache.product(id), ResponseCache.post(product.postId()))));
  }

  private void bulkDonations(Context ctx) {
    List<Long> ids = new ArrayList<>();
    String param = ctx.queryParam("product_ids");
    if (param == null || param.isBlank()) {
      PageRequest page = Pagination.of(ctx);
      server.store().products().list(page, null).items().forEach(p -> ids.add(p.id()));
    } else {
      for (String part : param.split(",")) {
        if (!part.isBlank()) {
          ids.add(productId(part.strip()));
        }
      }
      if (ids.size() > MAX_BULK) {
        throw ApiException.badRequest("too_many_ids", "product_ids may list at most " + MAX_BULK + " products");
      }
    }
    int supportsLimit = Pagination.intParam(ctx, "supports_limit", DEFAULT_SUPPORTS, 0, Pagination.MAX_LIMIT);
    List<Long> unique = List.copyOf(new LinkedHashSet<>(ids));
    server.cache().serve(ctx, () -> {
      Map<Long, ProductDonations> donations = server.store().donations().forProducts(unique, supportsLimit);
      Set<String> tags = new HashSet<>();
      unique.forEach(id -> tags.add(ResponseCache.product(id)));
      donations.values().forEach(d -> tags.add(ResponseCache.post(d.postId())));
      return new ResponseCache.Cacheable(new HotAnswers.BulkDonations(unique.stream().filter(donations::containsKey)
          .map(donations::get).toList()), tags);
    });
  }

  private void image(Context ctx) {
    var matcher = IMAGE_FILE.matcher(ctx.pathParam("file"));
    if (!matcher.matches()) {
      throw ApiException.notFound("image");
    }
    StoredImage image = server.store().images().find(matcher.group(1))
        .orElseThrow(() -> ApiException.notFound("image"));
    ctx.header("Cache-Control", "public, max-age=31536000, immutable");
    ctx.contentType(image.contentType()).result(image.bytes());
  }

  GalleryItem galleryItem(Product product) {
    ProductDonations donations = server.store().donations().forProducts(List.of(product.id()), 0)
        .getOrDefault(product.id(), ProductDonations.none(product.id(), product.postId()));
    return new GalleryItem(product, server.store().posts().find(product.postId()).orElse(null),
        donations.commission(), donations.supportCount(), donations.supportTotal());
  }

  static long productId(String text) {
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw ApiException.badRequest("invalid_product_id", "product ids are positive whole numbers, not " + abbreviate(text));
  }

  private static String subredditFilter(Context ctx) {
    String subreddit = ctx.queryParam("subreddit");
    if (subreddit == null || subreddit.isBlank()) {
      return null;
    }
    String name = subreddit.strip().startsWith("r/") ? subreddit.strip().substring(2) : subreddit.strip();
    if (!SUBREDDIT.matcher(name).matches()) {
      throw ApiException.badRequest("invalid_subreddit", "subreddit must be a subreddit name");
    }
    return name;
  }

  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
