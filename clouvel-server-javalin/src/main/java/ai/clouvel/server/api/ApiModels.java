package ai.clouvel.server.api;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationSummary;
import ai.clouvel.core.donation.Goal;
import ai.clouvel.core.donation.ProductDonations;
import ai.clouvel.core.donation.SubredditTotal;
import ai.clouvel.core.donation.Tier;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.PublicLinks;
import ai.clouvel.core.task.Task;
import ai.clouvel.server.http.IsoTime;
import com.squareup.moshi.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of the API: snake_case, money as integer cents and as a two-decimal string,
 * times as ISO-8601. Public views only: no emails, and anonymous donors are "Anonymous".
 */
public final class ApiModels {
  private ApiModels() {
  }

  /** A page of a list. */
  public record PageJson(List<Object> items, long total, int limit, int offset) {
    static <S> PageJson of(Page<S> page, java.util.function.Function<S, ?> map) {
      return new PageJson(page.items().stream().<Object>map(map).toList(), page.total(), page.limit(), page.offset());
    }
  }

  /** An amount, both ways. */
  public record Amount(@Json(name = "amount_cents") long amountCents, @Json(name = "amount_usd") String amountUsd) {
    static Amount of(Money money) {
      return new Amount(money.cents(), money.toUsdString());
    }
  }

  /** A post a product was made from. */
  public record PostJson(String id, String subreddit, String title, String author, String url, int score,
      @Json(name = "comment_count") int commentCount, @Json(name = "created_at") String createdAt) {
    static PostJson of(Post post) {
      return post == null ? null : new PostJson(post.id(), post.subreddit(), post.title(), post.author(),
          post.permalink(), post.score(), post.commentCount(), IsoTime.format(post.createdAt()));
    }
  }

  /** The public view of a donation. */
  public record DonationJson(long id, @Json(name = "amount_cents") long amountCents,
      @Json(name = "amount_usd") String amountUsd, String tier, @Json(name = "donation_type") String donationType,
      @Json(name = "commission_type") String commissionType, String status,
      @Json(name = "donor_name") String donorName, @Json(name = "reddit_username") String redditUsername,
      String message, String subreddit, @Json(name = "post_id") String postId,
      @Json(name = "created_at") String createdAt) {
    static DonationJson of(DonationSummary d) {
      return d == null ? null : new DonationJson(d.id(), d.amount().cents(), d.amount().toUsdString(), d.tier(),
          d.type().wireName(), d.commissionType() == null ? null : d.commissionType().wireName(),
          d.status().wireName(), d.donorName(), d.redditUsername(), d.message(), d.subreddit(), d.postId(),
          IsoTime.format(d.createdAt()));
    }
  }

  /** Support received by a product's post. */
  public record SupportJson(long count, @Json(name = "amount_cents") long amountCents,
      @Json(name = "amount_usd") String amountUsd) {
    static SupportJson of(long count, Money total) {
      return new SupportJson(count, total.cents(), total.toUsdString());
    }
  }

  /** A product with what the gallery shows beside it. */
  public record ProductJson(long id, @Json(name = "post_id") String postId, String subreddit,
      @Json(name = "post_title") String postTitle, String theme, @Json(name = "image_title") String imageTitle,
      @Json(name = "image_description") String imageDescription, @Json(name = "image_url") String imageUrl,
      @Json(name = "product_url") String productUrl, @Json(name = "affiliate_url") String affiliateUrl,
      @Json(name = "page_url") String pageUrl, @Json(name = "template_id") String templateId,
      @Json(name = "prompt_version") String promptVersion, @Json(name = "idea_model") String ideaModel,
      @Json(name = "image_model") String imageModel, @Json(name = "image_quality") String imageQuality,
      @Json(name = "created_at") String createdAt, PostJson post, DonationJson commission, SupportJson support) {
    static ProductJson of(GalleryItem item, String publicBaseUrl) {
      Product p = item.product();
      return new ProductJson(p.id(), p.postId(), p.subreddit(), p.postTitle(), p.idea().theme(),
          p.idea().imageTitle(), p.idea().imageDescription(), PublicLinks.resolve(publicBaseUrl, p.image().url()),
          PublicLinks.resolve(publicBaseUrl, p.links().productUrl()),
          PublicLinks.resolve(publicBaseUrl, p.links().affiliateUrl()), publicBaseUrl + "/p/" + p.id(), p.links().templateId(),
          p.promptVersion(), p.ideaModel(), p.imageModel(), p.imageQuality().name().toLowerCase(Locale.ROOT),
          IsoTime.format(p.createdAt()),
          PostJson.of(item.post()), DonationJson.of(item.commission()),
          SupportJson.of(item.supportCount(), item.supportTotal()));
    }
  }

  /** The donations of one product, for bulk_donations: the newest supports listed, all of them counted. */
  public record ProductDonationsJson(@Json(name = "product_id") long productId, @Json(name = "post_id") String postId,
      DonationJson commission,
      List<DonationJson> supports, @Json(name = "support_count") long supportCount,
      @Json(name = "support_total_cents") long supportTotalCents,
      @Json(name = "support_total_usd") String supportTotalUsd) {
    static ProductDonationsJson of(ProductDonations d) {
      List<DonationJson> supports = new ArrayList<>(d.supports().size());
      for (DonationSummary support : d.supports()) {
        supports.add(DonationJson.of(support));
      }
      return new ProductDonationsJson(d.productId(), d.postId(), DonationJson.of(d.commission()), supports,
          d.supportCount(), d.supportTotal().cents(), d.supportTotal().toUsdString());
    }
  }

  /** A list answer that is not paginated by offset. */
  public record ItemsJson(List<Object> items, long total) {
    static ItemsJson of(List<?> items) {
      return new ItemsJson(List.copyOf(items), items.size());
    }
  }

  /** A task and its progress. */
  public record TaskJson(@Json(name = "task_id") String taskId, String status, String stage, int progress,
      String message, int attempts, @Json(name = "max_attempts") int maxAttempts,
      @Json(name = "commission_type") String commissionType, String subreddit, @Json(name = "post_id") String postId,
      @Json(name = "image_quality") String imageQuality, @Json(name = "donation_id") Long donationId,
      @Json(name = "product_id") Long productId, String error, @Json(name = "next_run_at") String nextRunAt,
      @Json(name = "created_at") String createdAt, @Json(name = "updated_at") String updatedAt) {
    public static TaskJson of(Task t) {
      return new TaskJson(t.id(), t.status().wireName(), t.progress().stage().wireName(), t.progress().percent(),
          t.progress().message(), t.attempts(), t.maxAttempts(), t.spec().type().wireName(), t.spec().subreddit(),
          t.spec().postId(), t.spec().quality().name().toLowerCase(Locale.ROOT), t.donationId(), t.productId(),
          t.error(), t.nextRunAt().toString(), t.createdAt().toString(), t.updatedAt().toString());
    }
  }

  /** A tier. */
  public record TierJson(String name, @Json(name = "min_amount_cents") long minAmountCents,
      @Json(name = "min_amount_usd") String minAmountUsd, @Json(name = "image_quality") String imageQuality) {
    static TierJson of(Tier tier) {
      return new TierJson(tier.name(), tier.minimum().cents(), tier.minimum().toUsdString(),
          tier.imageQuality().name().toLowerCase(Locale.ROOT));
    }
  }

  /** A commission type and its minimum. */
  public record CommissionTypeJson(String type, @Json(name = "min_tier") String minTier,
      @Json(name = "min_amount_usd") String minAmountUsd) {
  }

  /** The tier table. */
  public record TiersJson(List<TierJson> tiers, @Json(name = "commission_types") List<CommissionTypeJson> commissionTypes,
      @Json(name = "min_amount_usd") String minAmountUsd, @Json(name = "max_amount_usd") String maxAmountUsd) {
  }

  /** One leaderboard row. */
  public record SubredditTotalJson(String subreddit, long donations, @Json(name = "amount_cents") long amountCents,
      @Json(name = "amount_usd") String amountUsd, long commissions, long supports) {
    static SubredditTotalJson of(SubredditTotal t) {
      return new SubredditTotalJson(t.subreddit(), t.donations(), t.total().cents(), t.total().toUsdString(),
          t.commissions(), t.supports());
    }
  }

  /** A fundraising goal. */
  public record GoalJson(long id, String title, String subreddit, @Json(name = "target_usd") String targetUsd,
      @Json(name = "raised_usd") String raisedUsd, int percent, @Json(name = "ends_at") String endsAt) {
    public static GoalJson of(Goal g) {
      int percent = (int) Math.min(100, g.raised().cents() * 100 / Math.max(1, g.target().cents()));
      return new GoalJson(g.id(), g.title(), g.subreddit(), g.target().toUsdString(), g.raised().toUsdString(),
          percent, g.endsAt() == null ? null : g.endsAt().toString());
    }
  }

  /** Donation totals, goals and the newest donations. */
  public record SummaryJson(@Json(name = "total_donations") long totalDonations,
      @Json(name = "total_amount_cents") long totalAmountCents, @Json(name = "total_amount_usd") String totalAmountUsd,
      long commissions, long supports, long refunded, List<GoalJson> goals, List<DonationJson> recent) {
  }

  /** What a donor may see of their donation. */
  public record DonationStatusJson(@Json(name = "payment_id") String paymentId, String status, String tier,
      @Json(name = "amount_cents") long amountCents, @Json(name = "amount_usd") String amountUsd,
      @Json(name = "donation_type") String donationType, @Json(name = "commission_type") String commissionType,
      String subreddit, @Json(name = "post_id") String postId, @Json(name = "donor_name") String donorName,
      @Json(name = "is_anonymous") boolean anonymous, @Json(name = "task_id") String taskId,
      @Json(name = "task_status") String taskStatus, @Json(name = "product_id") Long productId,
      @Json(name = "created_at") String createdAt) {
    static DonationStatusJson of(Donation d, Task task) {
      return new DonationStatusJson(d.paymentId(), d.status().wireName(), d.tier(), d.amount().cents(),
          d.amount().toUsdString(), d.type().wireName(), d.commissionType() == null ? null : d.commissionType().wireName(),
          d.subreddit(), d.postId(), d.donor().publicName(), d.donor().anonymous(), task == null ? null : task.id(),
          task == null ? null : task.status().wireName(), task == null ? null : task.productId(), d.createdAt().toString());
    }
  }

  /** The answer to a validation. */
  public record ValidationJson(boolean valid, String tier, @Json(name = "image_quality") String imageQuality,
      @Json(name = "amount_cents") long amountCents, @Json(name = "amount_usd") String amountUsd, PostJson post,
      String excerpt) {
  }

  /** A created checkout. */
  public record CheckoutJson(@Json(name = "session_id") String sessionId, @Json(name = "checkout_url") String checkoutUrl,
      @Json(name = "payment_id") String paymentId, String tier, @Json(name = "amount_cents") long amountCents,
      @Json(name = "amount_usd") String amountUsd) {
  }

  /** A created payment intent. */
  public record PaymentIntentJson(@Json(name = "payment_intent_id") String paymentIntentId,
      @Json(name = "client_secret") String clientSecret, @Json(name = "payment_id") String paymentId, String tier,
      @Json(name = "amount_cents") long amountCents, @Json(name = "amount_usd") String amountUsd) {
  }

  /** The answer to a webhook. */
  public record WebhookJson(boolean received, String result) {
  }

  /** Scheduler status. */
  public record SchedulerJson(boolean enabled, @Json(name = "interval_minutes") long intervalMinutes,
      @Json(name = "commission_type") String commissionType, String subreddit,
      @Json(name = "last_run_at") String lastRunAt, @Json(name = "next_run_at") String nextRunAt) {
  }

  /** The response cache part of the status. */
  public record CacheJson(long hits, long misses) {
  }

  /** The worker part of the status. */
  public record WorkersJson(int size, int busy, boolean running) {
  }

  /** Usage and cost totals. */
  public record UsageJson(long calls, @Json(name = "input_tokens") long inputTokens,
      @Json(name = "output_tokens") long outputTokens, long images, @Json(name = "cost_usd") String costUsd) {
  }

  /** The health answer. */
  public record HealthJson(String status, String database, @Json(name = "checked_at") String checkedAt) {
    static HealthJson of(boolean healthy, Instant at) {
      return new HealthJson(healthy ? "ok" : "degraded", healthy ? "ok" : "failing", at.toString());
    }
  }
}
