package ai.clouvel.core.image;

import java.util.Optional;

/** Keeps image bytes so that they can be served after the provider's URL has expired. */
public interface ImageRepository {

  /**
   * Stores an image.
   *
   * @param bytes the image bytes
   * @param contentType the media type, for example {@code "image/png"}
   * @return the stored image, with its new id
   */
  StoredImage save(byte[] bytes, String contentType);

  /**
   * Looks up an image.
   *
   * @param id the image id
   * @return the image, or empty
   */
  Optional<StoredImage> find(String id);
}
