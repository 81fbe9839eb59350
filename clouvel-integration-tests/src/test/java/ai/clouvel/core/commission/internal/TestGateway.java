package ai.clouvel.core.commission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.commission.CommissionRequest;
import ai.clouvel.core.commission.FulfilmentOutcome;
import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.CheckoutSession;
import ai.clouvel.core.payment.GatewayId;
import ai.clouvel.core.payment.InvalidWebhookException;
import ai.clouvel.core.payment.PaymentEvent;
import ai.clouvel.core.payment.PaymentGateway;
import ai.clouvel.core.payment.PaymentIntent;
import ai.clouvel.core.payment.PaymentRefs;
import ai.clouvel.core.payment.PaymentRequest;
import ai.clouvel.core.payment.Refund;
import ai.clouvel.core.payment.RefundRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An in-test payment gateway: it records what it is asked for, refunds idempotently by key, and lets a
 * test decide what the next refund call does (fail, die, run something while the refund is in flight).
 */
final class TestGateway implements PaymentGateway {
  static final GatewayId ID = GatewayId.of("test-pay");

  final List<PaymentRequest> payments = new CopyOnWriteArrayList<>();
  final List<RefundRequest> refundCalls = new CopyOnWriteArrayList<>();
  private final Map<String, Refund> refunds = new ConcurrentHashMap<>();
  private final List<Function<RefundRequest, Refund>> nextRefunds = new CopyOnWriteArrayList<>();

  @Override
  public GatewayId id() {
    return ID;
  }

  @Override
  public CheckoutSession createCheckoutSession(PaymentRequest request) {
    payments.add(request);
    String id = "tp_cs_" + payments.size();
    return new CheckoutSession(id, "https://pay.example/" + id);
  }

  @Override
  public PaymentIntent createPaymentIntent(PaymentRequest request) {
    payments.add(request);
    String id = "tp_pi_" + payments.size();
    return new PaymentIntent(id, id + "_secret");
  }

  @Override
  public PaymentEvent parseWebhook(String payload, String signature) {
    throw new InvalidWebhookException("the test gateway has no webhooks", null);
  }

  @Override
  public Refund refund(RefundRequest request) {
    refundCalls.add(request);
    if (!nextRefunds.isEmpty()) {
      return nextRefunds.remove(0).apply(request);
    }
    return refunds.computeIfAbsent(request.idempotencyKey(), key -> new Refund("tp_re_" + (refunds.size() + 1),
        "succeeded"));
  }

  /** Decides what the next refund call does instead of refunding. */
  void onNextRefund(Function<RefundRequest, Refund> answer) {
    nextRefunds.add(answer);
  }

  /** The event a payment of the {@code n}th checkout (1-based) sends when it is paid. */
  PaymentEvent.Succeeded paid(int n, Money amount, String currency) {
    String id = "tp_cs_" + n;
    return new PaymentEvent.Succeeded("tp_evt_paid_" + n + "_" + amount.cents() + currency, "test.paid", id,
        PaymentRefs.of("txn", "txn_" + n), amount, currency, "payer@example.com", payments.get(n - 1).metadata());
  }

  /** Checks out a request through the fixture's engine, pays it with this gateway; returns the paid donation. */
  Donation checkoutAndPay(CommissionFixture f, CommissionRequest request) {
    f.commissions.startCheckout(request, "https://s", "https://c");
    int n = payments.size();
    assertThat(f.commissions.handle(paid(n, request.amount(), "usd")).result())
        .isEqualTo(FulfilmentOutcome.Result.FULFILLED);
    return f.store.donations().findByPaymentId("tp_cs_" + n).orElseThrow();
  }
}
