package ai.clouvel.core.donation;

import ai.clouvel.core.money.Money;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.payment.GatewayId;
import ai.clouvel.core.payment.PaymentRefs;
import ai.clouvel.core.store.DuplicateKeyException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores donations and the payment events already processed. */
public interface DonationRepository {

  /**
   * Records a donation.
   *
   * @param donation the donation
   * @return the stored donation with its id
   * @throws DuplicateKeyException if a donation with the same payment id exists
   */
  Donation insert(NewDonation donation);

  /**
   * Looks up a donation.
   *
   * @param id the donation id
   * @return the donation, or empty
   */
  Optional<Donation> find(long id);

  /**
   * Looks up many donations at once (an admin's page of tasks shows each task's donation). The
   * default looks them up one by one; stores should answer in one statement.
   *
   * @param ids the donation ids; unknown ids are left out of the answer
   * @return the donations found, by id
   */
  default Map<Long, Donation> findAll(Collection<Long> ids) {
    Map<Long, Donation> found = new LinkedHashMap<>();
    for (Long id : ids) {
      find(id).ifPresent(donation -> found.put(donation.id(), donation));
    }
    return found;
  }

  /**
   * Looks up a donation by its payment id.
   *
   * @param paymentId the payment id
   * @return the donation, or empty
   */
  Optional<Donation> findByPaymentId(String paymentId);

  /**
   * Looks up a donation paid through a gateway by its payment id or any of the gateway's
   * references to it.
   *
   * @param gateway the gateway
   * @param ref a payment id or reference of that gateway
   * @return the donation, or empty
   */
  Optional<Donation> findByRef(GatewayId gateway, String ref);

  /**
   * Changes a donation's status if it is still in the expected one (compare-and-set).
   *
   * @param id the donation id
   * @param expected the status it must have now
   * @param next the new status
   * @return {@code true} if it changed, {@code false} if it was not in {@code expected}
   */
  boolean transition(long id, DonationStatus expected, DonationStatus next);

  /**
   * Records the amount actually paid, when it differs from the amount asked for.
   *
   * @param id the donation id
   * @param amount the amount paid
   * @param tier the tier that amount reaches, or {@code null}
   */
  void recordPaidAmount(long id, Money amount, String tier);

  /**
   * Adds gateway references to a donation paid through a gateway; a kind already known keeps its
   * reference.
   *
   * @param id the donation id
   * @param refs the references to add
   */
  void addRefs(long id, PaymentRefs refs);

  /**
   * Records where a commission ended up, for donations that did not name a subreddit or post.
   *
   * @param id the donation id
   * @param subreddit the subreddit of the product made
   * @param postId the post of the product made
   */
  void assignPost(long id, String subreddit, String postId);

  /**
   * Records a failed refund attempt, so that it is retried later.
   *
   * @param id the donation id
   * @param error what went wrong
   * @param retryAt not retried before this time
   */
  void refundAttemptFailed(long id, String error, Instant retryAt);

  /**
   * Lists donations waiting for their refund whose retry time has come.
   *
   * @param now the current time
   * @param limit at most this many
   * @return donations in {@link DonationStatus#REFUND_PENDING}, oldest first
   */
  List<Donation> refundsDue(Instant now, int limit);

  /**
   * Records a payment event id.
   *
   * @param eventId the provider's event id
   * @param type the event type
   * @param paymentId the payment it concerns, or {@code null}
   * @return {@code true} if it is new, {@code false} if it was already recorded (a replay)
   */
  boolean recordEvent(String eventId, String type, String paymentId);

  /**
   * Lists donations, newest first.
   *
   * @param page which page
   * @param status only this status, or {@code null} for all
   * @return the page
   */
  Page<Donation> list(PageRequest page, DonationStatus status);

  /**
   * Sums the donations. One statement.
   *
   * @return the totals
   */
  DonationTotals totals();

  /**
   * The leaderboard: succeeded donations grouped by subreddit, largest total first. One
   * statement, whatever the number of donations.
   *
   * @param limit at most this many subreddits
   * @return the rows
   */
  List<SubredditTotal> bySubreddit(int limit);

  /**
   * The donor leaderboard: succeeded donations of donors who chose to be named, grouped by their
   * public name (their name, else their Reddit username), largest total first, then by name.
   * Anonymous donors and donors with neither name are left out. A fixed number of statements,
   * whatever the number of donations.
   *
   * @param page which page of donors
   * @return the page; its total is the number of named donors
   */
  Page<DonorTotal> byDonor(PageRequest page);

  /**
   * The newest succeeded donations, newest first, as the public sees them: no email, no message,
   * "Anonymous" for anonymous donors. A refunded donation is no longer listed. A fixed number of
   * statements.
   *
   * @param page which page
   * @return the page; its total is the number of succeeded donations
   */
  Page<RecentDonation> recent(PageRequest page);

  /**
   * The donations behind many products at once, every support listed, in a fixed number of
   * statements whatever the number of products.
   *
   * @param productIds the products; unknown ids are left out of the answer
   * @return the donations of each known product
   */
  default Map<Long, ProductDonations> forProducts(Collection<Long> productIds) {
    return forProducts(productIds, Integer.MAX_VALUE);
  }

  /**
   * The donations behind many products at once, in a fixed number of statements whatever the
   * number of products: each product's commission, its post's newest supports, and the count and
   * sum of all its post's supports.
   *
   * @param productIds the products; unknown ids are left out of the answer
   * @param supportsPerProduct at most this many supports listed per product (0 for none)
   * @return the donations of each known product
   */
  Map<Long, ProductDonations> forProducts(Collection<Long> productIds, int supportsPerProduct);
}
