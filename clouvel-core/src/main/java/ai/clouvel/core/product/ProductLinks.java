package ai.clouvel.core.product;

import java.util.Objects;

/**
 * Where a published product can be bought.
 *
 * @param productUrl the product page
 * @param affiliateUrl the same page with the affiliate referral
 * @param templateId the print-on-demand template the product is based on
 */
public record ProductLinks(String productUrl, String affiliateUrl, String templateId) {

  public ProductLinks {
    Objects.requireNonNull(productUrl, "productUrl");
    Objects.requireNonNull(affiliateUrl, "affiliateUrl");
    Objects.requireNonNull(templateId, "templateId");
  }
}
