package ai.clouvel.core.image;

import ai.clouvel.core.usage.Usage;
import java.util.Arrays;
import java.util.Objects;

/**
 * A painted image.
 *
 * @param png the PNG bytes; copied in and out, so the record stays immutable
 * @param revisedPrompt the prompt as the provider rewrote it, or the original prompt
 * @param usage what painting it consumed
 */
public record GeneratedImage(byte[] png, String revisedPrompt, Usage usage) {

  public GeneratedImage {
    png = Objects.requireNonNull(png, "png").clone();
    Objects.requireNonNull(revisedPrompt, "revisedPrompt");
    Objects.requireNonNull(usage, "usage");
  }

  /**
   * Returns a copy of the PNG bytes.
   *
   * @return the PNG bytes
   */
  @Override
  public byte[] png() {
    return png.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GeneratedImage that
        && Arrays.equals(png, that.png)
        && revisedPrompt.equals(that.revisedPrompt)
        && usage.equals(that.usage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(png), revisedPrompt, usage);
  }

  @Override
  public String toString() {
    return "GeneratedImage[" + png.length + " bytes, usage=" + usage + "]";
  }
}
