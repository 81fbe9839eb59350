package ai.clouvel.server.e2e;

import ai.clouvel.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** A small HTTP and WebSocket client of the server under test. */
final class Client {
  private static final MediaType JSON = MediaType.get("application/json");
  private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();
  private final Json json = new Json();
  private final String base;
  private final List<Exchange> exchanges = new java.util.concurrent.CopyOnWriteArrayList<>();

  Client(String base) {
    this.base = base;
  }

  /** One request and its response, as the OpenAPI contract check reads them. */
  record Exchange(String method, String path, int status, String contentType, String body) {
  }

  /**
   * Returns every exchange so far, for {@link OpenApiContract}.
   *
   * @return the exchanges, oldest first
   */
  List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** A response: status, headers and body. */
  record Reply(int status, String body, Map<String, List<String>> headers, byte[] bytes) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  Reply get(String path, String... headers) {
    return send(new Request.Builder().url(base + path).headers(okhttp3.Headers.of(headers)).get().build());
  }

  Reply post(String path, String body, String... headers) {
    return send(new Request.Builder().url(base + path).headers(okhttp3.Headers.of(headers))
        .post(RequestBody.create(body, JSON)).build());
  }

  Reply options(String path, String... headers) {
    return send(new Request.Builder().url(base + path).headers(okhttp3.Headers.of(headers))
        .method("OPTIONS", null).build());
  }

  Map<String, Object> object(Reply reply) {
    return json.readObject(reply.body());
  }

  private Reply send(Request request) {
    try (Response response = http.newCall(request).execute()) {
      byte[] bytes = response.body().bytes();
      exchanges.add(new Exchange(request.method(), request.url().encodedPath(), response.code(),
          response.header("Content-Type"), new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
      return new Reply(response.code(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
          response.headers().toMultimap(), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A WebSocket whose incoming messages queue up for the test. */
  Socket socket(String path) {
    BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    WebSocket ws = http.newWebSocket(new Request.Builder().url(base.replace("http", "ws") + path).build(),
        new WebSocketListener() {
          @Override
          public void onMessage(WebSocket webSocket, String text) {
            messages.add(text);
          }
        });
    return new Socket(ws, messages, json);
  }

  /** An open WebSocket. */
  record Socket(WebSocket ws, BlockingQueue<String> messages, Json json) implements AutoCloseable {
    void send(String text) {
      ws.send(text);
    }

    Map<String, Object> next() throws InterruptedException {
      String text = messages.poll(30, TimeUnit.SECONDS);
      if (text == null) {
        throw new AssertionError("no WebSocket message within 30 s");
      }
      return json.readObject(text);
    }

    Map<String, Object> nextOfType(String type) throws InterruptedException {
      while (true) {
        Map<String, Object> message = next();
        if (type.equals(message.get("type"))) {
          return message;
        }
      }
    }

    @Override
    public void close() {
      ws.close(1000, "bye");
    }
  }
}
