package ai.clouvel.test.assertions;

import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.GatewayId;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link Donation}; start them with {@link ClouvelAssertions#assertThat(Donation)}. */
public final class DonationAssert extends AbstractAssert<DonationAssert, Donation> {

  DonationAssert(Donation actual) {
    super(actual, DonationAssert.class);
  }

  /**
   * Checks the donation's status.
   *
   * @param expected the status
   * @return this
   */
  public DonationAssert hasStatus(DonationStatus expected) {
    isNotNull();
    if (actual.status() != expected) {
      failWithMessage("Expected donation %d to be %s but it was %s", actual.id(), expected, actual.status());
    }
    return this;
  }

  /**
   * Checks the donation's amount.
   *
   * @param cents the amount in US cents
   * @return this
   */
  public DonationAssert hasAmountCents(long cents) {
    isNotNull();
    if (!actual.amount().equals(Money.ofCents(cents))) {
      failWithMessage("Expected donation %d to be of %s but it was of %s", actual.id(), Money.ofCents(cents),
          actual.amount());
    }
    return this;
  }

  /**
   * Checks that the donation paid for a commission.
   *
   * @return this
   */
  public DonationAssert isCommission() {
    return hasType(DonationType.COMMISSION);
  }

  /**
   * Checks that the donation supported a post.
   *
   * @return this
   */
  public DonationAssert isSupport() {
    return hasType(DonationType.SUPPORT);
  }

  /**
   * Checks the gateway's payment id.
   *
   * @param expected the payment id
   * @return this
   */
  public DonationAssert hasPaymentId(String expected) {
    isNotNull();
    if (!Objects.equals(actual.paymentId(), expected)) {
      failWithMessage("Expected donation %d to have payment id %s but it had %s", actual.id(), expected,
          actual.paymentId());
    }
    return this;
  }

  /**
   * Checks the gateway the donation was paid through.
   *
   * @param expected the gateway
   * @return this
   */
  public DonationAssert wasPaidThrough(GatewayId expected) {
    isNotNull();
    if (!Objects.equals(actual.gateway(), expected)) {
      failWithMessage("Expected donation %d to be paid through %s but it was paid through %s", actual.id(),
          expected, actual.gateway());
    }
    return this;
  }

  /**
   * Checks that the gateway knows the donation by a reference (a session, intent, charge or refund id).
   *
   * @param kind the reference's kind, for example {@code "refund"}
   * @param value the reference
   * @return this
   */
  public DonationAssert hasRef(String kind, String value) {
    isNotNull();
    if (!actual.refs().get(kind).filter(value::equals).isPresent()) {
      failWithMessage("Expected donation %d to have %s reference %s but its references were %s", actual.id(), kind,
          value, actual.refs().values());
    }
    return this;
  }

  private DonationAssert hasType(DonationType expected) {
    isNotNull();
    if (actual.type() != expected) {
      failWithMessage("Expected donation %d to be a %s but it was a %s", actual.id(), expected, actual.type());
    }
    return this;
  }
}
