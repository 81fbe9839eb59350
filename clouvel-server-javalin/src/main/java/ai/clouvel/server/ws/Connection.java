package ai.clouvel.server.ws;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** One client: its Jetty session, its outbox and the tasks it follows. */
final class Connection {
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  final String id;
  final int lane;
  final Session session;
  final Outbox outbox;
  final Set<String> tasks = ConcurrentHashMap.newKeySet();
  private volatile long lastWriteNanos = System.nanoTime();

  Connection(String id, int lane, Session session, int queueLimit, Consumer<Throwable> onFailure) {
    this.id = id;
    this.lane = lane;
    this.session = session;
    this.outbox = new Outbox((text, done, failed) -> {
      try {
        session.sendText(text, Callback.from(() -> {
          lastWriteNanos = System.nanoTime();
          done.run();
        }, failed));
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
