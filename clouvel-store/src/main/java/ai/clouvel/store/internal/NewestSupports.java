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
 * <p>An entry is {@link #ENTRY}: its id, cents, time and anonymity, the byte length of six texts
 * ({@code -1} for null), {@code ;}, the texts; entries follow one another, newest first.
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
  static final String LIST = "(SELECT COALESCE(string_agg(" + entry("n") + ", '' ORDER BY n.created_at DESC, n.id DESC), '')"
      + " FROM (SELECT s.* FROM donations s WHERE s.post_id = post_supports.post_id"
      + " AND s.donation_type = 'support' AND s.status = 'succeeded'"
      + " ORDER BY s.created_at DESC, s.id DESC LIMIT " + KEPT + ") n)";

  private NewestSupports() {
  }

  /** Refreshes a post's list, in the caller's transaction, after the write that locked its totals row. */
  static void refresh(Handle h, String postId) {
    h.createUpdate("UPDATE post_supports SET newest = " + LIST + " WHERE post_id = :post")
        .bind("post", postId).execute();
  }

  /**
   * Reads entries from {@code at} on, at most {@code max} of them.
   *
   * @return the offset after the last entry read, or {@code -1} if the bytes are not whole entries
   */
  static int read(byte[] packed, int at, int max, String postId, List<DonationSummary> into) {
    for (int read = 0; read < max && at < packed.length; read++) {
      at = readOne(packed, at, postId, into);
      if (at < 0) {
        return -1;
      }
    }
    return at;
  }

  /** Reads one entry at {@code at} into a list; returns the offset after it, or {@code -1}. */
  static int readOne(byte[] packed, int at, String postId, List<DonationSummary> into) {
    long[] numbers = new long[10];
    for (int n = 0; n < numbers.length; n++) {
      boolean negative = at < packed.length && packed[at] == '-';
      int from = negative ? ++at : at;
      long value = 0;
      while (at < packed.length && packed[at] >= '0' && packed[at] <= '9' && value < Long.MAX_VALUE / 10) {
        value = value * 10 + (packed[at++] - '0');
      }
      if (at == from || at == packed.length || packed[at] != (n + 1 < numbers.length ? ',' : ';')) {
        return -1;
      }
      numbers[n] = negative ? -value : value;
      at++;
    }
    String[] texts = new String[6];
    for (int t = 0; t < texts.length; t++) {
      long length = numbers[4 + t];
      if (length > packed.length - at) {
        return -1;
      }
      if (length >= 0) {
        texts[t] = new String(packed, at, (int) length, StandardCharsets.UTF_8);
        at += (int) length;
      }
    }
    into.add(JdbiDonations.summary(numbers[0], numbers[1], texts[0], DonationType.SUPPORT.wireName(), texts[1],
        DonationStatus.SUCCEEDED.wireName(), texts[3], texts[4], numbers[3] != 0, texts[5], texts[2], postId,
        numbers[2]));
    return at;
  }
}
