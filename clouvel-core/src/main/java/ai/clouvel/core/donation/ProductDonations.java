package ai.clouvel.core.donation;

import ai.clouvel.core.money.Money;
import java.util.List;

/**
 * The donations behind one product: the commission that paid for it, and the support its post
 * received.
 *
 * @param productId the product
 * @param postId the post the product was made from
 * @param commission the commission donation, or {@code null} if the product was not commissioned
 * @param supports the succeeded support donations of the product's post, newest first
 * @param supportTotal the sum of {@code supports}
 */
public record ProductDonations(long productId, String postId, DonationSummary commission,
    List<DonationSummary> supports, Money supportTotal) {

  public ProductDonations {
    supports = List.copyOf(supports);
  }

  /**
   * Returns the donations of a product that has none.
   *
   * @param productId the product
   * @param postId the post the product was made from
   * @return an empty record
   */
  public static ProductDonations none(long productId, String postId) {
    return new ProductDonations(productId, postId, null, List.of(), Money.ZERO);
  }
}
