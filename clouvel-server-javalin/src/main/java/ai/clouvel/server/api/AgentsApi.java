package ai.clouvel.server.api;

import ai.clouvel.core.agent.ActionType;
import ai.clouvel.core.agent.AgentAction;
import ai.clouvel.core.agent.AgentKind;
import ai.clouvel.core.agent.AgentRun;
import ai.clouvel.core.agent.AgentSettings;
import ai.clouvel.core.agent.Persona;
import ai.clouvel.server.http.ApiException;
import ai.clouvel.server.http.RequestFields;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Admin controls of the community and promoter agents: status, run now, enable, disable, caps, persona. */
final class AgentsApi {
  private final ServerContext server;

  AgentsApi(ServerContext server) {
    this.server = server;
  }

  void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/admin/agents/status", this::status);
    routes.post("/api/admin/agents/{agent}/run", this::run);
    routes.post("/api/admin/agents/{agent}/enable", ctx -> enable(ctx, true));
    routes.post("/api/admin/agents/{agent}/disable", ctx -> enable(ctx, false));
    routes.post("/api/admin/agents/{agent}/config", this::config);
    routes.post("/api/admin/agents/{agent}/persona", this::persona);
  }

  private void status(Context ctx) {
    server.guards().requireAdmin(ctx);
    List<Map<String, Object>> agents = new ArrayList<>();
    for (AgentKind kind : AgentKind.values()) {
      agents.add(statusJson(kind));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("agents", agents);
    json.put("can_publish", server.community().canPublish());
    json.put("schedule_running", server.clouvel().agents().isStarted());
    server.json().send(ctx, 200, json);
  }

  private void run(Context ctx) {
    server.guards().requireAdmin(ctx);
    AgentKind kind = agent(ctx);
    String dryRunParam = ctx.queryParam("dry_run");
    if (dryRunParam != null && !dryRunParam.equals("true") && !dryRunParam.equals("false")) {
      throw ApiException.badRequest("invalid_dry_run", "dry_run must be true or false");
    }
    boolean dryRun = !"false".equals(dryRunParam);
    if (!dryRun && !server.community().canPublish()) {
      throw new ApiException(409, "publishing_unavailable",
          "no Reddit account is configured for posting; use dry_run=true");
    }
    AgentRun run = server.clouvel().agents().runNow(kind, dryRun);
    server.json().send(ctx, 200, runJson(run));
  }

  private void enable(Context ctx, boolean on) {
    server.guards().requireAdmin(ctx);
    AgentKind kind = agent(ctx);
    AgentSettings settings = server.store().agents().settings(kind).withEnabled(on);
    server.store().agents().saveSettings(kind, settings);
    server.json().send(ctx, 200, statusJson(kind));
  }

  private void config(Context ctx) {
    server.guards().requireAdmin(ctx);
    AgentKind kind = agent(ctx);
    Map<String, Object> body = server.json().readObject(ctx.body());
    RequestFields fields = new RequestFields(body);
    AgentSettings current = server.store().agents().settings(kind);
    boolean enabled = fields.bool("enabled", current.enabled());
    boolean dryRun = fields.bool("dry_run", current.dryRun());
    Integer minutes = fields.integer("interval_minutes", false, 1, 7 * 24 * 60);
    Integer cooldownHours = fields.integer("cooldown_hours", false, 0, 24 * 30);
    Integer minScore = fields.integer("min_score", false, 0, 10);
    String community = fields.matching("community_subreddit", java.util.regex.Pattern.compile("(r/)?[A-Za-z0-9_]{2,21}"),
        24, "must be a subreddit name");
    Map<ActionType, Integer> caps = caps(body.get("daily_caps"), current.dailyCaps(), fields);
    List<String> subreddits = names(body.get("subreddits"), "subreddits", current.subreddits(), fields);
    List<String> deny = names(body.get("deny_list"), "deny_list", List.copyOf(current.denyList()), fields);
    fields.validate();
    AgentSettings updated;
    try {
      updated = new AgentSettings(enabled, dryRun,
          minutes == null ? current.interval() : Duration.ofMinutes(minutes), caps, current.persona(),
          community == null ? current.communitySubreddit() : community, subreddits, Set.copyOf(deny),
          cooldownHours == null ? current.cooldown() : Duration.ofHours(cooldownHours),
          minScore == null ? current.minScore() : minScore);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_agent_config", e.getMessage());
    }
    server.store().agents().saveSettings(kind, updated);
    server.json().send(ctx, 200, statusJson(kind));
  }

  private void persona(Context ctx) {
    server.guards().requireAdmin(ctx);
    AgentKind kind = agent(ctx);
    RequestFields fields = new RequestFields(server.json().readObject(ctx.body()));
    String name = fields.string("name", true, 40);
    String prompt = fields.string("system_prompt", true, 4_000);
    fields.validate();
    AgentSettings s = server.store().agents().settings(kind);
    server.store().agents().saveSettings(kind, new AgentSettings(s.enabled(), s.dryRun(), s.interval(),
        s.dailyCaps(), new Persona(name, prompt), s.communitySubreddit(), s.subreddits(), s.denyList(), s.cooldown(),
        s.minScore()));
    server.json().send(ctx, 200, statusJson(kind));
  }

  private static AgentKind agent(Context ctx) {
    return AgentKind.fromWire(ctx.pathParam("agent"))
        .orElseThrow(() -> ApiException.notFound("agent " + ctx.pathParam("agent")));
  }

  private static Map<ActionType, Integer> caps(Object value, Map<ActionType, Integer> current, RequestFields fields) {
    if (value == null) {
      return current;
    }
    if (!(value instanceof Map<?, ?> map)) {
      fields.problem("daily_caps", "invalid_type", "daily_caps must be an object of action to number");
      return current;
    }
    Map<ActionType, Integer> caps = new EnumMap<>(ActionType.class);
    caps.putAll(current);
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      ActionType type = ActionType.fromWire(key).filter(t -> t != ActionType.NOTHING).orElse(null);
      if (type == null) {
        fields.problem("daily_caps." + key, "invalid_value", "not an action: " + key
            + " (reply, welcome, announce, promote)");
      } else if (entry.getValue() instanceof BigDecimal number && number.scale() <= 0
          && number.compareTo(BigDecimal.ZERO) >= 0 && number.compareTo(BigDecimal.valueOf(1_000)) <= 0) {
        caps.put(type, number.intValue());
      } else {
        fields.problem("daily_caps." + key, "invalid_value", "a daily cap must be a whole number from 0 to 1000");
      }
    }
    return caps;
  }

  private static List<String> names(Object value, String field, List<String> current, RequestFields fields) {
    if (value == null) {
      return current;
    }
    if (!(value instanceof List<?> list) || list.size() > 100) {
      fields.problem(field, "invalid_type", field + " must be a list of at most 100 subreddit names");
      return current;
    }
    Set<String> names = new LinkedHashSet<>();
    for (Object item : list) {
      if (item instanceof String name && name.strip().matches("(r/)?[A-Za-z0-9_]{2,21}")) {
        names.add(name.strip());
      } else {
        fields.problem(field, "invalid_value", field + " must hold subreddit names");
        return current;
      }
    }
    return List.copyOf(names);
  }

  private Map<String, Object> statusJson(AgentKind kind) {
    AgentSettings s = server.store().agents().settings(kind);
    Instant dayStart = server.clouvel().clock().instant().truncatedTo(ChronoUnit.DAYS);
    Map<String, Object> caps = new LinkedHashMap<>();
    Map<String, Object> today = new LinkedHashMap<>();
    for (ActionType type : ActionType.values()) {
      if (type != ActionType.NOTHING && s.dailyCaps().containsKey(type)) {
        caps.put(type.wireName(), s.capOf(type));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("live", server.store().agents().countActions(kind.wireName(), type, false, dayStart));
        counts.put("dry_run", server.store().agents().countActions(kind.wireName(), type, true, dayStart));
        today.put(type.wireName(), counts);
      }
    }
    Map<String, Object> persona = new LinkedHashMap<>();
    persona.put("name", s.persona().name());
    persona.put("system_prompt", s.persona().systemPrompt());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("agent", kind.wireName());
    json.put("enabled", s.enabled());
    json.put("dry_run", s.dryRun());
    json.put("interval_minutes", s.interval().toMinutes());
    json.put("daily_caps", caps);
    json.put("today", today);
    json.put("persona", persona);
    json.put("community_subreddit", s.communitySubreddit());
    json.put("subreddits", s.subreddits());
    json.put("deny_list", s.denyList().stream().sorted().toList());
    json.put("cooldown_hours", s.cooldown().toHours());
    json.put("min_score", s.minScore());
    json.put("last_run_at", server.store().agents().lastRun(kind).map(Instant::toString).orElse(null));
    return json;
  }

  static Map<String, Object> runJson(AgentRun run) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("agent", run.agent().wireName());
    json.put("dry_run", run.dryRun());
    json.put("decisions", run.decisions());
    json.put("actions", run.actions());
    json.put("refused", run.refused());
    json.put("capped", run.capped());
    json.put("cost_usd", usd(run.costMicros()));
    json.put("records", run.records().stream().map(AgentsApi::actionJson).toList());
    return json;
  }

  private static String usd(long micros) {
    return BigDecimal.valueOf(micros, 6).toPlainString();
  }

  static Map<String, Object> actionJson(AgentAction a) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", a.id());
    json.put("agent", a.agent());
    json.put("action", a.action());
    json.put("target", a.target());
    json.put("subreddit", a.subreddit());
    json.put("content", a.content());
    json.put("reason", a.reason());
    json.put("dry_run", a.dryRun());
    json.put("outcome", a.outcome());
    json.put("reddit_id", a.redditId().isEmpty() ? null : a.redditId());
    json.put("cost_usd", usd(a.costMicros()));
    json.put("created_at", a.createdAt().toString());
    return json;
  }
}
