package ai.clouvel.test.fakes;

import ai.clouvel.core.image.ImageStamper;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link ImageStamper} that leaves images as they are and records the page URLs stamped. */
public final class RecordingImageStamper implements ImageStamper {
  private final List<String> urls = new CopyOnWriteArrayList<>();

  @Override
  public byte[] stamp(byte[] png, String productPageUrl) {
    urls.add(productPageUrl);
    return png;
  }

  /**
   * Returns the product page URLs images were stamped with, in order.
   *
   * @return the URLs
   */
  public List<String> urls() {
    return List.copyOf(urls);
  }
}
