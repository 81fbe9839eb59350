package ai.clouvel.core.image;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An image kept by the store.
 *
 * @param id the image id
 * @param contentType the media type, for example {@code "image/png"}
 * @param bytes the image bytes; copied in and out
 * @param createdAt when it was stored
 */
public record StoredImage(String id, String contentType, byte[] bytes, Instant createdAt) {

  public StoredImage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(contentType, "contentType");
    bytes = Objects.requireNonNull(bytes, "bytes").clone();
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * Returns a copy of the bytes.
   *
   * @return the image bytes
   */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredImage that && id.equals(that.id)
        && contentType.equals(that.contentType) && Arrays.equals(bytes, that.bytes)
        && createdAt.equals(that.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, contentType, Arrays.hashCode(bytes), createdAt);
  }

  @Override
  public String toString() {
    return "StoredImage[" + id + ", " + contentType + ", " + bytes.length + " bytes]";
  }
}
