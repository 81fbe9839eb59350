package ai.clouvel.agents.zazzle;

import ai.clouvel.core.product.ProductLinks;
import ai.clouvel.core.product.ProductPublisher;
import ai.clouvel.core.product.PublishRequest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A {@link ProductPublisher} that builds Zazzle create-a-product links. It needs no network:
 *
 * <pre>
 * https://www.zazzle.com/api/create/at-{affiliateId}?ax=linkover&amp;pd={templateId}&amp;fwd=productpage
 *     &amp;ed=true&amp;t_image1_url={percent-encoded image URL}&amp;tc={trackingCode}
 * </pre>
 *
 * <p>The affiliate link adds {@code rf={affiliateId}}. The image URL must be public http(s):
 * Zazzle fetches it.
 */
public final class ZazzleProductPublisher implements ProductPublisher {
  private final String affiliateId;
  private final String trackingCode;
  private final ZazzleTemplates templates;

  /**
   * Creates a publisher with the default templates and tracking code {@code Clouvel-0}.
   *
   * @param affiliateId the Zazzle affiliate id (ZAZZLE_AFFILIATE_ID)
   */
  public ZazzleProductPublisher(String affiliateId) {
    this(affiliateId, "Clouvel-0", ZazzleTemplates.defaults());
  }

  /**
   * Creates a publisher.
   *
   * @param affiliateId the Zazzle affiliate id (ZAZZLE_AFFILIATE_ID)
   * @param trackingCode the tracking code (ZAZZLE_TRACKING_CODE)
   * @param templates the template registry
   * @throws IllegalArgumentException if the affiliate id is missing or malformed
   */
  public ZazzleProductPublisher(String affiliateId, String trackingCode, ZazzleTemplates templates) {
    if (affiliateId == null || affiliateId.isBlank()) {
      throw new IllegalArgumentException("Zazzle needs an affiliate id: set ZAZZLE_AFFILIATE_ID");
    }
    if (!affiliateId.strip().matches("\\d+")) {
      throw new IllegalArgumentException("ZAZZLE_AFFILIATE_ID must be a number (your Zazzle affiliate id), not " + affiliateId);
    }
    this.affiliateId = affiliateId.strip();
    this.trackingCode = trackingCode == null || trackingCode.isBlank() ? "Clouvel-0" : trackingCode.strip();
    this.templates = Objects.requireNonNull(templates, "templates");
  }

  @Override
  public ProductLinks publish(PublishRequest request) {
    String imageUrl = request.image().url();
    if (!imageUrl.startsWith("https://") && !imageUrl.startsWith("http://")) {
      throw new IllegalArgumentException("Zazzle needs a public http(s) image URL, not " + imageUrl);
    }
    ZazzleTemplate template = templates.resolve(request.template()).orElseThrow(() ->
        new IllegalArgumentException("unknown Zazzle template " + request.template()));
    String productUrl = "https://www.zazzle.com/api/create/at-" + affiliateId
        + "?ax=linkover&pd=" + template.templateId()
        + "&fwd=productpage&ed=true&t_image1_url=" + percentEncode(imageUrl)
        + "&tc=" + percentEncode(trackingCode);
    return new ProductLinks(productUrl, productUrl + "&rf=" + affiliateId, template.templateId());
  }

  /** RFC 3986 percent-encoding: everything but unreserved characters, spaces as %20. */
  static String percentEncode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
