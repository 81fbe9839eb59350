package ai.clouvel.server.ws;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket that reads nothing until asked to: the kind of client that
 * never drains its socket (a frozen tab, a phone on a dead network). Its receive buffer is small,
 * so the server's writes to it stall quickly. Client libraries read into their own buffers, which
 * hides exactly this case.
 */
final class RawWsClient implements AutoCloseable {
  /** The close frame the server sent: code and reason; code -1 if the connection ended without one. */
  record Closed(int code, String reason, int textFrames) {
  }

  /** One frame as the server sent it: its first byte (FIN, RSV bits, opcode) and its payload. */
  record Frame(int first, byte[] payload) {
  }

  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;
  private final String head;

  RawWsClient(int port, String path) throws IOException {
    this(port, path, "");
  }

  /**
   * Connects and upgrades.
   *
   * @param extraHeaders more request headers, each ending with CRLF (such as an offer of extensions)
   */
  RawWsClient(int port, String path, String extraHeaders) throws IOException {
    socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("localhost", port), 5_000);
    socket.setSoTimeout(10_000);
    out = socket.getOutputStream();
    in = new DataInputStream(socket.getInputStream());
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
        + "\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    head = readHead(in);
    if (!head.startsWith("HTTP/1.1 101")) {
      throw new IOException("no upgrade: " + head);
    }
  }

  /**
   * Sends one masked text frame.
   *
   * @return false if the server has closed the connection (the write failed)
   */
  boolean send(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
    frame.write(0x81);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else if (payload.length < 65_536) {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xff);
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) (((long) payload.length >>> shift) & 0xff));
      }
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    frame.write(mask, 0, 4);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i & 3]);
    }
    try {
      out.write(frame.toByteArray());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The status line and headers of the server's answer to the upgrade. */
  String head() {
    return head;
  }

  /** Reads the next frame the server sent, whatever it is. */
  Frame readFrame() throws IOException {
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    long length = second & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[Math.toIntExact(length)];
    in.readFully(payload);
    return new Frame(first, payload);
  }

  /** Reads everything the server sent, up to and including its close frame. */
  Closed readUntilClosed() throws IOException {
    int texts = 0;
    try {
      while (true) {
        Frame frame = readFrame();
        byte[] payload = frame.payload();
        int opcode = frame.first() & 0x0f;
        if (opcode == 0x8) {
          int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
          String reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
          return new Closed(code, reason, texts);
        }
        if (opcode == 0x1) {
          texts++;
        }
      }
    } catch (EOFException | SocketTimeoutException e) {
      return new Closed(-1, e.toString(), texts);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new EOFException("connection closed during the handshake");
      }
      head.append((char) c);
    }
    return head.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
