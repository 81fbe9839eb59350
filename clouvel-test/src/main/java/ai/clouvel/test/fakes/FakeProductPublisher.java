package ai.clouvel.test.fakes;

import ai.clouvel.core.product.ProductLinks;
import ai.clouvel.core.product.ProductPublisher;
import ai.clouvel.core.product.PublishRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ProductPublisher} answering with links at {@code https://shop.test/p/<product id>};
 * records each request. Thread-safe.
 */
public final class FakeProductPublisher implements ProductPublisher {
  private final List<PublishRequest> requests = new CopyOnWriteArrayList<>();
  private final ScriptedFailures failures = new ScriptedFailures();

  /**
   * Makes the next call fail.
   *
   * @param failure what it throws
   * @return this fake
   */
  public FakeProductPublisher failNext(RuntimeException failure) {
    failures.add(failure);
    return this;
  }

  @Override
  public ProductLinks publish(PublishRequest request) {
    requests.add(request);
    failures.throwIfScripted();
    String url = "https://shop.test/p/" + request.productId();
    return new ProductLinks(url, url + "?rf=test", request.template());
  }

  /**
   * Returns every request, in order.
   *
   * @return the requests
   */
  public List<PublishRequest> requests() {
    return List.copyOf(requests);
  }
}
