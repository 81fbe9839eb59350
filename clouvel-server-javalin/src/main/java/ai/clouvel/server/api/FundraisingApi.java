package ai.clouvel.server.api;

import ai.clouvel.core.donation.DonorTotal;
import ai.clouvel.core.donation.RecentDonation;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.server.http.IsoTime;
import ai.clouvel.server.http.Pagination;
import ai.clouvel.server.http.ResponseCache;
import com.squareup.moshi.Json;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Set;

/**
 * The fundraising page's public lists: the donor leaderboard and the recent donations. Only
 * succeeded donations count (a refund takes a donation out of both); no email and no message is
 * ever part of an answer, and anonymous donors are never named.
 */
final class FundraisingApi {
  private final ServerContext server;

  FundraisingApi(ServerContext server) {
    this.server = server;
  }

  void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/donations/by-donor", this::byDonor);
    routes.get("/api/donations/recent", this::recent);
  }

  private void byDonor(Context ctx) {
    PageRequest page = Pagination.of(ctx);
    server.cache().serve(ctx, () -> new ResponseCache.Cacheable(
        ApiModels.PageJson.of(server.store().donations().byDonor(page), DonorTotalJson::of),
        Set.of(ResponseCache.DONATIONS)));
  }

  private void recent(Context ctx) {
    PageRequest page = Pagination.of(ctx);
    server.cache().serve(ctx, () -> new ResponseCache.Cacheable(
        ApiModels.PageJson.of(server.store().donations().recent(page), RecentDonationJson::of),
        Set.of(ResponseCache.DONATIONS, ResponseCache.PRODUCTS)));
  }

  /** One row of the donor leaderboard. */
  public record DonorTotalJson(@Json(name = "donor_name") String donorName, long donations,
      @Json(name = "amount_cents") long amountCents, @Json(name = "amount_usd") String amountUsd) {
    static DonorTotalJson of(DonorTotal t) {
      return new DonorTotalJson(t.donorName(), t.donations(), t.total().cents(), t.total().toUsdString());
    }
  }

  /** A recent donation as the public sees it. */
  public record RecentDonationJson(@Json(name = "amount_cents") long amountCents, @Json(name = "amount_usd") String amountUsd,
      String tier, @Json(name = "donation_type") String donationType,
      @Json(name = "commission_type") String commissionType, @Json(name = "donor_name") String donorName,
      String subreddit, @Json(name = "post_id") String postId, @Json(name = "product_id") Long productId,
      @Json(name = "created_at") String createdAt) {
    static RecentDonationJson of(RecentDonation d) {
      return new RecentDonationJson(d.amount().cents(), d.amount().toUsdString(), d.tier(), d.type().wireName(),
          d.commissionType() == null ? null : d.commissionType().wireName(), d.donorName(), d.subreddit(),
          d.postId(), d.productId(), IsoTime.format(d.createdAt()));
    }
  }
}
