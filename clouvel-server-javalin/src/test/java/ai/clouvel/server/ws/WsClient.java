package ai.clouvel.server.ws;

import ai.clouvel.server.http.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A real WebSocket client of the server under test (OkHttp). A client made with
 * {@link #nonReading} stops reading at its first message (its reader thread waits) and keeps a small
 * receive buffer, like a phone on a bad network, until {@link #resumeReading()}.
 */
final class WsClient implements AutoCloseable {
  /** How a connection ended: the close code and reason, or -1 and the failure. */
  record Closed(int code, String reason) {
  }

  private final Json json = new Json();
  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final CompletableFuture<Void> open = new CompletableFuture<>();
  private final CountDownLatch reading;
  private final WebSocket ws;

  private WsClient(OkHttpClient http, String url, boolean readsFromTheStart) {
    this.reading = new CountDownLatch(readsFromTheStart ? 0 : 1);
    this.ws = http.newWebSocket(new Request.Builder().url(url).build(), new WebSocketListener() {
      @Override
      public void onOpen(WebSocket webSocket, Response response) {
        open.complete(null);
      }

      @Override
      public void onMessage(WebSocket webSocket, String text) {
        try {
          reading.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        messages.add(text);
      }

      @Override
      public void onClosing(WebSocket webSocket, int code, String reason) {
        closed.complete(new Closed(code, reason));
        webSocket.close(1000, null);
      }

      @Override
      public void onClosed(WebSocket webSocket, int code, String reason) {
        closed.complete(new Closed(code, reason));
      }

      @Override
      public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        open.completeExceptionally(t);
        closed.complete(new Closed(-1, String.valueOf(t)));
      }
    });
  }

  /** A client that reads everything at once. */
  static WsClient reading(OkHttpClient http, String url) {
    return new WsClient(http, url, true).awaitOpen();
  }

  /** A client that stops reading at its first message, with a 4 KiB receive buffer. */
  static WsClient nonReading(OkHttpClient http, String url) {
    OkHttpClient small = http.newBuilder().socketFactory(new SmallReceiveBuffer()).build();
    return new WsClient(small, url, false).awaitOpen();
  }

  private WsClient awaitOpen() {
    open.orTimeout(10, TimeUnit.SECONDS).join();
    return this;
  }

  /** Sends a text frame; false once the client is closing. */
  boolean send(String text) {
    return ws.send(text);
  }

  /**
   * Sends a text frame unless a megabyte is still waiting to be written (OkHttp closes a socket
   * whose own queue passes 16 MiB), so a flood keeps going for as long as the server reads it.
   */
  boolean flood(String text) {
    return ws.queueSize() < 1024 * 1024 && ws.send(text);
  }

  /** Sends a JSON object. */
  boolean send(Map<String, ?> message) {
    return ws.send(json.write(message));
  }

  /** The next message, or null if none came within the time. */
  Map<String, Object> poll(long timeout, TimeUnit unit) throws InterruptedException {
    String text = messages.poll(timeout, unit);
    return text == null ? null : json.readObject(text);
  }

  /** The next message of a type, skipping others; fails if none comes within the time. */
  Map<String, Object> next(String type, long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (System.nanoTime() < deadline) {
      Map<String, Object> message = poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (message != null && type.equals(message.get("type"))) {
        return message;
      }
    }
    throw new AssertionError("no " + type + " message within " + timeout + " " + unit);
  }

  /** Lets a non-reading client read again. */
  void resumeReading() {
    reading.countDown();
  }

  /** How the connection ended, waiting for it. */
  Closed awaitClosed(long timeout, TimeUnit unit) {
    return closed.orTimeout(timeout, unit).join();
  }

  /** Whether the connection has ended. */
  boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    reading.countDown();
    ws.cancel();
  }

  /** Sockets with a small receive buffer, so that a client that does not read backs up quickly. */
  private static final class SmallReceiveBuffer extends SocketFactory {
    private final SocketFactory sockets = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
      Socket socket = sockets.createSocket();
      socket.setReceiveBufferSize(4096);
      return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
      throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
      throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }
  }
}
