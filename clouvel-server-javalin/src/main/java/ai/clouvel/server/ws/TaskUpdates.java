package ai.clouvel.server.ws;

import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.event.EventBus;
import ai.clouvel.core.store.ClouvelStore;
import ai.clouvel.core.store.StorageUnavailableException;
import ai.clouvel.core.task.Task;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.server.api.ApiModels;
import ai.clouvel.server.http.ApiException;
import ai.clouvel.server.http.Json;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.websocket.WsContext;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket protocol of {@code /ws} and {@code /ws/tasks}. Clients send {@code subscribe} and
 * {@code unsubscribe} with a {@code task_id}, and {@code ping}; the server answers
 * {@code subscribed}, {@code unsubscribed} and {@code pong}, sends {@code task_update} to the
 * subscribers of a task only, and {@code general_update} {@code task_created} to everyone.
 *
 * <p>Sending never waits for a client: every connection has a bounded {@link Outbox} that writes
 * one message at a time with Jetty's asynchronous send. Progress updates of a task replace each
 * other while they wait; terminal statuses and replies are never dropped. A client that falls
 * more than {@link WebSocketSettings#maxQueuedMessages()} messages behind is closed with
 * {@link #CLOSE_TOO_SLOW}. Each event becomes UTF-8 JSON once, in one buffer that every
 * subscriber's frame shares, and is fanned out on a few lanes (one thread per core, each
 * connection on one lane, each task's subscribers kept apart by lane), so the publisher (a worker,
 * a webhook, the event bus's listener) returns at once and each client receives messages in order.
 * A subscribed task that stays quiet is re-read from the store now and then, and its final status
 * sent if the event that carried it never arrived.
 * Quiet connections are pinged well within the idle timeout; client messages over
 * {@link WebSocketSettings#maxMessageBytes()} close the connection with 1009, and replies quote
 * at most {@value #QUOTE_CHARS} characters of what a client sent.
 */
public final class TaskUpdates implements AutoCloseable {
  /** Close code for a client too far behind: 1013, "try again later" (reconnect and re-read). */
  public static final int CLOSE_TOO_SLOW = 1013;
  /** Close code when the server stops: 1001, "going away". */
  public static final int CLOSE_SHUTDOWN = 1001;
  static final int QUOTE_CHARS = 64;
  private static final int MAX_TASK_ID_CHARS = 128;
  private static final int MAX_SUBSCRIPTIONS = 100;
  private static final Logger log = LoggerFactory.getLogger(TaskUpdates.class);

  private final Json json;
  private final ClouvelStore store;
  private final WebSocketSettings settings;
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();
  private final Map<String, Topic> topics = new ConcurrentHashMap<>();
  private final AtomicLong closedTooSlow = new AtomicLong();
  private final AtomicLong recheckedFinal = new AtomicLong();
  private final ExecutorService[] lanes;
  private final List<Set<Connection>> connectionsByLane = new ArrayList<>();
  private final AtomicLong connectionsOpened = new AtomicLong();
  private final ScheduledExecutorService pinger;
  private final ScheduledExecutorService rechecker;
  private final EventBus.Subscription subscription;

  /**
   * Relays the bus's task events to WebSocket clients.
   *
   * @param events the bus to follow
   * @param store where subscribe looks a task up
   * @param json the JSON codec
   * @param settings limits and keepalive
   */
  public TaskUpdates(EventBus events, ClouvelStore store, Json json, WebSocketSettings settings) {
    this.json = json;
    this.store = store;
    this.settings = settings;
    this.lanes = new ExecutorService[Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()))];
    for (int i = 0; i < lanes.length; i++) {
      String name = "clouvel-ws-fanout-" + i;
      lanes[i] = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, name));
      connectionsByLane.add(ConcurrentHashMap.newKeySet());
    }
    if (settings.pingsEnabled()) {
      long every = settings.pingInterval().toNanos();
      pinger = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "clouvel-ws-ping"));
      pinger.scheduleWithFixedDelay(() -> connections.values().forEach(c -> c.pingIfQuietFor(every / 2)),
          every / 2, every / 2, TimeUnit.NANOSECONDS);
    } else {
      pinger = null;
    }
    if (settings.rechecksEnabled()) {
      long every = settings.recheckInterval().toNanos();
      rechecker = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "clouvel-ws-recheck"));
      rechecker.scheduleWithFixedDelay(() -> recheckQuietTasks(every), every / 2, every / 2, TimeUnit.NANOSECONDS);
    } else {
      rechecker = null;
    }
    this.subscription = events.subscribe(this::onEvent);
  }

  /**
   * Registers the endpoint at a path.
   *
   * @param routes the server's routes
   * @param path for example {@code /ws}
   */
  public void register(JavalinDefaultRoutingApi routes, String path) {
    routes.ws(path, ws -> {
      ws.onConnect(this::open);
      ws.onMessage(ctx -> onMessage(ctx, ctx.message()));
      ws.onClose(ctx -> forget(ctx.sessionId()));
      ws.onError(ctx -> forget(ctx.sessionId()));
    });
  }

  /**
   * Returns how many clients are connected.
   *
   * @return the number of open connections
   */
  public int connectionCount() {
    return connections.size();
  }

  /**
   * Returns how many clients were closed for falling too far behind since the server started.
   *
   * @return the count
   */
  public long closedTooSlowCount() {
    return closedTooSlow.get();
  }

  /**
   * Returns how many final statuses a recheck found in the store and sent, because the event that
   * carried them never arrived.
   *
   * @return the count
   */
  public long recheckedFinalCount() {
    return recheckedFinal.get();
  }

  private void open(WsContext ctx) {
    ctx.session.setIdleTimeout(settings.idleTimeout());
    ctx.session.setMaxTextMessageSize(settings.maxMessageBytes());
    ctx.session.setMaxBinaryMessageSize(settings.maxMessageBytes());
    ctx.session.setMaxFrameSize(settings.maxMessageBytes());
    String id = ctx.sessionId();
    int lane = (int) (connectionsOpened.getAndIncrement() % lanes.length);
    Connection connection = new Connection(id, lane, ctx.session, settings.maxQueuedMessages(), error -> {
      log.debug("WebSocket write to {} failed: {}", id, error.toString());
      forget(id);
    });
    connections.put(id, connection);
    connectionsByLane.get(lane).add(connection);
  }

  private void onMessage(WsContext ctx, String text) {
    Connection connection = connections.get(ctx.sessionId());
    if (connection == null) {
      return;
    }
    Map<String, Object> message;
    try {
      message = json.readObject(text);
    } catch (ApiException e) {
      reply(connection, error("invalid_json", "messages must be JSON objects with a type"));
      return;
    }
    Object type = message.get("type");
    Object taskId = message.get("task_id");
    switch (type instanceof String t ? t : "") {
      case "ping" -> reply(connection, Map.of("type", "pong"));
      case "subscribe" -> subscribe(connection, taskId);
      case "unsubscribe" -> {
        String id = taskId instanceof String s ? s : "";
        unsubscribe(connection, id);
        reply(connection, Map.of("type", "unsubscribed", "task_id", quote(id)));
      }
      default -> reply(connection, error("unknown_type", "type must be subscribe, unsubscribe or ping"));
    }
  }

  private void subscribe(Connection connection, Object taskId) {
    if (!(taskId instanceof String id) || id.isBlank()) {
      reply(connection, error("missing_task_id", "subscribe needs a task_id"));
      return;
    }
    if (!connection.tasks.contains(id) && connection.tasks.size() >= MAX_SUBSCRIPTIONS) {
      reply(connection, error("too_many_subscriptions", "at most " + MAX_SUBSCRIPTIONS + " tasks per connection"));
      return;
    }
    // Subscribe before reading the task, so no update between the read and the subscription is lost.
    Optional<Task> task = Optional.empty();
    if (id.length() <= MAX_TASK_ID_CHARS) {
      connection.tasks.add(id);
      topics.compute(id, (key, topic) -> {
        Topic following = topic == null ? new Topic(key, lanes.length, System.nanoTime()) : topic;
        following.add(connection);
        return following;
      });
      try {
        task = store.tasks().find(id);
      } catch (StorageUnavailableException e) {
        unsubscribe(connection, id);
        reply(connection, error("storage_unavailable", "the task cannot be read right now; subscribe again later"));
        return;
      }
    }
    if (task.isEmpty()) {
      unsubscribe(connection, id);
      reply(connection, error("task_not_found", "task " + quote(id) + " was not found"));
      return;
    }
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("type", "subscribed");
    reply.put("task_id", id);
    reply.put("data", ApiModels.TaskJson.of(task.get()));
    reply(connection, reply);
  }

  private void unsubscribe(Connection connection, String id) {
    if (connection.tasks.remove(id)) {
      topics.computeIfPresent(id, (key, topic) -> {
        topic.remove(connection);
        return topic.isEmpty() ? null : topic;
      });
    }
  }

  private void reply(Connection connection, Map<String, ?> message) {
    deliver(connection, ByteBuffer.wrap(json.writeBytes(message)), null, false);
  }

  private void deliver(Connection connection, ByteBuffer utf8, String taskId, boolean progress) {
    if (connection.outbox.offer(utf8, taskId, progress) == Outbox.Offer.OVERFLOW) {
      closedTooSlow.incrementAndGet();
      log.info("Closing WebSocket client {}: more than {} messages waiting", connection.id, settings.maxQueuedMessages());
      forget(connection.id);
      connection.close(CLOSE_TOO_SLOW, "too far behind: more than " + settings.maxQueuedMessages()
          + " messages waiting; reconnect and re-read your task");
    }
  }

  private void onEvent(ClouvelEvent event) {
    if (event instanceof ClouvelEvent.TaskUpdated update) {
      Topic topic = topics.get(update.taskId());
      if (topic != null) {
        relay(topic, update);
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
      ByteBuffer utf8 = encodeOnce(message);
      fanOut(lane -> {
        for (Connection connection : connectionsByLane.get(lane)) {
          deliver(connection, utf8, null, false);
        }
      });
    }
  }

  /** Sends a task's update to its subscribers on this server: encoded once, written on every lane. */
  private void relay(Topic topic, ClouvelEvent.TaskUpdated update) {
    boolean progress = isProgress(update.status());
    topic.lastHeardNanos = System.nanoTime();
    topic.ended = !progress;
    ByteBuffer utf8 = encodeOnce(taskUpdate(update));
    String taskId = update.taskId();
    fanOut(lane -> {
      for (Connection connection : topic.onLane(lane)) {
        deliver(connection, utf8, taskId, progress);
      }
    });
  }

  /**
   * Reads, from the store, the subscribed tasks that have been quiet for a while without having
   * ended, and relays the final status of those that ended meanwhile. The event of a final status
   * can be lost for good when the server that recorded it dies before announcing it (a SIGKILL
   * between its commit and its {@code NOTIFY}); this is what still tells its subscribers.
   */
  private void recheckQuietTasks(long quietNanos) {
    long now = System.nanoTime();
    for (Topic topic : topics.values()) {
      if (topic.ended || now - topic.lastHeardNanos < quietNanos) {
        continue;
      }
      topic.lastHeardNanos = now;
      try {
        Optional<Task> task = store.tasks().find(topic.taskId);
        if (task.isPresent() && !isProgress(task.get().status()) && !topic.ended) {
          Task ended = task.get();
          recheckedFinal.incrementAndGet();
          log.info("Task {} ended ({}) without an update reaching this server; sending it from the store",
              ended.id(), ended.status().wireName());
          relay(topic, new ClouvelEvent.TaskUpdated(ended.id(), ended.status(), ended.progress(), ended.productId(),
              ended.error(), ended.updatedAt()));
        }
      } catch (RuntimeException e) {
        log.debug("Rechecking task {} failed: {}", topic.taskId, e.toString());
      }
    }
  }

  /** Encodes a message once for every subscriber: UTF-8 in one buffer outside the heap that frames share. */
  private ByteBuffer encodeOnce(Map<String, Object> message) {
    byte[] bytes = json.writeBytes(message);
    return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
  }

  /** A status a later update may replace while it waits: the task is still pending or running. */
  private static boolean isProgress(TaskStatus status) {
    return status == TaskStatus.PENDING || status == TaskStatus.IN_PROGRESS;
  }

  private static Map<String, Object> taskUpdate(ClouvelEvent.TaskUpdated update) {
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
    return message;
  }

  /**
   * Runs a delivery on every lane. Each connection belongs to one lane, and a lane is one thread
   * that takes jobs in order, so every client receives events in the order they were published.
   */
  private void fanOut(IntConsumer job) {
    for (int i = 0; i < lanes.length; i++) {
      int lane = i;
      try {
        lanes[i].execute(() -> job.accept(lane));
      } catch (RejectedExecutionException e) {
        log.debug("WebSocket relay closed; dropping an event");
      }
    }
  }

  private void forget(String sessionId) {
    Connection connection = connections.remove(sessionId);
    if (connection != null) {
      connectionsByLane.get(connection.lane).remove(connection);
      connection.outbox.close();
      for (String id : connection.tasks) {
        unsubscribe(connection, id);
      }
    }
  }

  /** Quotes client input in a reply: at most {@value #QUOTE_CHARS} characters. */
  static String quote(String text) {
    if (text.length() <= QUOTE_CHARS) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(QUOTE_CHARS - 1)) ? QUOTE_CHARS - 1 : QUOTE_CHARS;
    return text.substring(0, end) + "...";
  }

  private static Map<String, Object> error(String code, String message) {
    return Map.of("type", "error", "error", Map.of("code", code, "message", message));
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  /** Stops relaying and closes every connection with {@link #CLOSE_SHUTDOWN}. */
  @Override
  public void close() {
    subscription.close();
    if (pinger != null) {
      pinger.shutdownNow();
    }
    if (rechecker != null) {
      rechecker.shutdownNow();
    }
    for (ExecutorService lane : lanes) {
      lane.shutdown();
    }
    for (Connection connection : connections.values()) {
      forget(connection.id);
      connection.close(CLOSE_SHUTDOWN, "server stopping");
    }
  }
}
