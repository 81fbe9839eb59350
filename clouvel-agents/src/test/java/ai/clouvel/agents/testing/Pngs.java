package ai.clouvel.agents.testing;

import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.image.ImageRequest;
import ai.clouvel.core.offline.PaintedImageGenerator;
import java.util.Base64;

/** Real PNG bytes for fake providers to return. */
public final class Pngs {
  private Pngs() {
  }

  public static byte[] painting(String prompt) {
    return new PaintedImageGenerator().generate(ImageRequest.of(prompt, ImageQuality.STANDARD)).png();
  }

  public static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
