package ai.clouvel.test.fakes;

import ai.clouvel.core.image.HostedImage;
import ai.clouvel.core.image.ImageHost;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link ImageHost} keeping images in memory at {@code https://images.test/<id>.png}.
 * Thread-safe.
 */
public final class FakeImageHost implements ImageHost {
  private final Map<String, byte[]> images = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final ScriptedFailures failures = new ScriptedFailures();

  /**
   * Makes the next upload fail.
   *
   * @param failure what it throws
   * @return this fake
   */
  public FakeImageHost failNext(RuntimeException failure) {
    failures.add(failure);
    return this;
  }

  @Override
  public HostedImage host(byte[] png, long productId) {
    failures.throwIfScripted();
    String id = "img" + ids.incrementAndGet() + "-p" + productId;
    images.put(id, png.clone());
    return new HostedImage(id, "https://images.test/" + id + ".png");
  }

  /**
   * Returns a hosted image's bytes.
   *
   * @param id the image id
   * @return the bytes, or empty
   */
  public Optional<byte[]> image(String id) {
    return Optional.ofNullable(images.get(id)).map(byte[]::clone);
  }

  /**
   * Counts the images hosted.
   *
   * @return the count
   */
  public int count() {
    return images.size();
  }
}
