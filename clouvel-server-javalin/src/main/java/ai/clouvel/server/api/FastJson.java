package ai.clouvel.server.api;

import ai.clouvel.server.http.Json;
import ai.clouvel.server.http.JsonBytes;

/**
 * Direct writers for the records of read answers (a product, lists of donations), so that they go
 * from records to response bytes in one pass; the gallery page and bulk donations skip the records
 * too ({@link HotAnswers}). Each writes exactly what Moshi writes
 * for the same record: its components in order, under their {@code @Json} names, nulls included
 * ({@code FastJsonTest} holds them to it).
 */
final class FastJson {
  private FastJson() {
  }

  static void register(Json json) {
    json.fastWriter(ApiModels.PageJson.class, (out, page) -> {
      out.beginObject().name("items").beginArray();
      for (Object item : page.items()) {
        json.writeValue(out, item);
      }
      out.endArray().name("total").value(page.total()).name("limit").value(page.limit())
          .name("offset").value(page.offset()).endObject();
    });
    json.fastWriter(ApiModels.ItemsJson.class, (out, list) -> {
      out.beginObject().name("items").beginArray();
      for (Object item : list.items()) {
        json.writeValue(out, item);
      }
      out.endArray().name("total").value(list.total()).endObject();
    });
    json.fastWriter(ApiModels.ProductJson.class, FastJson::product);
    json.fastWriter(ApiModels.DonationJson.class, FastJson::donation);
    json.fastWriter(ApiModels.PostJson.class, FastJson::post);
    json.fastWriter(ApiModels.SupportJson.class, FastJson::support);
  }

  static void product(JsonBytes out, ApiModels.ProductJson p) {
    out.beginObject()
        .name("id").value(p.id())
        .name("post_id").value(p.postId())
        .name("subreddit").value(p.subreddit())
        .name("post_title").value(p.postTitle())
        .name("theme").value(p.theme())
        .name("image_title").value(p.imageTitle())
        .name("image_description").value(p.imageDescription())
        .name("image_url").value(p.imageUrl())
        .name("product_url").value(p.productUrl())
        .name("affiliate_url").value(p.affiliateUrl())
        .name("page_url").value(p.pageUrl())
        .name("template_id").value(p.templateId())
        .name("prompt_version").value(p.promptVersion())
        .name("idea_model").value(p.ideaModel())
        .name("image_model").value(p.imageModel())
        .name("image_quality").value(p.imageQuality())
        .name("created_at").value(p.createdAt())
        .name("post");
    if (p.post() == null) {
      out.nullValue();
    } else {
      post(out, p.post());
    }
    out.name("commission");
    if (p.commission() == null) {
      out.nullValue();
    } else {
      donation(out, p.commission());
    }
    out.name("support");
    if (p.support() == null) {
      out.nullValue();
    } else {
      support(out, p.support());
    }
    out.endObject();
  }

  static void donation(JsonBytes out, ApiModels.DonationJson d) {
    out.beginObject()
        .name("id").value(d.id())
        .name("amount_cents").value(d.amountCents())
        .name("amount_usd").value(d.amountUsd())
        .name("tier").value(d.tier())
        .name("donation_type").value(d.donationType())
        .name("commission_type").value(d.commissionType())
        .name("status").value(d.status())
        .name("donor_name").value(d.donorName())
        .name("reddit_username").value(d.redditUsername())
        .name("message").value(d.message())
        .name("subreddit").value(d.subreddit())
        .name("post_id").value(d.postId())
        .name("created_at").value(d.createdAt())
        .endObject();
  }

  static void post(JsonBytes out, ApiModels.PostJson p) {
    out.beginObject()
        .name("id").value(p.id())
        .name("subreddit").value(p.subreddit())
        .name("title").value(p.title())
        .name("author").value(p.author())
        .name("url").value(p.url())
        .name("score").value(p.score())
        .name("comment_count").value(p.commentCount())
        .name("created_at").value(p.createdAt())
        .endObject();
  }

  static void support(JsonBytes out, ApiModels.SupportJson s) {
    out.beginObject().name("count").value(s.count()).name("amount_cents").value(s.amountCents())
        .name("amount_usd").value(s.amountUsd()).endObject();
  }
}
