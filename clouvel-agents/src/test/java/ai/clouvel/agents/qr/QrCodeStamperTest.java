package ai.clouvel.agents.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.agents.testing.Pngs;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodeStamperTest {
  private static final String URL = "https://clouvel.example/p/1234";

  @Test
  void theQrCodeDecodesBackToTheProductPage() throws Exception {
    byte[] painting = Pngs.painting("A harbor at dusk with sailboats");
    BufferedImage stamped = ImageIO.read(new ByteArrayInputStream(new QrCodeStamper().stamp(painting, URL)));

    assertThat(stamped.getWidth()).isEqualTo(1024);
    BufferedImage corner = stamped.getSubimage(1024 - 260, 1024 - 260, 260, 260);
    assertThat(decode(corner).getText()).isEqualTo(URL);
    assertThat(decode(stamped).getText()).isEqualTo(URL);
  }

  @Test
  void itSitsBottomRightOnAWhiteCardAndLeavesTheRestAlone() throws Exception {
    byte[] painting = Pngs.painting("A quiet forest in fog");
    BufferedImage original = ImageIO.read(new ByteArrayInputStream(painting));
    BufferedImage stamped = ImageIO.read(new ByteArrayInputStream(new QrCodeStamper().stamp(painting, URL)));
    int margin = Math.round(1024 * 0.03f);
    int cardEdge = 1024 - margin - 3;
    assertThat(stamped.getRGB(cardEdge, cardEdge) & 0xffffff).as("quiet zone is white").isEqualTo(0xffffff);
    assertThat(stamped.getRGB(100, 100)).isEqualTo(original.getRGB(100, 100));
    assertThat(stamped.getRGB(1024 - margin / 2, 1024 - margin / 2)).isEqualTo(original.getRGB(1024 - margin / 2, 1024 - margin / 2));
    assertThatThrownBy(() -> decode(stamped.getSubimage(0, 0, 600, 600))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void refusesImagesTooSmallToScan() throws Exception {
    BufferedImage tiny = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    ImageIO.write(tiny, "png", out);
    assertThatThrownBy(() -> new QrCodeStamper().stamp(out.toByteArray(), URL)).hasMessageContaining("too small");
  }

  private static Result decode(BufferedImage image) throws Exception {
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
  }
}
