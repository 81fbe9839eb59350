package ai.clouvel.core.image;

/**
 * Paints an image. The live implementation calls OpenAI ({@code dall-e-3} or {@code gpt-image-1});
 * the offline one paints procedurally with Java2D. Small enough to write as a lambda:
 *
 * <pre>{@code
 * ImageGenerator mine = request -> new GeneratedImage(myPainter.paint(request.prompt()),
 *     request.prompt(), Usage.free("my-painter"));
 * }</pre>
 */
@FunctionalInterface
public interface ImageGenerator {

  /**
   * Paints an image.
   *
   * @param request what to paint
   * @return the PNG and its usage
   */
  GeneratedImage generate(ImageRequest request);
}
