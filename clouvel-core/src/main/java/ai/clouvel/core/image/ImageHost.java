package ai.clouvel.core.image;

/**
 * Stores image bytes and returns a lasting public address. Provider URLs expire, so every
 * product image is hosted. The default keeps the bytes in the store and serves them from the
 * reference server's {@code /images/{id}.png}; an Imgur host is available in the agents module.
 */
@FunctionalInterface
public interface ImageHost {

  /**
   * Hosts an image.
   *
   * @param png the PNG bytes
   * @param productId the product the image belongs to
   * @return the hosted image
   */
  HostedImage host(byte[] png, long productId);
}
