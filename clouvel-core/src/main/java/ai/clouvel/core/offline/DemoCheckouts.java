package ai.clouvel.core.offline;

import ai.clouvel.core.payment.PaymentRequest;
import ai.clouvel.core.payment.Refund;
import ai.clouvel.core.payment.RefundRequest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the {@link DemoPaymentGateway} keeps its checkouts and refunds. The default is in memory,
 * for one process; the SQL store keeps them in the database so that any server sharing it can
 * show and complete a checkout another one created ({@code SqlStore.demoCheckouts()}).
 */
public interface DemoCheckouts {

  /**
   * Records a checkout waiting on the local page.
   *
   * @param paymentId the session or payment intent id
   * @param request what is to be paid
   */
  void save(String paymentId, PaymentRequest request);

  /**
   * Looks up a checkout.
   *
   * @param paymentId the session or payment intent id
   * @return what is to be paid, or empty if unknown
   */
  Optional<PaymentRequest> find(String paymentId);

  /**
   * Records a refund under its idempotency key, unless one is recorded already.
   *
   * @param request the refund asked for
   * @param newRefundId the id to give the refund if it is the first for its key
   * @return the refund recorded for the key: the new one, or the earlier one
   */
  Refund refundOnce(RefundRequest request, String newRefundId);

  /**
   * Keeps checkouts and refunds in this process's memory.
   *
   * @return a new, empty, thread-safe instance
   */
  static DemoCheckouts inMemory() {
    Map<String, PaymentRequest> checkouts = new ConcurrentHashMap<>();
    Map<String, Refund> refunds = new ConcurrentHashMap<>();
    return new DemoCheckouts() {
      @Override
      public void save(String paymentId, PaymentRequest request) {
        checkouts.put(paymentId, request);
      }

      @Override
      public Optional<PaymentRequest> find(String paymentId) {
        return Optional.ofNullable(checkouts.get(paymentId));
      }

      @Override
      public Refund refundOnce(RefundRequest request, String newRefundId) {
        return refunds.computeIfAbsent(request.idempotencyKey(), key -> new Refund(newRefundId, "succeeded"));
      }
    };
  }
}
