package ai.clouvel.core.image;

import java.util.Objects;

/**
 * What to paint.
 *
 * @param prompt the description of the image
 * @param quality how much care to spend
 * @param size the dimensions
 * @param style the look, where the provider supports it
 */
public record ImageRequest(String prompt, ImageQuality quality, ImageSize size, ImageStyle style) {

  public ImageRequest {
    if (Objects.requireNonNull(prompt, "prompt").isBlank()) {
      throw new IllegalArgumentException("prompt must not be blank");
    }
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(style, "style");
  }

  /**
   * Returns a square, vivid request.
   *
   * @param prompt the description of the image
   * @param quality how much care to spend
   * @return the request
   */
  public static ImageRequest of(String prompt, ImageQuality quality) {
    return new ImageRequest(prompt, quality, ImageSize.SQUARE, ImageStyle.VIVID);
  }
}
