package ai.clouvel.core.offline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.image.GeneratedImage;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.image.ImageRequest;
import ai.clouvel.core.image.ImageSize;
import ai.clouvel.core.image.ImageStyle;
import ai.clouvel.core.offline.PaintedImageGenerator.Scene;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PaintedImageGeneratorTest {
  private final PaintedImageGenerator painter = new PaintedImageGenerator();

  private static BufferedImage decode(GeneratedImage image) throws IOException {
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.png()));
    assertThat(decoded).as("a decodable PNG").isNotNull();
    return decoded;
  }

  @Test
  void paintsA1024SquarePng() throws IOException {
    GeneratedImage image = painter.generate(ImageRequest.of("A watercolor of mountains at dawn", ImageQuality.STANDARD));
    byte[] png = image.png();
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    BufferedImage decoded = decode(image);
    assertThat(decoded.getWidth()).isEqualTo(1024);
    assertThat(decoded.getHeight()).isEqualTo(1024);
    assertThat(image.usage().images()).isEqualTo(1);
    assertThat(image.usage().model()).isEqualTo(PaintedImageGenerator.MODEL);
  }

  @Test
  void isNotAFlatPicture() throws IOException {
    // A watercolor: the posterised styles (linocut, flat vector) have few colors on purpose.
    BufferedImage image = decode(painter.generate(ImageRequest.of("A soft watercolor painting of a harbor with sailboats",
        ImageQuality.STANDARD)));
    Set<Integer> colors = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 8) {
      for (int x = 0; x < image.getWidth(); x += 8) {
        colors.add(image.getRGB(x, y));
      }
    }
    assertThat(colors).hasSizeGreaterThan(500);
  }

  @Test
  void theSamePromptGivesTheSamePictureAndAnotherPromptAnother() throws IOException {
    ImageRequest request = ImageRequest.of("A linocut of a redwood forest in fog", ImageQuality.STANDARD);
    BufferedImage first = decode(painter.generate(request));
    BufferedImage again = decode(painter.generate(request));
    BufferedImage other = decode(painter.generate(ImageRequest.of("A linocut of a redwood forest at night", ImageQuality.STANDARD)));
    assertThat(differingFraction(first, again)).isZero();
    assertThat(differingFraction(first, other)).isGreaterThan(0.3);
  }

  @Test
  void hdAddsDetail() throws IOException {
    String prompt = "Stars over a quiet galaxy";
    BufferedImage standard = decode(painter.generate(ImageRequest.of(prompt, ImageQuality.STANDARD)));
    BufferedImage hd = decode(painter.generate(ImageRequest.of(prompt, ImageQuality.HD)));
    assertThat(differingFraction(standard, hd)).isGreaterThan(0.05);
  }

  @Test
  void honoursTheRequestedSize() throws IOException {
    BufferedImage wide = decode(painter.generate(new ImageRequest("A city skyline at night",
        ImageQuality.STANDARD, new ImageSize(1792, 1024), ImageStyle.VIVID)));
    assertThat(wide.getWidth()).isEqualTo(1792);
    assertThat(wide.getHeight()).isEqualTo(1024);
  }

  @Test
  void theWordsChooseTheScene() {
    assertThat(PaintedImageGenerator.chooseScene("a rocket launch under the stars", 0)).isEqualTo(Scene.COSMOS);
    assertThat(PaintedImageGenerator.chooseScene("sailing across the harbor", 0)).isEqualTo(Scene.SEA);
    assertThat(PaintedImageGenerator.chooseScene("the summit trail in the alps", 0)).isEqualTo(Scene.MOUNTAINS);
    assertThat(PaintedImageGenerator.chooseScene("a redwoods forest", 0)).isEqualTo(Scene.FOREST);
    assertThat(PaintedImageGenerator.chooseScene("nothing in particular", 0)).isEqualTo(Scene.HILLS);
    assertThat(PaintedImageGenerator.chooseScene("nothing in particular", 1)).isEqualTo(Scene.GEOMETRIC);
  }

  private static double differingFraction(BufferedImage a, BufferedImage b) {
    int differing = 0;
    int total = 0;
    for (int y = 0; y < a.getHeight(); y += 4) {
      for (int x = 0; x < a.getWidth(); x += 4) {
        total++;
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          differing++;
        }
      }
    }
    return differing / (double) total;
  }
}
