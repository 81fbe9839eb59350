package ai.clouvel.core.store;

import ai.clouvel.core.image.HostedImage;
import ai.clouvel.core.image.ImageHost;
import ai.clouvel.core.image.ImageRepository;
import ai.clouvel.core.image.StoredImage;
import java.util.Objects;

/**
 * The default {@link ImageHost}: keeps the bytes in the store, and answers with the path the
 * reference server serves them from, {@code /images/{id}.png}. The path is stored as it is and
 * shown with the public base URL of the moment ({@link ai.clouvel.core.product.PublicLinks}), so a
 * new port or domain never breaks an image.
 */
public final class StoreImageHost implements ImageHost {
  private final ImageRepository images;

  /**
   * Creates the host.
   *
   * @param images where the bytes are kept
   */
  public StoreImageHost(ImageRepository images) {
    this.images = Objects.requireNonNull(images, "images");
  }

  @Override
  public HostedImage host(byte[] png, long productId) {
    StoredImage stored = images.save(png, "image/png");
    return new HostedImage(stored.id(), "/images/" + stored.id() + ".png");
  }
}
