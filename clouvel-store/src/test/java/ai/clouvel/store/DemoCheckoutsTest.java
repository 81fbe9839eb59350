package ai.clouvel.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.money.Money;
import ai.clouvel.core.offline.DemoPaymentGateway;
import ai.clouvel.core.payment.CheckoutSession;
import ai.clouvel.core.payment.PaymentEvent;
import ai.clouvel.core.payment.PaymentRequest;
import ai.clouvel.core.payment.Refund;
import ai.clouvel.core.payment.RefundRequest;
import ai.clouvel.store.testing.EmbeddedPostgresExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Demo checkouts kept in the database: one server creates a checkout, another completes it. */
class DemoCheckoutsTest {
  private ExtensionContext context;

  @RegisterExtension
  final BeforeEachCallback capture = c -> context = c;

  private final PaymentRequest request = new PaymentRequest(Money.ofCents(2_500), "Gold commission & more",
      "buyer@example.com", Map.of("donation_type", "commission", "message", "Make it = beautiful & bold"),
      "http://localhost/ok", null);

  @Test
  void aCheckoutCreatedOnOneServerIsCompletedOnAnotherAndRefundedOnceWhoeverAsks() {
    EmbeddedPostgresExtension.Database database = EmbeddedPostgresExtension.newDatabase(context);
    try (SqlStore one = open(database); SqlStore two = open(database)) {
      DemoPaymentGateway nodeA = new DemoPaymentGateway("http://a", Clock.systemUTC(), one.demoCheckouts());
      DemoPaymentGateway nodeB = new DemoPaymentGateway("http://b", Clock.systemUTC(), two.demoCheckouts());

      CheckoutSession session = nodeA.createCheckoutSession(request);

      assertThat(nodeB.pendingPayment(session.sessionId())).contains(request);
      DemoPaymentGateway.Webhook webhook = nodeB.complete(session.sessionId());
      PaymentEvent.Succeeded paid = (PaymentEvent.Succeeded) nodeB.parseWebhook(webhook.payload(), webhook.signature());
      assertThat(paid.amount()).isEqualTo(Money.ofCents(2_500));
      assertThat(paid.metadata()).containsEntry("message", "Make it = beautiful & bold");

      RefundRequest refund = new RefundRequest(session.sessionId(), null, Money.ofCents(2_500), "refund-donation-7", "failed");
      Refund first = nodeA.refund(refund);
      Refund again = nodeB.refund(refund);
      assertThat(again).isEqualTo(first);
      assertThat(nodeB.refund(new RefundRequest(session.sessionId(), null, Money.ofCents(2_500), "refund-donation-8", "x")))
          .isNotEqualTo(first);
    }
  }

  @Test
  void sqliteKeepsCheckoutsAcrossRestarts(@TempDir Path directory) {
    String url = "sqlite:" + directory.resolve("demo.db");
    String id;
    try (SqlStore store = SqlStore.open(url)) {
      id = new DemoPaymentGateway("http://a", Clock.systemUTC(), store.demoCheckouts()).createPaymentIntent(request).paymentIntentId();
    }
    try (SqlStore store = SqlStore.open(url)) {
      DemoPaymentGateway restarted = new DemoPaymentGateway("http://a", Clock.systemUTC(), store.demoCheckouts());
      assertThat(restarted.pendingPayment(id)).contains(request);
      assertThat(restarted.pendingPayment("demo_pi_unknown")).isEmpty();
    }
  }

  private static SqlStore open(EmbeddedPostgresExtension.Database database) {
    return SqlStore.builder().databaseUrl(database.jdbcUrl()).credentials(database.user(), database.password())
        .maximumPoolSize(2).build();
  }
}
