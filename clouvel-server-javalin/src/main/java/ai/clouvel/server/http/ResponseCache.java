package ai.clouvel.server.http;

import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.event.EventBus;
import ai.clouvel.core.product.Product;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * Caches the JSON of read-mostly GET endpoints (gallery, products, bulk donations, summaries).
 * Each answer is tagged with what it shows ({@link #PRODUCTS}, {@link #DONATIONS},
 * {@link #post(String)}, {@link #product(long)}); a change published on the {@link EventBus}
 * evicts exactly the answers tagged with what changed: a new product evicts the gallery pages, a
 * donation to a post evicts the answers that show that post. With several servers on one PostgreSQL
 * the bus is the PostgreSQL event bus, so a change made on any server evicts on every one. A short
 * time to live bounds staleness from writes that bypass the bus. An answer computed
 * while something it shows changed is not stored. Answers carry an ETag; {@code If-None-Match}
 * gets 304.
 */
public final class ResponseCache implements AutoCloseable {
  /** Tag of answers that list products: any new product changes them. */
  public static final String PRODUCTS = "products";
  /** Tag of answers that sum all donations. */
  public static final String DONATIONS = "donations";

  private static final int INVALIDATION_LOG = 4_096;

  private final Json json;
  private final Clock clock;
  private final Duration ttl;
  private final int maxEntries;
  private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<String, Set<String>> keysByTag = new HashMap<>();
  private final Deque<Invalidation> recent = new ArrayDeque<>();
  private long sequence;
  private long hits;
  private long misses;
  private final EventBus.Subscription subscription;

  public ResponseCache(Json json, Clock clock, Duration ttl, int maxEntries, EventBus events) {
    this.json = json;
    this.clock = clock;
    this.ttl = ttl;
    this.maxEntries = maxEntries;
    this.subscription = events.subscribe(this::onEvent);
  }

  /** An answer and the tags of what it shows. */
  public record Cacheable(Object body, Set<String> tags) {
    public Cacheable {
      tags = Set.copyOf(tags);
    }
  }

  /** The tag of answers that show a post (its support, or a product made from it). */
  public static String post(String postId) {
    return "post:" + postId;
  }

  /** The tag of answers that show a product. */
  public static String product(long productId) {
    return "product:" + productId;
  }

  /** Answers from the cache, or computes, stores and answers. */
  public void serve(Context ctx, Supplier<Cacheable> compute) {
    if (ttl.isZero()) {
      json.send(ctx, 200, compute.get().body());
      return;
    }
    Answer answer = answer(ctx.path() + "?" + (ctx.queryString() == null ? "" : ctx.queryString()), compute);
    ctx.header("ETag", answer.etag());
    ctx.header("Cache-Control", "no-cache");
    if (answer.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.status(200).contentType("application/json");
    byte[] json = answer.json();
    Json.sendWhole(ctx, json.length, out -> out.write(json));
  }

  /**
   * Returns the cached answer of a key, or computes and stores it.
   *
   * @param key the request, path and query
   * @param compute makes the answer on a miss
   * @return the JSON, its ETag, and whether it came from memory
   */
  public Answer answer(String key, Supplier<Cacheable> compute) {
    Instant now = clock.instant();
    long before;
    synchronized (this) {
      Entry entry = entries.get(key);
      if (entry != null && entry.expiresAt.isBefore(now)) {
        remove(key);
        entry = null;
      }
      if (entry != null) {
        hits++;
        return new Answer(entry.bytes, entry.etag, true);
      }
      misses++;
      before = sequence;
    }
    Cacheable computed = compute.get();
    byte[] bytes = json.writeBytes(computed.body());
    Entry entry = new Entry(bytes, etag(bytes), now.plus(ttl), computed.tags());
    store(key, entry, before);
    return new Answer(bytes, entry.etag, false);
  }

  /**
   * An answer.
   *
   * @param json the JSON bytes
   * @param etag its entity tag
   * @param fromCache whether it came from memory
   */
  public record Answer(byte[] json, String etag, boolean fromCache) {
  }

  /** Evicts every answer tagged with any of the tags. */
  public synchronized void invalidate(List<String> tags) {
    for (String tag : tags) {
      sequence++;
      recent.addLast(new Invalidation(sequence, tag));
      if (recent.size() > INVALIDATION_LOG) {
        recent.removeFirst();
      }
      Set<String> keys = keysByTag.remove(tag);
      if (keys != null) {
        for (String key : keys) {
          remove(key);
        }
      }
    }
  }

  /** Answers served from memory. */
  public synchronized long hits() {
    return hits;
  }

  /** Answers computed. */
  public synchronized long misses() {
    return misses;
  }

  @Override
  public void close() {
    subscription.close();
  }

  private void onEvent(ClouvelEvent event) {
    if (event instanceof ClouvelEvent.ProductCreated created) {
      Product p = created.product();
      invalidate(List.of(PRODUCTS, post(p.postId()), product(p.id())));
    } else if (event instanceof ClouvelEvent.DonationUpdated updated) {
      Donation d = updated.donation();
      invalidate(d.postId() == null ? List.of(DONATIONS) : List.of(DONATIONS, post(d.postId())));
    }
  }

  private synchronized void store(String key, Entry entry, long computedAfter) {
    if (sequence != computedAfter) {
      boolean logComplete = !recent.isEmpty() && recent.peekFirst().sequence() <= computedAfter + 1;
      if (!logComplete) {
        return;
      }
      for (Invalidation invalidation : recent) {
        if (invalidation.sequence() > computedAfter && entry.tags.contains(invalidation.tag())) {
          return;
        }
      }
    }
    remove(key);
    entries.put(key, entry);
    for (String tag : entry.tags) {
      keysByTag.computeIfAbsent(tag, t -> new HashSet<>()).add(key);
    }
    if (entries.size() > maxEntries) {
      Iterator<String> eldest = entries.keySet().iterator();
      String evicted = eldest.next();
      remove(evicted);
    }
  }

  private void remove(String key) {
    Entry removed = entries.remove(key);
    if (removed != null) {
      for (String tag : removed.tags) {
        Set<String> keys = keysByTag.get(tag);
        if (keys != null) {
          keys.remove(key);
          if (keys.isEmpty()) {
            keysByTag.remove(tag);
          }
        }
      }
    }
  }

  private static String etag(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return "W/\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(bytes.length) + "\"";
  }

  private record Entry(byte[] bytes, String etag, Instant expiresAt, Set<String> tags) {
  }

  private record Invalidation(long sequence, String tag) {
  }
}
