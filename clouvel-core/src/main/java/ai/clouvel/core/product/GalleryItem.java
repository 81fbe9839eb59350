package ai.clouvel.core.product;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.donation.DonationSummary;
import ai.clouvel.core.money.Money;

/**
 * One product of the gallery with what the gallery shows beside it.
 *
 * @param product the product
 * @param post its post, or {@code null} if the post is not stored
 * @param commission the donation that commissioned it, or {@code null}
 * @param supportCount how many support donations its post received
 * @param supportTotal their sum
 */
public record GalleryItem(Product product, Post post, DonationSummary commission, long supportCount,
    Money supportTotal) {
}
