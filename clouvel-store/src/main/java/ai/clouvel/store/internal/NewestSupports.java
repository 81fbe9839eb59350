package ai.clouvel.store.internal;

import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.DonationSummary;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Each post's newest succeeded supports, packed by the database into one text
 * ({@code post_supports.newest}) by the write that moves the post's totals, so that bulk donations
 * read one value per post instead of a range of the donations' index per post.
 *
 * <p>The list keeps the {@link #KEPT} newest, the number the gallery asks for; a request for more
 * reads the index. It is refreshed wherever a support's totals move ({@code JdbiDonations}): its
 * insert as succeeded, its moves into or out of "succeeded", its paid amount (also when only the
 * tier changed). Those writes first upsert the post's totals row, which locks it on PostgreSQL until
 * the transaction ends, so refreshes of one post's list run one after the other, each from the
 * rows the one before committed. The other texts of a support never change.
 *
 * <p>An entry is {@link #entry}: its id, cents, time and anonymity, the byte length of six texts
 * ({@code -1} for null), {@code ;}, the texts; entries follow one another, newest first. A list
 * that does not read as such entries (written by another version, or by SQL that bypassed the
 * store) sends bulk donations to the rows; a new format takes a migration that packs every list
 * again, as V12 does.
 */
final class NewestSupports {
  /** How many of a post's newest supports are kept: as many as the gallery's bulk read asks for. */
  static final int KEPT = 10;

  /** One support, packed, of the donation named {@code alias}. One {@code concat}, which reads {@code NULL} as empty. */
  static String entry(String alias) {
    return """
        concat(%1$s.id, ',', %1$s.amount_cents, ',', %1$s.created_at, ',', CASE WHEN %1$s.is_anonymous THEN 1 ELSE 0 END,
          ',', COALESCE(octet_length(%1$s.tier), -1), ',', COALESCE(octet_length(%1$s.commission_type), -1),
          ',', COALESCE(octet_length(%1$s.subreddit), -1), ',', COALESCE(octet_length(%1$s.customer_name), -1),
          ',', COALESCE(octet_length(%1$s.reddit_username), -1), ',', COALESCE(octet_length(%1$s.message), -1), ';',
          %1$s.tier, %1$s.commission_type, %1$s.subreddit, %1$s.customer_name, %1$s.reddit_username, %1$s.message)"""
        .formatted(alias).replace('\n', ' ');
  }

  /**
   * The list of the {@code post_supports} row a statement is at: a scalar subquery, the same SQL on
   * both databases (SQLite 3.44 reads {@code string_agg} with an order), also in migration V12.
   */
  static final String LIST = "(SELECT COALESCE(string_agg(" + entry("n")
      + ", '' ORDER BY n.created_at DESC, n.id DESC), '')"
      // The columns an entry packs, named: SQLite then reads them from donations_support_newest alone
      // (with s.* it walked every succeeded donation by the status index: 300 µs a refresh, not 20).
      + " FROM (SELECT s.id, s.amount_cents, s.created_at, s.is_anonymous, s.tier, s.commission_type,"
      + " s.subreddit, s.customer_name, s.reddit_username, s.message"
      + " FROM donations s WHERE s.post_id = post_supports.post_id"
      + " AND s." + JdbiDonations.SUPPORT_SUCCEEDED.replace(" AND ", " AND s.")
      + " ORDER BY s.created_at DESC, s.id DESC LIMIT " + KEPT + ") n)";

  private NewestSupports() {
  }

  /** Refreshes a post's list, in the caller's transaction, after the write that locked its totals row. */
  static void refresh(Handle h, String postId) {
    h.createUpdate("UPDATE post_supports SET newest = " + LIST + " WHERE post_id = :post")
        .bind("post", postId).execute();
  }

  /**
   * Reads a list's entries, at most {@code max} of them.
   *
   * @throws PackedValues.Unreadable if the bytes are not whole entries
   */
  static void read(byte[] packed, int max, String postId, List<DonationSummary> into) {
    int at = 0;
    for (int read = 0; read < max && at < packed.length; read++) {
      at = readOne(packed, at, postId, into);
    }
  }

  /**
   * Reads one entry at {@code at} into a list.
   *
   * @return the offset after it
   * @throws PackedValues.Unreadable if the bytes there are not an entry
   */
  static int readOne(byte[] packed, int at, String postId, List<DonationSummary> into) {
    long[] numbers = new long[10];
    at = PackedValues.header(packed, at, numbers);
    // A message is never null, an amount never negative.
    if (numbers[9] < 0 || numbers[1] < 0) {
      throw new PackedValues.Unreadable();
    }
    PackedValues.checkLengths(numbers, 4, numbers.length, packed.length - at);
    String[] texts = new String[6];
    for (int t = 0; t < texts.length; t++) {
      int length = (int) numbers[4 + t];
      if (length >= 0) {
        texts[t] = new String(packed, at, length, StandardCharsets.UTF_8);
        at += length;
      }
    }
    try {
      into.add(JdbiDonations.summary(numbers[0], numbers[1], texts[0], DonationType.SUPPORT, texts[1],
          DonationStatus.SUCCEEDED, texts[3], texts[4], numbers[3] != 0, texts[5], texts[2], postId,
          numbers[2]));
    } catch (IllegalArgumentException e) {
      throw new PackedValues.Unreadable();
    }
    return at;
  }
}
