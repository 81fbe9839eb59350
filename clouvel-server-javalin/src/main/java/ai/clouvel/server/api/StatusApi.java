package ai.clouvel.server.api;

import ai.clouvel.core.commission.Commissions;
import ai.clouvel.core.usage.UsageTotals;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

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

  private void status(Context ctx) {
    UsageTotals usage = server.store().usage().totals();
    Commissions.WorkerStatus workers = server.clouvel().commissions().workerStatus();
    server.json().send(ctx, 200, new ApiModels.StatusJson(server.version(), server.mode(), server.providers(),
        new ApiModels.DatabaseJson(server.store().describe(), databaseHealthy()),
        server.store().tasks().depth(),
        new ApiModels.WorkersJson(workers.workers(), workers.busy(), workers.running()),
        new ApiModels.UsageJson(usage.calls(), usage.inputTokens(), usage.outputTokens(), usage.images(), usage.costUsd()),
        server.store().donations().totals().total().toUsdString(),
        server.config().adminEnabled(), new ApiModels.CacheJson(server.cache().hits(), server.cache().misses()),
        server.clouvel().clock().instant().toString()));
  }
}
