package ai.clouvel.server.api;

import ai.clouvel.core.commission.CommissionRequest;
import ai.clouvel.core.commission.ValidatedCommission;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.task.Task;
import ai.clouvel.server.http.RequestFields;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Commission validation and the admin's manual commissions; reads commission requests for checkout too. */
final class CommissionsApi {
  private static final Pattern REDDIT_USERNAME = Pattern.compile("(?:u/)?[A-Za-z0-9_-]{3,20}");

  private final ServerContext server;

  CommissionsApi(ServerContext server) {
    this.server = server;
  }

  void register(JavalinDefaultRoutingApi routes) {
    routes.post("/api/commissions/validate", this::validate);
    routes.post("/api/commissions/manual-create", this::manualCreate);
  }

  private void validate(Context ctx) {
    ValidatedCommission validated = server.clouvel().commissions().validate(read(ctx, true));
    server.json().send(ctx, 200, new ApiModels.ValidationJson(true, validated.tierName(),
        validated.quality().name().toLowerCase(Locale.ROOT), validated.request().amount().cents(),
        validated.request().amount().toUsdString(), ApiModels.PostJson.of(validated.post()),
        validated.post() == null ? null : excerpt(validated.post().text())));
  }

  /** The start of a post's text for a preview: whole words, at most 200 characters. */
  static String excerpt(String text) {
    String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (flat.length() <= 200) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', 200);
    return flat.substring(0, cut > 0 ? cut : 200) + "…";
  }

  private void manualCreate(Context ctx) {
    server.guards().requireAdmin(ctx);
    Task task = server.clouvel().commissions().createManual(read(ctx, false));
    server.json().send(ctx, 201, ApiModels.TaskJson.of(task));
  }

  /** Reads the commission request of the design's sample body, checking every field. */
  CommissionRequest read(Context ctx, boolean amountRequired) {
    Map<String, Object> body = server.json().readObject(ctx.body());
    RequestFields fields = new RequestFields(body);
    Money amount = fields.money("amount_usd", amountRequired);
    DonationType donationType = fields.choice("donation_type", true, DonationType::fromWire, "commission, support");
    CommissionType commissionType = fields.choice("commission_type", donationType == DonationType.COMMISSION,
        CommissionType::fromWire, "random_random, random_subreddit, specific_post");
    String subreddit = fields.string("subreddit", false, 30);
    String postId = fields.string("post_id", false, 300);
    String email = fields.email("customer_email");
    String name = fields.string("customer_name", false, 100);
    String reddit = fields.matching("reddit_username", REDDIT_USERNAME, 22, "must be a Reddit username");
    boolean anonymous = fields.bool("is_anonymous", false);
    String message = fields.string("commission_message", false, 500);
    fields.validate();
    if (reddit != null && reddit.startsWith("u/")) {
      reddit = reddit.substring(2);
    }
    return new CommissionRequest(amount == null ? Money.ZERO : amount, donationType, commissionType, subreddit,
        postId, new Donor(email, name, reddit, anonymous), message);
  }
}
