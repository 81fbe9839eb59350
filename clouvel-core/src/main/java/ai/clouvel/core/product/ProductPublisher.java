package ai.clouvel.core.product;

/**
 * Turns a hosted image and an idea into a product that can be bought. The live implementation
 * builds a Zazzle create-a-product link; core's offline one points at a local product page.
 */
@FunctionalInterface
public interface ProductPublisher {

  /**
   * Publishes a product.
   *
   * @param request the product to publish
   * @return where it can be bought
   */
  ProductLinks publish(PublishRequest request);
}
