package ai.clouvel.server.api;

import ai.clouvel.core.commission.WorkerPool;
import ai.clouvel.core.usage.UsageTotals;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/** Liveness with a database check, and the status page. */
final class StatusApi {
  private final ServerContext server;

  StatusApi(ServerContext server) {
    this.server = server;
  }

  void register(JavalinDefaultRoutingApi routes) {
    routes.get("/health", this::health);
    routes.get("/api/status", this::status);
  }

  private void health(Context ctx) {
    boolean healthy = server.store().isHealthy();
    server.json().send(ctx, healthy ? 200 : 503, ApiModels.HealthJson.of(healthy, server.clouvel().clock().instant()));
  }

  private void status(Context ctx) {
    UsageTotals usage = server.store().usage().totals();
    WorkerPool workers = server.clouvel().commissions().workers();
    server.json().send(ctx, 200, new ApiModels.StatusJson(server.version(), server.mode(), server.providers(),
        new ApiModels.DatabaseJson(server.store().describe(), server.store().isHealthy()),
        server.store().tasks().depth(),
        new ApiModels.WorkersJson(workers.size(), workers.busyWorkers(), workers.isRunning()),
        new ApiModels.UsageJson(usage.calls(), usage.inputTokens(), usage.outputTokens(), usage.images(), usage.costUsd()),
        server.store().donations().totals().total().toUsdString(),
        server.config().adminEnabled(), server.clouvel().clock().instant().toString()));
  }
}
