package ai.clouvel.test.fakes;

import ai.clouvel.core.image.GeneratedImage;
import ai.clouvel.core.image.ImageGenerator;
import ai.clouvel.core.image.ImageRequest;
import ai.clouvel.core.usage.Usage;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/**
 * An {@link ImageGenerator} answering at once with a small, real PNG (one colour, 64 by 64) and a
 * fixed usage; records each request. Thread-safe.
 */
public final class FakeImageGenerator implements ImageGenerator {
  private final List<ImageRequest> requests = new CopyOnWriteArrayList<>();
  private final ScriptedFailures failures = new ScriptedFailures();
  private final byte[] png = png(new Color(0xE0, 0x7A, 0x5F));
  private volatile Usage usage = new Usage("fake-image", 0, 0, 1, 40_000);

  /**
   * Sets the usage every image reports.
   *
   * @param usage the usage
   * @return this fake
   */
  public FakeImageGenerator usage(Usage usage) {
    this.usage = Objects.requireNonNull(usage, "usage");
    return this;
  }

  /**
   * Makes the next call fail.
   *
   * @param failure what it throws, for example a {@code ContentRejectedException}
   * @return this fake
   */
  public FakeImageGenerator failNext(RuntimeException failure) {
    failures.add(failure);
    return this;
  }

  @Override
  public GeneratedImage generate(ImageRequest request) {
    requests.add(request);
    failures.throwIfScripted();
    return new GeneratedImage(png, request.prompt(), usage);
  }

  /**
   * Returns every request, in order.
   *
   * @return the requests
   */
  public List<ImageRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * Makes a small PNG of one colour.
   *
   * @param color the colour
   * @return the PNG bytes
   */
  public static byte[] png(Color color) {
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 64; x++) {
      for (int y = 0; y < 64; y++) {
        image.setRGB(x, y, color.getRGB());
      }
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
