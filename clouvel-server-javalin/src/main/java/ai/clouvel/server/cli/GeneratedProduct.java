package ai.clouvel.server.cli;

import com.squareup.moshi.Json;

/**
 * One product in the {@code summary.json} that {@code generate} writes. Public because Moshi
 * reads record components reflectively.
 */
public record GeneratedProduct(
    long id,
    String subreddit,
    @Json(name = "post_id") String postId,
    @Json(name = "post_title") String postTitle,
    String theme,
    @Json(name = "image_title") String imageTitle,
    @Json(name = "image_description") String imageDescription,
    @Json(name = "image_file") String imageFile,
    @Json(name = "image_url") String imageUrl,
    @Json(name = "product_url") String productUrl,
    @Json(name = "affiliate_url") String affiliateUrl,
    String quality,
    @Json(name = "image_model") String imageModel) {
}
