package ai.clouvel.server.api;

import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.server.http.ApiException;
import ai.clouvel.server.http.Pagination;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Tasks: listing, one task, and the admin's view of the queue, retry and cancel. */
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
    routes.get("/api/admin/tasks", this::adminList);
  }

  private void list(Context ctx) {
    server.json().send(ctx, 200, ApiModels.PageJson.of(server.store().tasks().list(Pagination.of(ctx), status(ctx)),
        ApiModels.TaskJson::of));
  }

  /**
   * The admin's view of the queue: each task with its donation's state (paid, refund pending,
   * refunded), in two statements whatever the page size.
   */
  private void adminList(Context ctx) {
    server.guards().requireAdmin(ctx);
    Page<Task> tasks = server.store().tasks().list(Pagination.of(ctx), status(ctx));
    Map<Long, Donation> donations = server.store().donations().findAll(tasks.items().stream()
        .map(Task::donationId).filter(Objects::nonNull).toList());
    server.json().send(ctx, 200, ApiModels.PageJson.of(tasks, task -> {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("task", ApiModels.TaskJson.of(task));
      json.put("donation", task.donationId() == null ? null : donationJson(donations.get(task.donationId())));
      return json;
    }));
  }

  /** What an admin needs of a task's donation: no email and no name. */
  private static Map<String, Object> donationJson(Donation d) {
    if (d == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", d.id());
    json.put("payment_id", d.paymentId());
    json.put("status", d.status().wireName());
    json.put("source", d.source().wireName());
    json.put("gateway", d.gateway() == null ? null : d.gateway().value());
    json.put("amount_cents", d.amount().cents());
    json.put("amount_usd", d.amount().toUsdString());
    json.put("tier", d.tier());
    return json;
  }

  private static TaskStatus status(Context ctx) {
    String statusParam = ctx.queryParam("status");
    if (statusParam == null || statusParam.isBlank()) {
      return null;
    }
    return TaskStatus.fromWire(statusParam).orElseThrow(() -> ApiException.badRequest("invalid_status",
        "status must be pending, in_progress, completed, failed or cancelled"));
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
