package ai.clouvel.core.store;

import ai.clouvel.core.image.ImageRepository;
import ai.clouvel.core.image.StoredImage;
import java.util.Objects;
import ai.clouvel.core.image.ImageHost;
import ai.clouvel.core.image.HostedImage;

/**
 * The default {@link ImageHost}: keeps the bytes in the store, and answers with the address the
 * reference server serves them from, {@code {publicBaseUrl}/images/{id}.png}.
 */
public final class StoreImageHost implements ImageHost {
  private final ImageRepository images;
  private final String publicBaseUrl;

  /**
   * Creates the host.
   *
   * @param images where the bytes are kept
   * @param publicBaseUrl the server's public address, for example {@code https://clouvel.example}
   */
  public StoreImageHost(ImageRepository images, String publicBaseUrl) {
    this.images = Objects.requireNonNull(images, "images");
    this.publicBaseUrl = stripTrailingSlash(Objects.requireNonNull(publicBaseUrl, "publicBaseUrl"));
  }

  @Override
  public HostedImage host(byte[] png, long productId) {
    StoredImage stored = images.save(png, "image/png");
    return new HostedImage(stored.id(), publicBaseUrl + "/images/" + stored.id() + ".png");
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
