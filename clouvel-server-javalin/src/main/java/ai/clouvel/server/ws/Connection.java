package ai.clouvel.server.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One client: its Jetty session, its outbox and the tasks it follows.
 *
 * <p>Messages are UTF-8 text encoded once (per event, not per client) into a buffer that every
 * subscriber shares; each write hands Jetty a frame over its own view of those bytes, with Jetty's
 * asynchronous send, so nothing is copied or encoded per client and nothing waits for a client.
 */
final class Connection {
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  final String id;
  final int lane;
  final Session session;
  final Outbox<ByteBuffer> outbox;
  final Set<String> tasks = ConcurrentHashMap.newKeySet();
  private volatile long lastWriteNanos = System.nanoTime();

  Connection(String id, int lane, Session session, int queueLimit, Consumer<Throwable> onFailure) {
    this.id = id;
    this.lane = lane;
    this.session = session;
    CoreSession core = session instanceof WebSocketSession jetty ? jetty.getCoreSession() : null;
    this.outbox = new Outbox<>((utf8, done, failed) -> {
      try {
        if (core != null) {
          // A frame over a view of the shared bytes: Jetty's write moves the view, not the bytes.
          core.sendFrame(new Frame(OpCode.TEXT, utf8.duplicate()), org.eclipse.jetty.util.Callback.from(() -> {
            lastWriteNanos = System.nanoTime();
            done.run();
          }, failed), false);
        } else {
          session.sendText(StandardCharsets.UTF_8.decode(utf8.duplicate()).toString(), Callback.from(() -> {
            lastWriteNanos = System.nanoTime();
            done.run();
          }, failed));
        }
      } catch (RuntimeException e) {
        failed.accept(e);
      }
    }, queueLimit, onFailure);
  }

  /** Pings the client if nothing was written to it for a while; never waits. */
  void pingIfQuietFor(long nanos) {
    if (System.nanoTime() - lastWriteNanos >= nanos && session.isOpen()) {
      lastWriteNanos = System.nanoTime();
      try {
        session.sendPing(EMPTY.duplicate(), Callback.NOOP);
      } catch (RuntimeException e) {
        // closing meanwhile; onClose forgets the connection
      }
    }
  }

  /** Closes the connection with a code and reason; never waits. */
  void close(int code, String reason) {
    outbox.close();
    if (session.isOpen()) {
      try {
        session.close(code, reason, Callback.NOOP);
      } catch (RuntimeException e) {
        session.disconnect();
      }
    }
  }
}
