package ai.clouvel.test.fakes;

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
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A {@link PaymentGateway} without webhooks: checkouts and intents are numbered
 * ({@code tp_cs_1}, {@code tp_pi_2}...), {@link #paid(int)} writes the payment event of the n-th
 * one for {@code Commissions.handle}, and refunds succeed once per idempotency key unless the
 * next answer is scripted. Records every request. Thread-safe.
 */
public final class FakePaymentGateway implements PaymentGateway {
  /** The gateway's id. */
  public static final GatewayId ID = GatewayId.of("test-pay");

  private final List<PaymentRequest> payments = new CopyOnWriteArrayList<>();
  private final List<RefundRequest> refundRequests = new CopyOnWriteArrayList<>();
  private final Map<String, Refund> refunds = new ConcurrentHashMap<>();
  private final Queue<Function<RefundRequest, Refund>> nextRefunds = new ConcurrentLinkedQueue<>();

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
    throw new InvalidWebhookException("the fake gateway has no webhooks; use paid(n)", null);
  }

  @Override
  public Refund refund(RefundRequest request) {
    refundRequests.add(request);
    Function<RefundRequest, Refund> scripted = nextRefunds.poll();
    if (scripted != null) {
      return scripted.apply(request);
    }
    return refunds.computeIfAbsent(request.idempotencyKey(),
        key -> new Refund("tp_re_" + (refunds.size() + 1), "succeeded"));
  }

  /**
   * Scripts the next refund's answer: a pending refund, say, or a thrown provider failure.
   *
   * @param answer makes the answer from the request
   * @return this fake
   */
  public FakePaymentGateway onNextRefund(Function<RefundRequest, Refund> answer) {
    nextRefunds.add(answer);
    return this;
  }

  /**
   * Writes the event of the n-th checkout being paid in full, in US dollars.
   *
   * @param n the checkout's number, from 1
   * @return the event
   */
  public PaymentEvent.Succeeded paid(int n) {
    PaymentRequest request = payments.get(n - 1);
    return paid(n, request.amount(), "usd");
  }

  /**
   * Writes the event of the n-th checkout being paid.
   *
   * @param n the checkout's number, from 1
   * @param amount what was paid
   * @param currency the currency, lower case
   * @return the event
   */
  public PaymentEvent.Succeeded paid(int n, Money amount, String currency) {
    String id = "tp_cs_" + n;
    return new PaymentEvent.Succeeded("tp_evt_paid_" + n + "_" + amount.cents() + currency, "test.paid", id,
        PaymentRefs.of("txn", "txn_" + n), amount, currency, "payer@example.com", payments.get(n - 1).metadata());
  }

  /**
   * Returns every checkout and intent request, in order.
   *
   * @return the requests
   */
  public List<PaymentRequest> payments() {
    return List.copyOf(payments);
  }

  /**
   * Returns every refund request, in order.
   *
   * @return the requests
   */
  public List<RefundRequest> refundRequests() {
    return List.copyOf(refundRequests);
  }
}
