package ai.clouvel.examples;

import ai.clouvel.core.Clouvel;
import ai.clouvel.core.image.GeneratedImage;
import ai.clouvel.core.image.ImageGenerator;
import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PipelineResult;
import ai.clouvel.core.product.PublicLinks;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.usage.Usage;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The same pipeline with your own {@link ImageGenerator}, written as a lambda: here a two-colour
 * gradient whose colours come from the prompt. Everything else keeps its default.
 */
public final class CustomImageGeneratorExample {
  private CustomImageGeneratorExample() {
  }

  public static void main(String[] args) {
    run(System.out);
  }

  static PipelineResult run(PrintStream out) {
    ImageGenerator gradients = request -> new GeneratedImage(
        gradient(request.prompt().hashCode(), request.size().width(), request.size().height()),
        request.prompt(), Usage.free("gradient-painter"));

    try (Clouvel clouvel = Clouvel.builder().imageGenerator(gradients).build()) {
      PipelineResult result = clouvel.pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("space")),
          progress -> out.println(progress.percent() + "% " + progress.message()));
      out.println("Painted with " + result.product().imageModel() + ": "
          + PublicLinks.resolve(clouvel.publicBaseUrl(), result.product().image().url()));
      return result;
    }
  }

  private static byte[] gradient(int seed, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(seed & 0xffffff), width, height, new Color(~seed & 0xffffff)));
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }
}
