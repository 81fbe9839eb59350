package ai.clouvel.server.api;

import ai.clouvel.core.commission.Commissions;
import ai.clouvel.core.usage.UsageTotals;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Liveness with a database check, and the status page. The database check is remembered for a
 * second, so that a flood of probes never queues on SQLite's single writer connection.
 */
final class StatusApi {
  private static final java.time.Duration HEALTH_MEMORY = java.time.Duration.ofSeconds(1);

  private final ServerContext server;
  private volatile HealthCheck lastCheck = new HealthCheck(false, java.time.Instant.MIN);

  StatusApi(ServerContext server) {
    this.server = server;
  }

  private record HealthCheck(boolean healthy, java.time.Instant at) {
  }

  private boolean databaseHealthy() {
    java.time.Instant now = server.clouvel().clock().instant();
    HealthCheck check = lastCheck;
    if (check.at().plus(HEALTH_MEMORY).isBefore(now)) {
      check = new HealthCheck(server.store().isHealthy(), now);
      lastCheck = check;
    }
    return check.healthy();
  }

  void register(JavalinDefaultRoutingApi routes) {
    routes.get("/health", this::health);
    routes.get("/api/status", this::status);
  }

  private void health(Context ctx) {
    boolean healthy = databaseHealthy();
    server.json().send(ctx, healthy ? 200 : 503, ApiModels.HealthJson.of(healthy, server.clouvel().clock().instant()));
  }

  /**
   * The status. The public sees the database's kind and health, never its address or file path,
   * and nothing about admin; a request with the admin secret also sees the database (without
   * credentials) and {@code admin_enabled}.
   */
  private void status(Context ctx) {
    boolean admin = server.guards().isAdmin(ctx);
    String database = server.store().describe();
    String kind = database.startsWith("sqlite") ? "sqlite" : database.startsWith("postgres") ? "postgresql" : "other";
    UsageTotals usage = server.store().usage().totals();
    Commissions.WorkerStatus workers = server.clouvel().commissions().workerStatus();
    Map<String, Object> db = new LinkedHashMap<>();
    db.put("kind", kind);
    db.put("healthy", databaseHealthy());
    if (admin) {
      db.put("url", database);
    }
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("version", server.version());
    status.put("mode", server.mode());
    status.put("providers", server.providers());
    status.put("database", db);
    status.put("queue_depth", server.store().tasks().depth());
    status.put("workers", new ApiModels.WorkersJson(workers.workers(), workers.busy(), workers.running()));
    status.put("usage", new ApiModels.UsageJson(usage.calls(), usage.inputTokens(), usage.outputTokens(), usage.images(),
        usage.costUsd()));
    status.put("donations_usd", server.store().donations().totals().total().toUsdString());
    if (admin) {
      status.put("admin_enabled", true);
    }
    status.put("cache", new ApiModels.CacheJson(server.cache().hits(), server.cache().misses()));
    status.put("server_time", server.clouvel().clock().instant().toString());
    server.json().send(ctx, 200, status);
  }
}
