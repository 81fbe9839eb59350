package ai.clouvel.core.offline;

import ai.clouvel.core.product.ProductLinks;
import ai.clouvel.core.product.ProductPublisher;
import ai.clouvel.core.product.PublishRequest;

/**
 * A {@link ProductPublisher} for core-only use: the product's "shop" is its own page on the
 * server, the path {@code /p/{productId}}, shown with the public base URL of the moment
 * ({@link ai.clouvel.core.product.PublicLinks}). The live publisher builds Zazzle links.
 */
public final class LocalProductPublisher implements ProductPublisher {
  /** Creates the publisher. */
  public LocalProductPublisher() {
  }

  @Override
  public ProductLinks publish(PublishRequest request) {
    String page = "/p/" + request.productId();
    return new ProductLinks(page, page + "?ref=clouvel", "local-" + request.template());
  }
}
