package ai.clouvel.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for servers under test. */
public final class FreePorts {
  private FreePorts() {
  }

  /**
   * A port nobody listens on now, so a server's public URL can name it before the server starts.
   *
   * @return the port
   */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
