package ai.clouvel.store.internal;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.donation.DonationSummary;
import ai.clouvel.core.idea.ProductIdea;
import ai.clouvel.core.image.HostedImage;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.ProductLinks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/**
 * The gallery's cards: each product with its post and its commission, packed by the database into
 * one text ({@code products.card}) by the transactions that change any of them, so that a gallery
 * page reads one value per product instead of joining four tables and reading 43 columns (each a
 * call into SQLite's native library, or a planned join on PostgreSQL, on every page).
 *
 * <p>A card is {@link #CARD}'s text: a header of the format's version and the byte length of each
 * value ({@code -1} for null), then {@code ;}, then the values as text, one after the other. The
 * database writes it (the same SQL on both, also in migration V11, which fills the cards of the
 * products stored before it), so a card is always what the joined rows said when it was written.
 *
 * <p>Who refreshes which card, in the transaction of the write: a product's own insert; a post's
 * upsert, the cards of its products; a donation's change, the cards of the products its task
 * names; a task's completion, its product's card. The support totals are not on the card: they
 * change with every support and come from {@code post_supports} beside it.
 *
 * <p>On PostgreSQL (read committed) a card is computed by a statement of its own after its product
 * row is locked, so two transactions that change two sources of one card (a post and a commission)
 * refresh it one after the other, the second from the first's committed rows. Where the other
 * writer cannot yet see the product (an insert not committed) or its link (a completion not
 * committed), the refresher waits for that writer first: an insert locks its post, a completion its
 * commissions, before reading them. SQLite has one writer, so its refreshes need no lock.
 *
 * <p>A new card format takes a new {@link #VERSION} and a migration that packs every card again
 * ({@code UPDATE products SET card = ${gallery_card}}, as V11 does): Flyway does not run V11 again
 * when the SQL behind its placeholder changes, and until the cards are packed again each page reads
 * them from the rows (a second statement).
 */
final class GalleryCards {
  /** The card format's version, the header's first number; a card of another version is not read. */
  static final int VERSION = 1;

  /** The card's values, in order: the product (17), its post (13), its commission (13). */
  private static final List<String> VALUES = List.of(
      "p.id", "p.post_id", "p.subreddit", "p.post_title", "p.theme", "p.image_title", "p.image_description",
      "p.image_id", "p.image_url", "p.product_url", "p.affiliate_url", "p.template_id", "p.prompt_version",
      "p.idea_model", "p.image_model", "p.image_quality", "p.created_at",
      "po.id", "po.subreddit", "po.title", "po.body", "po.author", "po.permalink", "po.score", "po.comment_count",
      "po.created_at", flag("po.nsfw"), flag("po.stickied"), flag("po.locked"), flag("po.removed"),
      "c.id", "c.amount_cents", "c.tier", "c.donation_type", "c.commission_type", "c.status", "c.customer_name",
      "c.reddit_username", flag("c.is_anonymous"), "c.message", "c.subreddit", "c.post_id", "c.created_at");
  private static final int POST = 17;
  private static final int COMMISSION = 30;

  /**
   * The card of the {@code products} row a statement is at: a scalar subquery. Two {@code concat}
   * calls (PostgreSQL takes at most 100 arguments in one), each reading {@code NULL} as empty text.
   * The commission is the newest donation of the tasks that name the product (one, unless a second
   * task named it).
   */
  static final String CARD = "(SELECT concat(concat('" + VERSION + "'"
      + VALUES.stream().map(v -> ", ',', COALESCE(octet_length(" + text(v) + "), -1)").collect(Collectors.joining())
      + "), ';', concat(" + VALUES.stream().map(GalleryCards::text).collect(Collectors.joining(", ")) + "))"
      + " FROM products p LEFT JOIN posts po ON po.id = p.post_id"
      + " LEFT JOIN donations c ON c.id = (SELECT t.donation_id FROM tasks t"
      + " JOIN donations d ON d.id = t.donation_id"
      + " WHERE t.product_id = p.id ORDER BY d.created_at DESC, d.id DESC LIMIT 1)"
      + " WHERE p.id = products.id)";

  private GalleryCards() {
  }

  private static String flag(String column) {
    return "CASE WHEN " + column + " THEN 1 ELSE 0 END";
  }

  private static String text(String value) {
    return "CAST(" + value + " AS TEXT)";
  }

  /**
   * Refreshes, in the caller's transaction, the cards of the products a condition selects.
   *
   * @param h the transaction's handle
   * @param dialect the database's
   * @param products a condition on {@code products p}
   * @param binder binds the condition's values
   */
  static void refresh(Handle h, Dialect dialect, String products, Consumer<SqlStatement<?>> binder) {
    if (dialect == Dialect.SQLITE) {
      Update update = h.createUpdate("UPDATE products SET card = " + CARD
          + " WHERE id IN (SELECT p.id FROM products p WHERE " + products + ")");
      binder.accept(update);
      update.execute();
      return;
    }
    // Locked in one order, so that two refreshes of several products cannot wait on each other.
    Query lock = h.createQuery("SELECT p.id FROM products p WHERE " + products + " ORDER BY p.id FOR UPDATE");
    binder.accept(lock);
    List<Long> ids = lock.mapTo(Long.class).list();
    if (!ids.isEmpty()) {
      h.createUpdate("UPDATE products SET card = " + CARD + " WHERE id IN (<ids>)").bindList("ids", ids).execute();
    }
  }

  /** Refreshes the card of a product inserted by the caller's transaction, after its post's writers. */
  static void refreshInserted(Handle h, Dialect dialect, long productId, String postId) {
    if (dialect == Dialect.POSTGRESQL) {
      h.createQuery("SELECT 1 FROM posts WHERE id = :post FOR SHARE").bind("post", postId)
          .mapTo(Integer.class).list();
    }
    refresh(h, dialect, "p.id = :product", s -> s.bind("product", productId));
  }

  /** Refreshes the cards of products a completion has just linked to tasks, after their commissions' writers. */
  static void refreshLinked(Handle h, Dialect dialect, Collection<Long> productIds) {
    if (productIds.isEmpty()) {
      return;
    }
    List<Long> ids = List.copyOf(new LinkedHashSet<>(productIds));
    if (dialect == Dialect.POSTGRESQL) {
      h.createQuery("""
              SELECT d.id FROM donations d
              WHERE d.id IN (SELECT t.donation_id FROM tasks t WHERE t.product_id IN (<products>))
              ORDER BY d.id FOR SHARE""")
          .bindList("products", ids).mapTo(Long.class).list();
    }
    refresh(h, dialect, "p.id IN (<products>)", s -> s.bindList("products", ids));
  }

  /**
   * Reads a card's item.
   *
   * @param card the card's UTF-8 bytes, or {@code null}
   * @param supportCount its post's support count
   * @param supportTotal its post's support sum
   * @return the item
   * @throws PackedValues.Unreadable if there is no card, or it is of another version or not whole
   *     (then read the product from its rows)
   */
  static GalleryItem item(byte[] card, long supportCount, Money supportTotal) {
    return Card.parse(card).item(supportCount, supportTotal);
  }

  /**
   * Reads a card's commission.
   *
   * @param card the card's UTF-8 bytes, or {@code null}
   * @return the commission, or {@code null} if its product has none
   * @throws PackedValues.Unreadable as {@link #item}
   */
  static DonationSummary commission(byte[] card) {
    return Card.parse(card).commission();
  }

  /** The values of a card: where each starts in its bytes, and how long it is ({@code -1}: null). */
  private static final class Card {
    private final byte[] bytes;
    private final int[] starts;
    private final long[] lengths;

    private Card(byte[] bytes, int[] starts, long[] lengths) {
      this.bytes = bytes;
      this.starts = starts;
      this.lengths = lengths;
    }

    static Card parse(byte[] bytes) {
      if (bytes == null) {
        throw new PackedValues.Unreadable();
      }
      long[] header = new long[VALUES.size() + 1];
      int at = PackedValues.header(bytes, 0, header);
      if (header[0] != VERSION) {
        throw new PackedValues.Unreadable();
      }
      PackedValues.checkLengths(header, 1, header.length, bytes.length - at);
      long[] lengths = Arrays.copyOfRange(header, 1, header.length);
      int[] starts = new int[lengths.length];
      for (int i = 0; i < lengths.length; i++) {
        starts[i] = at;
        at += (int) Math.max(lengths[i], 0);
      }
      if (at != bytes.length) {
        throw new PackedValues.Unreadable();
      }
      return new Card(bytes, starts, lengths);
    }

    /** The card's item, with its post's support totals beside it. */
    GalleryItem item(long supportCount, Money supportTotal) {
      try {
        Product product = new Product(number(0), required(1), required(2), required(3),
            new ProductIdea(required(4), required(5), required(6)), new HostedImage(required(7), required(8)),
            new ProductLinks(required(9), required(10), required(11)), required(12), required(13), required(14),
            ImageQuality.valueOf(required(15).toUpperCase(Locale.ROOT)), Instant.ofEpochMilli(number(16)));
        Post post = isNull(POST) ? null : new Post(required(POST), required(POST + 1), required(POST + 2),
            required(POST + 3), required(POST + 4), required(POST + 5), Math.toIntExact(number(POST + 6)),
            Math.toIntExact(number(POST + 7)), Instant.ofEpochMilli(number(POST + 8)), flag(POST + 9),
            flag(POST + 10), flag(POST + 11), flag(POST + 12));
        return new GalleryItem(product, post, commission(), supportCount, supportTotal);
      } catch (IllegalArgumentException | ArithmeticException e) {
        // A value the records refuse (an unknown quality, a number out of range): not a card this version wrote.
        throw new PackedValues.Unreadable();
      }
    }

    /** The card's commission, or {@code null} if its product has none. */
    DonationSummary commission() {
      int c = COMMISSION;
      if (isNull(c)) {
        return null;
      }
      try {
        return JdbiDonations.summary(number(c), number(c + 1), text(c + 2), required(c + 3), text(c + 4),
            required(c + 5), text(c + 6), text(c + 7), flag(c + 8), required(c + 9), text(c + 10), text(c + 11),
            number(c + 12));
      } catch (IllegalArgumentException | NoSuchElementException e) {
        throw new PackedValues.Unreadable();
      }
    }

    private boolean isNull(int i) {
      return lengths[i] < 0;
    }

    private String text(int i) {
      return isNull(i) ? null : new String(bytes, starts[i], (int) lengths[i], StandardCharsets.UTF_8);
    }

    /** A text its column never holds null: a null here is not a card this version wrote. */
    private String required(int i) {
      if (isNull(i)) {
        throw new PackedValues.Unreadable();
      }
      return text(i);
    }

    private long number(int i) {
      if (isNull(i)) {
        throw new PackedValues.Unreadable();
      }
      return PackedValues.number(bytes, starts[i], (int) lengths[i]);
    }

    private boolean flag(int i) {
      return number(i) != 0;
    }
  }
}
