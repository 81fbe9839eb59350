package ai.clouvel.server.api;

import ai.clouvel.core.agent.AgentAction;
import ai.clouvel.core.agent.CommunityAgent;
import ai.clouvel.core.agent.ScannedPost;
import ai.clouvel.core.agent.ScannerAgent;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.Goal;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.schedule.SchedulerSettings;
import ai.clouvel.core.task.Task;
import ai.clouvel.server.http.ApiException;
import ai.clouvel.server.http.Pagination;
import ai.clouvel.server.http.RequestFields;
import ai.clouvel.server.http.ResponseCache;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Admin: the scheduler, publishing to the community, and the agents' controls. All need X-Admin-Secret. */
final class AdminApi {
  private final ServerContext server;

  AdminApi(ServerContext server) {
    this.server = server;
  }

  void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/admin/scheduler/status", this::schedulerStatus);
    routes.post("/api/admin/scheduler/config", this::schedulerConfig);
    routes.post("/api/admin/scheduler/run-now", this::schedulerRunNow);
    routes.post("/api/publish/product/{id}", this::publish);
    routes.post("/api/admin/goals", this::createGoal);
    routes.post("/api/admin/agents/scan", this::scan);
    routes.get("/api/admin/agents/candidates", this::candidates);
    routes.get("/api/admin/agents/actions", this::actions);
  }

  private void schedulerStatus(Context ctx) {
    server.guards().requireAdmin(ctx);
    server.json().send(ctx, 200, json(server.clouvel().commissions().schedule()));
  }

  private void schedulerConfig(Context ctx) {
    server.guards().requireAdmin(ctx);
    RequestFields fields = new RequestFields(server.json().readObject(ctx.body()));
    SchedulerSettings current = server.clouvel().commissions().schedule();
    Boolean enabled = fields.bool("enabled", current.enabled());
    Integer minutes = fields.integer("interval_minutes", false, 1, 7 * 24 * 60);
    CommissionType type = fields.choice("commission_type", false, CommissionType::fromWire,
        "random_random, random_subreddit");
    String subreddit = fields.string("subreddit", false, 30);
    fields.validate();
    SchedulerSettings updated;
    try {
      updated = new SchedulerSettings(enabled,
          minutes == null ? current.interval() : Duration.ofMinutes(minutes),
          type == null ? current.commissionType() : type,
          subreddit == null ? current.subreddit() : subreddit,
          current.lastRunAt());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_scheduler_config", e.getMessage());
    }
    server.json().send(ctx, 200, json(server.clouvel().commissions().updateSchedule(updated)));
  }

  private void schedulerRunNow(Context ctx) {
    server.guards().requireAdmin(ctx);
    Task task = server.clouvel().commissions().runScheduleNow();
    server.json().send(ctx, 201, ApiModels.TaskJson.of(task));
  }

  private void publish(Context ctx) {
    server.guards().requireAdmin(ctx);
    long id = ProductsApi.productId(ctx.pathParam("id"));
    String target = ctx.queryParam("target") == null ? "comment" : ctx.queryParam("target");
    CommunityAgent.Target where = switch (target) {
      case "comment" -> CommunityAgent.Target.COMMENT;
      case "post" -> CommunityAgent.Target.POST;
      default -> throw ApiException.badRequest("invalid_target", "target must be comment or post");
    };
    String dryRunParam = ctx.queryParam("dry_run");
    if (dryRunParam != null && !dryRunParam.equals("true") && !dryRunParam.equals("false")) {
      throw ApiException.badRequest("invalid_dry_run", "dry_run must be true or false");
    }
    boolean dryRun = !"false".equals(dryRunParam);
    Product product = server.store().products().find(id).orElseThrow(() -> ApiException.notFound("product " + id));
    if (!dryRun && !server.community().canPublish()) {
      throw new ApiException(409, "publishing_unavailable",
          "no Reddit account is configured for posting; use dry_run=true");
    }
    AgentAction action;
    try {
      action = server.community().announce(product, where, dryRun);
    } catch (IllegalStateException e) {
      throw new ApiException(409, "publishing_in_progress", e.getMessage());
    }
    server.json().send(ctx, 200, Map.of("action", AgentsApi.actionJson(action),
        "already_published", "duplicate".equals(action.outcome())));
  }

  private void createGoal(Context ctx) {
    server.guards().requireAdmin(ctx);
    RequestFields fields = new RequestFields(server.json().readObject(ctx.body()));
    String title = fields.string("title", true, 200);
    String subreddit = fields.string("subreddit", false, 30);
    Money target = fields.money("target_usd", true);
    Integer days = fields.integer("days", false, 1, 3650);
    fields.validate();
    Instant now = server.clouvel().clock().instant();
    Goal goal = server.store().goals().create(title, subreddit, target, now,
        days == null ? null : now.plus(Duration.ofDays(days)));
    server.cache().invalidate(List.of(ResponseCache.DONATIONS));
    server.json().send(ctx, 201, ApiModels.GoalJson.of(goal));
  }

  private void scan(Context ctx) {
    server.guards().requireAdmin(ctx);
    String subreddit = ctx.queryParam("subreddit");
    List<String> subreddits = subreddit == null || subreddit.isBlank()
        ? server.clouvel().content().suggestedSubreddits() : List.of(subreddit.strip());
    ScannerAgent.ScanReport report = server.scanner().scan(subreddits, 25);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scanned", report.scanned());
    json.put("candidates", report.candidates());
    json.put("subreddits", subreddits);
    server.json().send(ctx, 200, json);
  }

  private void candidates(Context ctx) {
    server.guards().requireAdmin(ctx);
    List<Map<String, Object>> items = server.store().agents().candidates(Pagination.of(ctx).limit()).stream()
        .map(AdminApi::scanJson).toList();
    server.json().send(ctx, 200, ApiModels.ItemsJson.of(items));
  }

  private void actions(Context ctx) {
    server.guards().requireAdmin(ctx);
    String agent = ctx.queryParam("agent");
    if (agent != null && !agent.equals("scanner") && ai.clouvel.core.agent.AgentKind.fromWire(agent).isEmpty()
        && !agent.equals("publisher")) {
      throw ApiException.badRequest("invalid_agent", "agent must be community, promoter or scanner");
    }
    server.json().send(ctx, 200, ApiModels.PageJson.of(server.store().agents().actions(Pagination.of(ctx), agent),
        AgentsApi::actionJson));
  }

  private ApiModels.SchedulerJson json(SchedulerSettings s) {
    return new ApiModels.SchedulerJson(s.enabled(), s.interval().toMinutes(), s.commissionType().wireName(),
        s.subreddit(), s.lastRunAt() == null ? null : s.lastRunAt().toString(),
        s.enabled() ? s.nextRunAt(server.clouvel().clock().instant()).toString() : null);
  }

  private static Map<String, Object> scanJson(ScannedPost p) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("post_id", p.postId());
    json.put("subreddit", p.subreddit());
    json.put("title", p.title());
    json.put("score", p.score());
    json.put("verdict", p.verdict());
    json.put("scanned_at", p.scannedAt().toString());
    return json;
  }
}
