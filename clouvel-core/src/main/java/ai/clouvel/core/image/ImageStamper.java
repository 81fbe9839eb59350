package ai.clouvel.core.image;

/**
 * Post-processes a finished image, for example by stamping a QR code that points at the
 * product's page. Core ships none; the agents module has a ZXing QR stamp.
 */
@FunctionalInterface
public interface ImageStamper {

  /**
   * Stamps an image.
   *
   * @param png the PNG bytes
   * @param productPageUrl the address of the product's own page
   * @return the stamped PNG bytes
   */
  byte[] stamp(byte[] png, String productPageUrl);

  /**
   * Returns a stamper that leaves images as they are.
   *
   * @return the identity stamper
   */
  static ImageStamper none() {
    return (png, url) -> png;
  }
}
