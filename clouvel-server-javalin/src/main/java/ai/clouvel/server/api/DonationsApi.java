package ai.clouvel.server.api;

import ai.clouvel.core.commission.CommissionRequest;
import ai.clouvel.core.commission.Commissions;
import ai.clouvel.core.commission.FulfilmentOutcome;
import ai.clouvel.core.donation.CommissionRules;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationSummary;
import ai.clouvel.core.donation.DonationTotals;
import ai.clouvel.core.donation.Tier;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.task.Task;
import ai.clouvel.server.http.ApiException;
import ai.clouvel.server.http.Pagination;
import ai.clouvel.server.http.ResponseCache;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Tiers, checkout, payment intents, the webhook, donation status and donation summaries. */
final class DonationsApi {
  private final ServerContext server;
  private final CommissionsApi commissions;

  DonationsApi(ServerContext server, CommissionsApi commissions) {
    this.server = server;
    this.commissions = commissions;
  }

  void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/donation-tiers", this::tiers);
    routes.get("/api/donations/summary", this::summary);
    routes.get("/api/donations/by-subreddit", this::bySubreddit);
    routes.post("/api/donations/create-checkout-session", this::createCheckout);
    routes.post("/api/donations/create-payment-intent", this::createPaymentIntent);
    routes.post("/api/donations/webhook", this::webhook);
    routes.get("/api/donations/{payment_id}", this::status);
  }

  private void tiers(Context ctx) {
    CommissionRules rules = server.clouvel().commissionRules();
    List<ApiModels.CommissionTypeJson> types = new ArrayList<>();
    for (CommissionType type : CommissionType.values()) {
      Tier minimum = rules.minimumTier(type);
      types.add(new ApiModels.CommissionTypeJson(type.wireName(), minimum.name(), minimum.minimum().toUsdString()));
    }
    server.json().send(ctx, 200, new ApiModels.TiersJson(
        rules.tiers().tiers().stream().map(ApiModels.TierJson::of).toList(), types,
        rules.minimumAmount().toUsdString(), rules.maximumAmount().toUsdString()));
  }

  private void summary(Context ctx) {
    server.cache().serve(ctx, () -> new ResponseCache.Cacheable(summaryJson(), Set.of(ResponseCache.DONATIONS)));
  }

  private ApiModels.SummaryJson summaryJson() {
    DonationTotals totals = server.store().donations().totals();
    List<ApiModels.DonationJson> recent = server.store().donations().list(PageRequest.first(10), DonationStatus.SUCCEEDED)
        .items().stream().map(DonationSummary::of).map(ApiModels.DonationJson::of).toList();
    List<ApiModels.GoalJson> goals = server.store().goals().active(server.clouvel().clock().instant()).stream()
        .map(ApiModels.GoalJson::of).toList();
    return new ApiModels.SummaryJson(totals.donations(), totals.total().cents(),
        totals.total().toUsdString(), totals.commissions(), totals.supports(), totals.refunded(), goals, recent);
  }

  private void bySubreddit(Context ctx) {
    int limit = Pagination.of(ctx).limit();
    server.cache().serve(ctx, () -> new ResponseCache.Cacheable(ApiModels.ItemsJson.of(
        server.store().donations().bySubreddit(limit).stream().map(ApiModels.SubredditTotalJson::of).toList()),
        Set.of(ResponseCache.DONATIONS)));
  }

  private void createCheckout(Context ctx) {
    server.guards().limitCheckouts(ctx);
    CommissionRequest request = commissions.read(ctx, true);
    String base = server.config().publicBaseUrl();
    Commissions.CheckoutStarted started = server.clouvel().commissions().startCheckout(request,
        base + "/commission?checkout=success&payment_id={CHECKOUT_SESSION_ID}", base + "/commission?checkout=cancelled");
    Donation donation = started.donation();
    server.json().send(ctx, 201, new ApiModels.CheckoutJson(started.session().sessionId(),
        started.session().checkoutUrl(), donation.paymentId(), donation.tier(), donation.amount().cents(),
        donation.amount().toUsdString()));
  }

  private void createPaymentIntent(Context ctx) {
    server.guards().limitCheckouts(ctx);
    CommissionRequest request = commissions.read(ctx, true);
    Commissions.PaymentIntentStarted started = server.clouvel().commissions().startPaymentIntent(request);
    Donation donation = started.donation();
    server.json().send(ctx, 201, new ApiModels.PaymentIntentJson(started.intent().paymentIntentId(),
        started.intent().clientSecret(), donation.paymentId(), donation.tier(), donation.amount().cents(),
        donation.amount().toUsdString()));
  }

  private void webhook(Context ctx) {
    FulfilmentOutcome outcome = server.clouvel().commissions()
        .handleWebhook(ctx.body(), ctx.header("Stripe-Signature"));
    server.json().send(ctx, 200, new ApiModels.WebhookJson(true, outcome.result().name().toLowerCase(Locale.ROOT)));
  }

  private void status(Context ctx) {
    String paymentId = ctx.pathParam("payment_id");
    if (paymentId.length() > 200) {
      throw ApiException.notFound("donation");
    }
    Donation donation = server.store().donations().findByPaymentId(paymentId)
        .orElseThrow(() -> ApiException.notFound("donation"));
    Task task = server.store().tasks().findByDonation(donation.id()).orElse(null);
    server.json().send(ctx, 200, ApiModels.DonationStatusJson.of(donation, task));
  }
}
