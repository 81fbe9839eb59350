package ai.clouvel.core.donation;

import ai.clouvel.core.money.Money;
import java.util.List;

/**
 * The donations behind one product: the commission that paid for it, and the support its post
 * received (its newest supports, and the count and sum of all of them).
 *
 * @param productId the product
 * @param postId the post the product was made from
 * @param commission the commission donation, or {@code null} if the product was not commissioned
 * @param supports the newest succeeded support donations of the product's post, newest first; all
 *     of them, or as many as the caller asked for
 * @param supportCount how many succeeded supports the post has in all
 * @param supportTotal the sum of all the post's succeeded supports
 */
public record ProductDonations(long productId, String postId, DonationSummary commission,
    List<DonationSummary> supports, long supportCount, Money supportTotal) {

  public ProductDonations {
    supports = List.copyOf(supports);
    if (supportCount < supports.size()) {
      throw new IllegalArgumentException("support count " + supportCount + " below the " + supports.size()
          + " supports listed");
    }
  }

  /**
   * Creates the value of a product whose supports are all listed.
   *
   * @param productId the product
   * @param postId the post the product was made from
   * @param commission the commission donation, or {@code null} if the product was not commissioned
   * @param supports every succeeded support donation of the product's post, newest first
   * @param supportTotal the sum of {@code supports}
   */
  public ProductDonations(long productId, String postId, DonationSummary commission,
      List<DonationSummary> supports, Money supportTotal) {
    this(productId, postId, commission, supports, supports.size(), supportTotal);
  }

  /**
   * Returns the donations of a product that has none.
   *
   * @param productId the product
   * @param postId the post the product was made from
   * @return an empty record
   */
  public static ProductDonations none(long productId, String postId) {
    return new ProductDonations(productId, postId, null, List.of(), 0, Money.ZERO);
  }
}
