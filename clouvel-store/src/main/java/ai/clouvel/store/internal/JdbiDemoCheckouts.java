package ai.clouvel.store.internal;

import ai.clouvel.core.money.Money;
import ai.clouvel.core.offline.DemoCheckouts;
import ai.clouvel.core.payment.PaymentRequest;
import ai.clouvel.core.payment.Refund;
import ai.clouvel.core.payment.RefundRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Demo checkouts and refunds in the database, so that every server on it can complete a checkout
 * and a refund key refunds once whichever server asks.
 */
public final class JdbiDemoCheckouts implements DemoCheckouts {
  private final Db db;

  /**
   * Creates the repository.
   *
   * @param db database access
   */
  public JdbiDemoCheckouts(Db db) {
    this.db = db;
  }

  @Override
  public void save(String paymentId, PaymentRequest request) {
    db.write(h -> h.createUpdate("""
            INSERT INTO demo_checkouts (id, amount_cents, product_name, customer_email, metadata,
              success_url, cancel_url, created_at)
            VALUES (:id, :amount, :name, :email, :metadata, :success, :cancel, :now)""")
        .bind("id", paymentId)
        .bind("amount", request.amount().cents())
        .bind("name", request.productName())
        .bind("email", request.customerEmail())
        .bind("metadata", encode(request.metadata()))
        .bind("success", request.successUrl())
        .bind("cancel", request.cancelUrl())
        .bind("now", db.now())
        .execute());
  }

  @Override
  public Optional<PaymentRequest> find(String paymentId) {
    return db.read(h -> h.createQuery("SELECT * FROM demo_checkouts WHERE id = :id")
        .bind("id", paymentId)
        .map((rs, ctx) -> new PaymentRequest(Money.ofCents(rs.getLong("amount_cents")), rs.getString("product_name"),
            rs.getString("customer_email"), decode(rs.getString("metadata")), rs.getString("success_url"),
            rs.getString("cancel_url")))
        .findOne());
  }

  @Override
  public Refund refundOnce(RefundRequest request, String newRefundId) {
    return db.inTransaction(tx -> tx.write(h -> {
      h.createUpdate("""
              INSERT INTO demo_refunds (idempotency_key, refund_id, payment_id, calls, created_at)
              VALUES (:key, :refundId, :paymentId, 0, :now) ON CONFLICT (idempotency_key) DO NOTHING""")
          .bind("key", request.idempotencyKey())
          .bind("refundId", newRefundId)
          .bind("paymentId", request.paymentId())
          .bind("now", db.now())
          .execute();
      String refundId = h.createQuery("""
              UPDATE demo_refunds SET calls = calls + 1 WHERE idempotency_key = :key RETURNING refund_id""")
          .bind("key", request.idempotencyKey()).mapTo(String.class).one();
      return new Refund(refundId, "succeeded");
    }));
  }

  private static String encode(Map<String, String> metadata) {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(metadata).forEach((key, value) -> out.append(out.length() == 0 ? "" : "&")
        .append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return out.toString();
  }

  private static Map<String, String> decode(String text) {
    Map<String, String> metadata = new TreeMap<>();
    if (text.isEmpty()) {
      return metadata;
    }
    for (String pair : text.split("&")) {
      int equals = pair.indexOf('=');
      metadata.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return metadata;
  }
}
