package ai.clouvel.server.ws;

import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.event.EventBus;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.task.Task;
import ai.clouvel.server.api.ApiModels;
import ai.clouvel.server.http.ApiException;
import ai.clouvel.server.http.Json;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.websocket.WsContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket protocol of {@code /ws} and {@code /ws/tasks}. Clients send {@code subscribe} and
 * {@code unsubscribe} with a {@code task_id}, and {@code ping}; the server answers
 * {@code subscribed}, {@code unsubscribed} and {@code pong}, sends {@code task_update} to the
 * subscribers of a task only, and {@code general_update} {@code task_created} to everyone.
 * Messages go out on one sender thread, so workers never wait on a slow client and each
 * connection receives its messages in order.
 */
public final class TaskUpdates implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TaskUpdates.class);
  private static final int MAX_SUBSCRIPTIONS = 100;

  private final Json json;
  private final ClouvelStore store;
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();
  private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "clouvel-ws-sender");
    thread.setDaemon(true);
    return thread;
  });
  private final EventBus.Subscription subscription;

  public TaskUpdates(EventBus events, ClouvelStore store, Json json) {
    this.json = json;
    this.store = store;
    this.subscription = events.subscribe(this::onEvent);
  }

  /** Registers the endpoint at a path. */
  public void register(JavalinDefaultRoutingApi routes, String path) {
    routes.ws(path, ws -> {
      ws.onConnect(ctx -> connections.put(ctx.sessionId(), new Connection(ctx)));
      ws.onMessage(ctx -> onMessage(ctx, ctx.message()));
      ws.onClose(ctx -> connections.remove(ctx.sessionId()));
      ws.onError(ctx -> connections.remove(ctx.sessionId()));
    });
  }

  /** How many clients are connected. */
  public int connectionCount() {
    return connections.size();
  }

  private void onMessage(WsContext ctx, String text) {
    Connection connection = connections.computeIfAbsent(ctx.sessionId(), id -> new Connection(ctx));
    Map<String, Object> message;
    try {
      message = json.readObject(text);
    } catch (ApiException e) {
      send(connection, error("invalid_json", "messages must be JSON objects with a type"));
      return;
    }
    Object type = message.get("type");
    Object taskId = message.get("task_id");
    switch (type instanceof String t ? t : "") {
      case "ping" -> send(connection, Map.of("type", "pong"));
      case "subscribe" -> {
        if (!(taskId instanceof String id) || id.isBlank()) {
          send(connection, error("missing_task_id", "subscribe needs a task_id"));
        } else if (connection.tasks.size() >= MAX_SUBSCRIPTIONS) {
          send(connection, error("too_many_subscriptions", "at most " + MAX_SUBSCRIPTIONS + " tasks per connection"));
        } else {
          Optional<Task> task = store.tasks().find(id);
          if (task.isEmpty()) {
            send(connection, error("task_not_found", "task " + id + " was not found"));
          } else {
            connection.tasks.add(id);
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("type", "subscribed");
            reply.put("task_id", id);
            reply.put("data", ApiModels.TaskJson.of(task.get()));
            send(connection, reply);
          }
        }
      }
      case "unsubscribe" -> {
        String id = taskId instanceof String s ? s : "";
        connection.tasks.remove(id);
        send(connection, Map.of("type", "unsubscribed", "task_id", id));
      }
      default -> send(connection, error("unknown_type", "type must be subscribe, unsubscribe or ping"));
    }
  }

  private void onEvent(ClouvelEvent event) {
    if (event instanceof ClouvelEvent.TaskUpdated update) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("status", update.status().wireName());
      data.put("stage", update.progress().stage().wireName());
      data.put("progress", update.progress().percent());
      data.put("message", update.progress().message());
      data.put("product_id", update.productId());
      data.put("error", update.error());
      data.put("updated_at", update.at().toString());
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("type", "task_update");
      message.put("task_id", update.taskId());
      message.put("data", data);
      for (Connection connection : connections.values()) {
        if (connection.tasks.contains(update.taskId())) {
          send(connection, message);
        }
      }
    } else if (event instanceof ClouvelEvent.TaskCreated created) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("task_id", created.task().id());
      data.put("status", created.task().status().wireName());
      data.put("commission_type", created.task().spec().type().wireName());
      data.put("subreddit", created.task().spec().subreddit());
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("type", "general_update");
      message.put("event", "task_created");
      message.put("data", data);
      connections.values().forEach(connection -> send(connection, message));
    }
  }

  private void send(Connection connection, Map<String, ?> message) {
    String text = json.write(message);
    sender.execute(() -> {
      if (!connection.ctx.session.isOpen()) {
        connections.remove(connection.ctx.sessionId());
        return;
      }
      Callback.Completable done = new Callback.Completable();
      connection.ctx.session.sendText(text, done);
      try {
        done.get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.debug("Dropping WebSocket client {}: {}", connection.ctx.sessionId(), e.toString());
        connections.remove(connection.ctx.sessionId());
      }
    });
  }

  private static Map<String, Object> error(String code, String message) {
    return Map.of("type", "error", "error", Map.of("code", code, "message", message));
  }

  @Override
  public void close() {
    subscription.close();
    sender.shutdownNow();
  }

  /** One client and the tasks it follows. */
  private static final class Connection {
    final WsContext ctx;
    final Set<String> tasks = ConcurrentHashMap.newKeySet();

    Connection(WsContext ctx) {
      this.ctx = ctx;
    }
  }
}
