package ai.clouvel.core.image;

/**
 * Image dimensions in pixels.
 *
 * @param width width in pixels
 * @param height height in pixels
 */
public record ImageSize(int width, int height) {

  /** 1024 by 1024, the default and the size every provider supports. */
  public static final ImageSize SQUARE = new ImageSize(1024, 1024);

  public ImageSize {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive");
    }
  }

  /**
   * Parses {@code "1024x1024"}.
   *
   * @param text width and height joined by {@code x}
   * @return the size
   * @throws IllegalArgumentException if the text is not of that form
   */
  public static ImageSize parse(String text) {
    String[] parts = text.strip().toLowerCase(java.util.Locale.ROOT).split("x");
    if (parts.length != 2) {
      throw new IllegalArgumentException("image size must look like 1024x1024: " + text);
    }
    try {
      return new ImageSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("image size must look like 1024x1024: " + text, e);
    }
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }
}
