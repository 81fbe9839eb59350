package ai.clouvel.agents.qr;

import ai.clouvel.core.image.ImageStamper;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * An {@link ImageStamper} that puts a QR code of the product's page in the bottom-right corner of
 * the image, on a white card wide enough for the quiet zone scanners need. Thread-safe.
 */
public final class QrCodeStamper implements ImageStamper {
  private static final int QUIET_ZONE_MODULES = 2;

  private final double sizeFraction;
  private final double marginFraction;

  /** Creates a stamper whose QR card takes 18% of the image's width, 3% from the edges. */
  public QrCodeStamper() {
    this(0.18, 0.03);
  }

  /**
   * Creates a stamper.
   *
   * @param sizeFraction the card's side as a fraction of the image's shorter side
   * @param marginFraction the card's distance from the edges, as a fraction of the shorter side
   */
  public QrCodeStamper(double sizeFraction, double marginFraction) {
    if (sizeFraction <= 0 || sizeFraction > 0.5 || marginFraction < 0 || marginFraction > 0.2) {
      throw new IllegalArgumentException("QR size must be in (0, 0.5] and margin in [0, 0.2]");
    }
    this.sizeFraction = sizeFraction;
    this.marginFraction = marginFraction;
  }

  @Override
  public byte[] stamp(byte[] png, String productPageUrl) {
    BufferedImage source = read(png);
    int shorter = Math.min(source.getWidth(), source.getHeight());
    BitMatrix matrix = encode(productPageUrl);
    int modules = matrix.getWidth() + 2 * QUIET_ZONE_MODULES;
    int moduleSize = (int) Math.floor(shorter * sizeFraction / modules);
    if (moduleSize < 2) {
      throw new IllegalArgumentException("image too small for a scannable QR code: " + source.getWidth()
          + "x" + source.getHeight());
    }
    int card = modules * moduleSize;
    int margin = (int) Math.round(shorter * marginFraction);
    int left = source.getWidth() - margin - card;
    int top = source.getHeight() - margin - card;

    BufferedImage stamped = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = stamped.createGraphics();
    try {
      g.drawImage(source, 0, 0, null);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      int corner = moduleSize * 2;
      g.fill(new RoundRectangle2D.Double(left, top, card, card, corner, corner));
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      g.setColor(Color.BLACK);
      int origin = QUIET_ZONE_MODULES * moduleSize;
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < matrix.getWidth(); x++) {
          if (matrix.get(x, y)) {
            g.fillRect(left + origin + x * moduleSize, top + origin + y * moduleSize, moduleSize, moduleSize);
          }
        }
      }
    } finally {
      g.dispose();
    }
    return write(stamped);
  }

  private static BitMatrix encode(String text) {
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
          EncodeHintType.MARGIN, 0,
          EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
          EncodeHintType.CHARACTER_SET, "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode a QR code for " + text, e);
    }
  }

  private static BufferedImage read(byte[] png) {
    try {
      BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new IllegalArgumentException("not an image");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] write(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    try {
      javax.imageio.ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
