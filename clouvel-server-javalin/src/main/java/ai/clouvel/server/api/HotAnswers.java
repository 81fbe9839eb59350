package ai.clouvel.server.api;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationSummary;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.ProductDonations;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.PublicLinks;
import ai.clouvel.server.http.Json;
import ai.clouvel.server.http.JsonBytes;
import ai.clouvel.server.http.JsonBytes.Name;
import ai.clouvel.server.http.JsonBytes.Text;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The answers read most, a gallery page and bulk donations (and a product alone, which shares the
 * gallery's shape), written from the store's values
 * straight into the response's bytes: no answer records between, and names, wire names, amounts and
 * times written without a string each. What they write is exactly what Moshi writes for the
 * {@link ApiModels} records made from the same values ({@code HotAnswersTest} holds them to it), so
 * the records stay the documented shape.
 */
final class HotAnswers {
  /** A gallery page as {@link ApiModels.PageJson} of {@link ApiModels.ProductJson} shows it. */
  record GalleryPage(Page<GalleryItem> page, String publicBaseUrl) {
  }

  /** One product, as {@link ApiModels.ProductJson} shows it. */
  record OneProduct(GalleryItem item, String publicBaseUrl) {
  }

  /** Bulk donations as {@link ApiModels.ItemsJson} of {@link ApiModels.ProductDonationsJson} show them. */
  record BulkDonations(List<ProductDonations> items) {
  }

  private static final Name ITEMS = Name.of("items");
  private static final Name TOTAL = Name.of("total");
  private static final Name LIMIT = Name.of("limit");
  private static final Name OFFSET = Name.of("offset");
  private static final Name ID = Name.of("id");
  private static final Name POST_ID = Name.of("post_id");
  private static final Name SUBREDDIT = Name.of("subreddit");
  private static final Name POST_TITLE = Name.of("post_title");
  private static final Name THEME = Name.of("theme");
  private static final Name IMAGE_TITLE = Name.of("image_title");
  private static final Name IMAGE_DESCRIPTION = Name.of("image_description");
  private static final Name IMAGE_URL = Name.of("image_url");
  private static final Name PRODUCT_URL = Name.of("product_url");
  private static final Name AFFILIATE_URL = Name.of("affiliate_url");
  private static final Name PAGE_URL = Name.of("page_url");
  private static final Name TEMPLATE_ID = Name.of("template_id");
  private static final Name PROMPT_VERSION = Name.of("prompt_version");
  private static final Name IDEA_MODEL = Name.of("idea_model");
  private static final Name IMAGE_MODEL = Name.of("image_model");
  private static final Name IMAGE_QUALITY = Name.of("image_quality");
  private static final Name CREATED_AT = Name.of("created_at");
  private static final Name POST = Name.of("post");
  private static final Name COMMISSION = Name.of("commission");
  private static final Name SUPPORT = Name.of("support");
  private static final Name TITLE = Name.of("title");
  private static final Name AUTHOR = Name.of("author");
  private static final Name URL = Name.of("url");
  private static final Name SCORE = Name.of("score");
  private static final Name COMMENT_COUNT = Name.of("comment_count");
  private static final Name COUNT = Name.of("count");
  private static final Name AMOUNT_CENTS = Name.of("amount_cents");
  private static final Name AMOUNT_USD = Name.of("amount_usd");
  private static final Name TIER = Name.of("tier");
  private static final Name DONATION_TYPE = Name.of("donation_type");
  private static final Name COMMISSION_TYPE = Name.of("commission_type");
  private static final Name STATUS = Name.of("status");
  private static final Name DONOR_NAME = Name.of("donor_name");
  private static final Name REDDIT_USERNAME = Name.of("reddit_username");
  private static final Name MESSAGE = Name.of("message");
  private static final Name PRODUCT_ID = Name.of("product_id");
  private static final Name SUPPORTS = Name.of("supports");
  private static final Name SUPPORT_COUNT = Name.of("support_count");
  private static final Name SUPPORT_TOTAL_CENTS = Name.of("support_total_cents");
  private static final Name SUPPORT_TOTAL_USD = Name.of("support_total_usd");

  private static final Map<DonationType, Text> TYPES = texts(DonationType.class, DonationType::wireName);
  private static final Map<CommissionType, Text> COMMISSION_TYPES =
      texts(CommissionType.class, CommissionType::wireName);
  private static final Map<DonationStatus, Text> STATUSES = texts(DonationStatus.class, DonationStatus::wireName);
  private static final Map<ImageQuality, Text> QUALITIES =
      texts(ImageQuality.class, quality -> quality.name().toLowerCase(Locale.ROOT));

  private HotAnswers() {
  }

  static void register(Json json) {
    json.fastWriter(GalleryPage.class, HotAnswers::galleryPage);
    json.fastWriter(BulkDonations.class, HotAnswers::bulkDonations);
    json.fastWriter(OneProduct.class, (out, answer) -> product(out, answer.item(), answer.publicBaseUrl()));
  }

  private static <E extends Enum<E>> Map<E, Text> texts(Class<E> type, Function<E, String> wireName) {
    Map<E, Text> texts = new EnumMap<>(type);
    for (E constant : type.getEnumConstants()) {
      texts.put(constant, Text.of(wireName.apply(constant)));
    }
    return texts;
  }

  static void galleryPage(JsonBytes out, GalleryPage answer) {
    Page<GalleryItem> page = answer.page();
    out.beginObject().name(ITEMS).beginArray();
    for (GalleryItem item : page.items()) {
      product(out, item, answer.publicBaseUrl());
    }
    out.endArray().name(TOTAL).value(page.total()).name(LIMIT).value(page.limit()).name(OFFSET).value(page.offset())
        .endObject();
  }

  static void bulkDonations(JsonBytes out, BulkDonations answer) {
    out.beginObject().name(ITEMS).beginArray();
    for (ProductDonations item : answer.items()) {
      out.beginObject().name(PRODUCT_ID).value(item.productId()).name(POST_ID).value(item.postId())
          .name(COMMISSION);
      donation(out, item.commission());
      out.name(SUPPORTS).beginArray();
      for (DonationSummary support : item.supports()) {
        donation(out, support);
      }
      out.endArray().name(SUPPORT_COUNT).value(item.supportCount())
          .name(SUPPORT_TOTAL_CENTS).value(item.supportTotal().cents())
          .name(SUPPORT_TOTAL_USD).usd(item.supportTotal().cents())
          .endObject();
    }
    out.endArray().name(TOTAL).value(answer.items().size()).endObject();
  }

  /** As {@link ApiModels.ProductJson#of} makes it. */
  static void product(JsonBytes out, GalleryItem item, String publicBaseUrl) {
    Product p = item.product();
    out.beginObject()
        .name(ID).value(p.id())
        .name(POST_ID).value(p.postId())
        .name(SUBREDDIT).value(p.subreddit())
        .name(POST_TITLE).value(p.postTitle())
        .name(THEME).value(p.idea().theme())
        .name(IMAGE_TITLE).value(p.idea().imageTitle())
        .name(IMAGE_DESCRIPTION).value(p.idea().imageDescription())
        .name(IMAGE_URL).value(PublicLinks.resolve(publicBaseUrl, p.image().url()))
        .name(PRODUCT_URL).value(PublicLinks.resolve(publicBaseUrl, p.links().productUrl()))
        .name(AFFILIATE_URL).value(PublicLinks.resolve(publicBaseUrl, p.links().affiliateUrl()))
        .name(PAGE_URL).value(publicBaseUrl + "/p/" + p.id())
        .name(TEMPLATE_ID).value(p.links().templateId())
        .name(PROMPT_VERSION).value(p.promptVersion())
        .name(IDEA_MODEL).value(p.ideaModel())
        .name(IMAGE_MODEL).value(p.imageModel())
        .name(IMAGE_QUALITY).value(QUALITIES.get(p.imageQuality()))
        .name(CREATED_AT).value(p.createdAt())
        .name(POST);
    post(out, item.post());
    out.name(COMMISSION);
    donation(out, item.commission());
    out.name(SUPPORT).beginObject()
        .name(COUNT).value(item.supportCount())
        .name(AMOUNT_CENTS).value(item.supportTotal().cents())
        .name(AMOUNT_USD).usd(item.supportTotal().cents())
        .endObject()
        .endObject();
  }

  /** As {@link ApiModels.PostJson#of} makes it. */
  private static void post(JsonBytes out, Post post) {
    if (post == null) {
      out.nullValue();
      return;
    }
    out.beginObject()
        .name(ID).value(post.id())
        .name(SUBREDDIT).value(post.subreddit())
        .name(TITLE).value(post.title())
        .name(AUTHOR).value(post.author())
        .name(URL).value(post.permalink())
        .name(SCORE).value(post.score())
        .name(COMMENT_COUNT).value(post.commentCount())
        .name(CREATED_AT).value(post.createdAt())
        .endObject();
  }

  /** As {@link ApiModels.DonationJson#of} makes it. */
  private static void donation(JsonBytes out, DonationSummary d) {
    if (d == null) {
      out.nullValue();
      return;
    }
    out.beginObject()
        .name(ID).value(d.id())
        .name(AMOUNT_CENTS).value(d.amount().cents())
        .name(AMOUNT_USD).usd(d.amount().cents())
        .name(TIER).value(d.tier())
        .name(DONATION_TYPE).value(TYPES.get(d.type()))
        .name(COMMISSION_TYPE).value(d.commissionType() == null ? null : COMMISSION_TYPES.get(d.commissionType()))
        .name(STATUS).value(STATUSES.get(d.status()))
        .name(DONOR_NAME).value(d.donorName())
        .name(REDDIT_USERNAME).value(d.redditUsername())
        .name(MESSAGE).value(d.message())
        .name(SUBREDDIT).value(d.subreddit())
        .name(POST_ID).value(d.postId())
        .name(CREATED_AT).value(d.createdAt())
        .endObject();
  }
}
