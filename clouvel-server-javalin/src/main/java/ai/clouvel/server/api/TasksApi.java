package ai.clouvel.server.api;

import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.server.http.ApiException;
import ai.clouvel.server.http.Pagination;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/** Tasks: listing, one task, and the admin's retry and cancel. */
final class TasksApi {
  private final ServerContext server;

  TasksApi(ServerContext server) {
    this.server = server;
  }

  void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/tasks", this::list);
    routes.get("/api/tasks/{id}", this::one);
    routes.post("/api/tasks/{id}/retry", this::retry);
    routes.post("/api/tasks/{id}/cancel", this::cancel);
  }

  private void list(Context ctx) {
    String statusParam = ctx.queryParam("status");
    TaskStatus status = null;
    if (statusParam != null && !statusParam.isBlank()) {
      status = TaskStatus.fromWire(statusParam).orElseThrow(() -> ApiException.badRequest("invalid_status",
          "status must be pending, in_progress, completed, failed or cancelled"));
    }
    server.json().send(ctx, 200, ApiModels.PageJson.of(server.store().tasks().list(Pagination.of(ctx), status),
        ApiModels.TaskJson::of));
  }

  private void one(Context ctx) {
    server.json().send(ctx, 200, ApiModels.TaskJson.of(find(ctx)));
  }

  private void retry(Context ctx) {
    server.guards().requireAdmin(ctx);
    Task task = find(ctx);
    server.json().send(ctx, 200, ApiModels.TaskJson.of(server.clouvel().commissions().retry(task.id())));
  }

  private void cancel(Context ctx) {
    server.guards().requireAdmin(ctx);
    Task task = find(ctx);
    server.json().send(ctx, 200, ApiModels.TaskJson.of(server.clouvel().commissions().cancel(task.id())));
  }

  private Task find(Context ctx) {
    String id = ctx.pathParam("id");
    if (id.length() > 100) {
      throw ApiException.notFound("task");
    }
    return server.store().tasks().find(id).orElseThrow(() -> ApiException.notFound("task " + id));
  }
}
