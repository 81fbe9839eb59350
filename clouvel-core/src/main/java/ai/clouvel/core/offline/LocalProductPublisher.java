package ai.clouvel.core.offline;

import ai.clouvel.core.product.ProductLinks;
import ai.clouvel.core.product.ProductPublisher;
import ai.clouvel.core.product.PublishRequest;
import java.util.Objects;

/**
 * A {@link ProductPublisher} for core-only use: the product's "shop" is its own page on the
 * server, {@code {publicBaseUrl}/p/{productId}}. The live publisher builds Zazzle links.
 */
public final class LocalProductPublisher implements ProductPublisher {
  private final String publicBaseUrl;

  /**
   * Creates the publisher.
   *
   * @param publicBaseUrl the server's public address
   */
  public LocalProductPublisher(String publicBaseUrl) {
    String url = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    this.publicBaseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public ProductLinks publish(PublishRequest request) {
    String page = publicBaseUrl + "/p/" + request.productId();
    return new ProductLinks(page, page + "?ref=clouvel", "local-" + request.template());
  }
}
