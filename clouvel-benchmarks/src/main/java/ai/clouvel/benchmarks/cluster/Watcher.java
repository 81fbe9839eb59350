package ai.clouvel.benchmarks.cluster;

import ai.clouvel.server.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WebSocket subscribers on one node, as browsers would be: the connection a task hashes to
 * subscribes to it, records its terminal status ({@code completed}, {@code failed},
 * {@code cancelled}) from a {@code task_update} or from the reply to {@code subscribe}, and
 * unsubscribes. A task is followed as soon as either is known: its {@code task_created} (every
 * connection hears each one) or its id read over REST after the payment, as the page does
 * ({@link #follow}). Several connections keep each one under the server's per-connection
 * subscription limit.
 */
final class Watcher implements AutoCloseable {
  private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

  private final Json json = new Json();
  private final List<WebSocket> sockets = new ArrayList<>();
  final Set<String> created = ConcurrentHashMap.newKeySet();
  final Set<String> followed = ConcurrentHashMap.newKeySet();
  final Map<String, String> terminal = new ConcurrentHashMap<>();
  final AtomicLong viaUpdate = new AtomicLong();
  final AtomicLong viaSubscribeReply = new AtomicLong();
  final AtomicLong progressFrames = new AtomicLong();
  final List<String> errors = new CopyOnWriteArrayList<>();

  Watcher(String baseUrl, int connections) {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < connections; i++) {
      int index = i;
      try {
        sockets.add(http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
            .buildAsync(URI.create(baseUrl.replace("http://", "ws://") + "/ws"), new Listener(index, connections))
            .get(15, TimeUnit.SECONDS));
      } catch (Exception e) {
        throw new IllegalStateException("cannot open WebSocket " + i + " on " + baseUrl, e);
      }
    }
  }

  int open() {
    return Math.max(created.size(), followed.size()) - terminal.size();
  }

  /** Follows a task whose id the buyer read over REST, as the page does; once per task. */
  void follow(String taskId) {
    if (followed.add(taskId)) {
      int index = Math.floorMod(taskId.hashCode(), sockets.size());
      send(sockets.get(index), "{\"type\": \"subscribe\", \"task_id\": \"" + taskId + "\"}");
    }
  }

  private static void send(WebSocket socket, String text) {
    synchronized (socket) {
      socket.sendText(text, true).join();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final int index;
    private final int connections;
    private final StringBuilder partial = new StringBuilder();

    Listener(int index, int connections) {
      this.index = index;
      this.connections = connections;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          handle(socket, json.readObject(text));
        } catch (RuntimeException e) {
          errors.add("unreadable message on " + index + ": " + e);
        }
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      errors.add("connection " + index + " closed: " + statusCode + " " + reason);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      errors.add("connection " + index + " failed: " + error);
    }

    @SuppressWarnings("unchecked")
    private void handle(WebSocket socket, Map<String, Object> message) {
      Object type = message.get("type");
      if ("general_update".equals(type) && "task_created".equals(message.get("event"))) {
        String taskId = (String) ((Map<String, Object>) message.get("data")).get("task_id");
        created.add(taskId);
        if (Math.floorMod(taskId.hashCode(), connections) == index && followed.add(taskId)) {
          send(socket, "{\"type\": \"subscribe\", \"task_id\": \"" + taskId + "\"}");
        }
      } else if ("subscribed".equals(type) || "task_update".equals(type)) {
        String taskId = (String) message.get("task_id");
        Map<String, Object> data = (Map<String, Object>) message.get("data");
        Object status = data == null ? null : data.get("status");
        if (status instanceof String s && TERMINAL.contains(s)) {
          if (terminal.putIfAbsent(taskId, s) == null) {
            ("subscribed".equals(type) ? viaSubscribeReply : viaUpdate).incrementAndGet();
            send(socket, "{\"type\": \"unsubscribe\", \"task_id\": \"" + taskId + "\"}");
          }
        } else if ("task_update".equals(type)) {
          progressFrames.incrementAndGet();
        }
      } else if ("error".equals(type)) {
        errors.add("server error on " + index + ": " + message.get("error"));
      }
    }

  }

  @Override
  public void close() {
    for (WebSocket socket : sockets) {
      socket.abort();
    }
  }
}
