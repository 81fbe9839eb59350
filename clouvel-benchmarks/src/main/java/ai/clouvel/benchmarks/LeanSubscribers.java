package ai.clouvel.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Thousands of WebSocket subscribers on one selector thread: plain RFC 6455 (the HTTP upgrade,
 * masked client frames, unmasked server frames), no library in between, so that the subscribers
 * take as little as possible of the two cores they share with the server under test. Each
 * subscriber subscribes to one task when its upgrade is answered, times every {@code task_update}
 * from its {@code updated_at} (the moment it was published) to the moment its frame was read, and
 * times its {@code pong}s from the moment the {@code ping} was sent. Optionally each one offers
 * permessage-deflate in its upgrade, as browsers do, and inflates the frames of a server that
 * accepts it.
 */
final class LeanSubscribers implements AutoCloseable {
  private static final byte[] TASK_UPDATE = "{\"type\":\"task_update\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PONG = "{\"type\":\"pong\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SUBSCRIBED = "{\"type\":\"subscribed\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ERROR = "{\"type\":\"error\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] UPDATED_AT = "\"updated_at\":\"".getBytes(StandardCharsets.US_ASCII);

  /** Where one subscriber's figures go. */
  interface Sink {
    void delivered(long micros);

    void pong(long micros);
  }

  private final Selector selector;
  private final Thread loop;
  private final List<Peer> peers = new ArrayList<>();
  private final ConcurrentLinkedQueue<Peer> toRegister = new ConcurrentLinkedQueue<>();
  private final CountDownLatch subscribed;
  private final int count;
  private final boolean offerDeflate;
  private final AtomicLong updates = new AtomicLong();
  private final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean running = true;

  LeanSubscribers(int count) throws IOException {
    this(count, false);
  }

  /**
   * @param count how many subscribers will be opened
   * @param offerDeflate whether each upgrade offers permessage-deflate, as browsers do
   */
  LeanSubscribers(int count, boolean offerDeflate) throws IOException {
    this.selector = Selector.open();
    this.count = count;
    this.offerDeflate = offerDeflate;
    this.subscribed = new CountDownLatch(count);
    this.loop = new Thread(this::run, "lean-subscribers");
    loop.setDaemon(true);
    loop.start();
  }

  /** Opens one subscriber of a task; it subscribes once its upgrade is answered. */
  void open(String host, int port, String taskId, Sink sink) throws IOException {
    SocketChannel channel = SocketChannel.open();
    channel.configureBlocking(false);
    channel.connect(new InetSocketAddress(host, port));
    Peer peer = new Peer(channel, host + ":" + port, taskId, sink);
    synchronized (peers) {
      peers.add(peer);
    }
    toRegister.add(peer);
    selector.wakeup();
  }

  /** Waits until every subscriber has its {@code subscribed} answer (or failed). */
  boolean awaitSubscribed(long seconds) throws InterruptedException {
    return subscribed.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** Subscribers that have their {@code subscribed} answer, or failed. */
  long subscribedCount() {
    return count - subscribed.getCount();
  }

  /** Subscribers whose server accepted permessage-deflate. */
  long deflating() {
    synchronized (peers) {
      return peers.stream().filter(peer -> peer.inflater != null).count();
    }
  }

  /** Task updates received by all subscribers since the last reset. */
  long updates() {
    return updates.get();
  }

  void resetUpdates() {
    updates.set(0);
  }

  List<String> problems() {
    return problems;
  }

  /** Sends a {@code ping} on subscriber {@code index} unless its previous one is unanswered. */
  void ping(int index) {
    Peer peer;
    synchronized (peers) {
      peer = peers.get(index);
    }
    if (peer.open && peer.pingSentAt.compareAndSet(0, System.nanoTime())) {
      peer.sendText("{\"type\":\"ping\"}");
    }
  }

  private void run() {
    try {
      while (running) {
        selector.select(100);
        for (Peer peer = toRegister.poll(); peer != null; peer = toRegister.poll()) {
          peer.channel.register(selector, SelectionKey.OP_CONNECT, peer);
        }
        for (SelectionKey key : selector.selectedKeys()) {
          Peer peer = (Peer) key.attachment();
          try {
            if (key.isValid() && key.isConnectable()) {
              peer.connected(key);
            } else if (key.isValid() && key.isReadable()) {
              peer.readable(Instant.now());
            }
          } catch (IOException | RuntimeException e) {
            peer.fail(e.toString());
            key.cancel();
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      loop.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (peers) {
      for (Peer peer : peers) {
        try {
          peer.channel.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }
    try {
      selector.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private static long epochMicros(Instant at) {
    return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
  }

  /** One connection: handshake, then frames. */
  private final class Peer {
    final SocketChannel channel;
    final String hostPort;
    final String taskId;
    final Sink sink;
    final AtomicLong pingSentAt = new AtomicLong();
    ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    volatile Inflater inflater;
    byte[] plain = new byte[4096];
    boolean upgraded;
    volatile boolean open;
    boolean counted;

    Peer(SocketChannel channel, String hostPort, String taskId, Sink sink) {
      this.channel = channel;
      this.hostPort = hostPort;
      this.taskId = taskId;
      this.sink = sink;
    }

    void connected(SelectionKey key) throws IOException {
      channel.finishConnect();
      channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
      byte[] nonce = new byte[16];
      ThreadLocalRandom.current().nextBytes(nonce);
      write(ByteBuffer.wrap(("GET /ws HTTP/1.1\r\nHost: " + hostPort + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n"
          + (offerDeflate ? "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n" : "") + "\r\n")
          .getBytes(StandardCharsets.US_ASCII)));
      key.interestOps(SelectionKey.OP_READ);
    }

    void readable(Instant now) throws IOException {
      int read = channel.read(in);
      if (read < 0) {
        fail("closed by the server");
        channel.close();
        return;
      }
      in.flip();
      if (!upgraded) {
        int end = headerEnd();
        if (end < 0) {
          in.compact();
          return;
        }
        String head = new String(in.array(), 0, end, StandardCharsets.US_ASCII);
        if (!head.startsWith("HTTP/1.1 101")) {
          throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(""));
        }
        in.position(end);
        if (head.toLowerCase(java.util.Locale.ROOT).contains("sec-websocket-extensions: permessage-deflate")) {
          inflater = new Inflater(true);
        }
        upgraded = true;
        open = true;
        sendText("{\"type\":\"subscribe\",\"task_id\":\"" + taskId + "\"}");
      }
      frames(now);
      in.compact();
    }

    private int headerEnd() {
      for (int i = in.position(); i + 3 < in.limit(); i++) {
        if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
          return i + 4;
        }
      }
      return -1;
    }

    /** Reads every whole frame in the buffer; a partial one waits for more bytes. */
    private void frames(Instant now) throws IOException {
      while (in.remaining() >= 2) {
        int start = in.position();
        int first = in.get(start) & 0xff;
        int second = in.get(start + 1) & 0xff;
        long length = second & 0x7f;
        int header = 2;
        if (length == 126) {
          if (in.remaining() < 4) {
            return;
          }
          length = in.getShort(start + 2) & 0xffff;
          header = 4;
        } else if (length == 127) {
          if (in.remaining() < 10) {
            return;
          }
          length = in.getLong(start + 2);
          header = 10;
        }
        if (length > in.capacity() - header) {
          ByteBuffer bigger = ByteBuffer.allocate((int) length + header + 1024);
          bigger.put(in);
          bigger.flip();
          in = bigger;
          return;
        }
        if (in.remaining() < header + length) {
          return;
        }
        int payload = start + header;
        int opcode = first & 0x0f;
        if (opcode == 0x1 && (first & 0x40) != 0 && inflater != null) {
          int plainLength = inflate(payload, (int) length);
          text(ByteBuffer.wrap(plain), 0, plainLength, now);
        } else if (opcode == 0x1) {
          text(in, payload, (int) length, now);
        } else if (opcode == 0x9) {
          pong(payload, (int) length);
        } else if (opcode == 0x8) {
          open = false;
          fail("closed by the server: code " + (length >= 2 ? in.getShort(payload) & 0xffff : 0));
        }
        in.position(payload + (int) length);
      }
    }

    /** Inflates one compressed message (RFC 7692: its deflate stream lacks the final empty block). */
    private int inflate(int at, int length) throws IOException {
      byte[] compressed = new byte[length + 4];
      in.get(at, compressed, 0, length);
      compressed[length + 2] = (byte) 0xff;
      compressed[length + 3] = (byte) 0xff;
      inflater.setInput(compressed);
      int total = 0;
      try {
        while (!inflater.needsInput()) {
          if (total == plain.length) {
            plain = java.util.Arrays.copyOf(plain, plain.length * 2);
          }
          int inflated = inflater.inflate(plain, total, plain.length - total);
          if (inflated == 0 && total < plain.length) {
            break;
          }
          total += inflated;
        }
      } catch (DataFormatException e) {
        throw new IOException("bad compressed frame", e);
      }
      return total;
    }

    private void text(ByteBuffer b, int at, int length, Instant now) {
      if (startsWith(b, at, length, TASK_UPDATE)) {
        updates.incrementAndGet();
        int stamp = indexOf(b, at, length, UPDATED_AT);
        if (stamp >= 0) {
          int from = stamp + UPDATED_AT.length;
          int to = from;
          while (to < at + length && b.get(to) != '"') {
            to++;
          }
          sink.delivered(epochMicros(now) - isoMicros(b, from, to));
        }
      } else if (startsWith(b, at, length, PONG)) {
        long sentAt = pingSentAt.getAndSet(0);
        if (sentAt != 0) {
          sink.pong((System.nanoTime() - sentAt) / 1_000);
        }
      } else if (startsWith(b, at, length, SUBSCRIBED) && !counted) {
        counted = true;
        subscribed.countDown();
      } else if (startsWith(b, at, length, ERROR) && !counted) {
        counted = true;
        problems.add("subscribe failed: " + new String(b.array(), at, length, StandardCharsets.UTF_8));
        subscribed.countDown();
      }
    }

    /** Reads {@code 2026-12-01T18:07:42.123456Z} as microseconds since the epoch, without a parser's garbage. */
    private long isoMicros(ByteBuffer b, int from, int to) {
      if (to - from < 20 || b.get(from + 4) != '-' || b.get(from + 10) != 'T' || b.get(to - 1) != 'Z') {
        return epochMicros(Instant.parse(new String(b.array(), from, to - from, StandardCharsets.US_ASCII)));
      }
      long days = java.time.LocalDate.of(digits(b, from, 4), digits(b, from + 5, 2), digits(b, from + 8, 2)).toEpochDay();
      long seconds = days * 86_400 + digits(b, from + 11, 2) * 3_600L + digits(b, from + 14, 2) * 60L
          + digits(b, from + 17, 2);
      long micros = 0;
      int scale = 100_000;
      for (int i = from + 20; i < to - 1 && b.get(from + 19) == '.'; i++, scale /= 10) {
        micros += (b.get(i) - '0') * (long) Math.max(scale, 0);
      }
      return seconds * 1_000_000L + micros;
    }

    private int digits(ByteBuffer b, int at, int count) {
      int value = 0;
      for (int i = 0; i < count; i++) {
        value = value * 10 + (b.get(at + i) - '0');
      }
      return value;
    }

    private boolean startsWith(ByteBuffer b, int at, int length, byte[] prefix) {
      if (length < prefix.length) {
        return false;
      }
      for (int i = 0; i < prefix.length; i++) {
        if (b.get(at + i) != prefix[i]) {
          return false;
        }
      }
      return true;
    }

    private int indexOf(ByteBuffer b, int at, int length, byte[] needle) {
      outer:
      for (int i = at; i + needle.length <= at + length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (b.get(i + j) != needle[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }

    /** Answers a server's ping with a masked pong carrying the same bytes. */
    private void pong(int at, int length) {
      byte[] data = new byte[length];
      in.get(at, data);
      send(0xA, data);
    }

    void sendText(String text) {
      send(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one masked frame (client frames must be masked); small frames go out in one write. */
    private void send(int opcode, byte[] data) {
      ByteBuffer frame = ByteBuffer.allocate(data.length + 14);
      frame.put((byte) (0x80 | opcode));
      if (data.length < 126) {
        frame.put((byte) (0x80 | data.length));
      } else {
        frame.put((byte) (0x80 | 126)).putShort((short) data.length);
      }
      byte[] mask = new byte[4];
      ThreadLocalRandom.current().nextBytes(mask);
      frame.put(mask);
      for (int i = 0; i < data.length; i++) {
        frame.put((byte) (data[i] ^ mask[i & 3]));
      }
      frame.flip();
      try {
        write(frame);
      } catch (IOException e) {
        fail(e.toString());
      }
    }

    private void write(ByteBuffer bytes) throws IOException {
      synchronized (this) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (bytes.hasRemaining() && System.nanoTime() < deadline) {
          channel.write(bytes);
          if (bytes.hasRemaining()) {
            Thread.onSpinWait();
          }
        }
      }
    }

    void fail(String why) {
      open = false;
      if (problems.size() < 50) {
        problems.add(why);
      }
      if (!counted) {
        counted = true;
        subscribed.countDown();
      }
    }
  }
}
