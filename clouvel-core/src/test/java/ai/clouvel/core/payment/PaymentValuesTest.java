package ai.clouvel.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.money.Money;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payment port's values: gateway names, references, events and requests refuse what no gateway sends. */
class PaymentValuesTest {

  @Test
  void gatewayIdsAreShortLowerCaseNames() {
    assertThat(GatewayId.of("acme-pay.v2_x").value()).isEqualTo("acme-pay.v2_x");
    assertThat(GatewayId.of("stripe")).hasToString("stripe").isEqualTo(new GatewayId("stripe"));
    assertThat(GatewayId.of("a" + "b".repeat(39)).value()).hasSize(40);
    for (String bad : new String[] {"", "Stripe", "-x", "a b", "a".repeat(41), "pay\n"}) {
      assertThatThrownBy(() -> GatewayId.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void referencesAreKeptByKindAndTheFirstKnownWins() {
    PaymentRefs refs = PaymentRefs.of("checkout_session", "cs_1", "payment_intent", null, "charge", "ch_1");
    assertThat(refs.get("checkout_session")).hasValue("cs_1");
    assertThat(refs.get("payment_intent")).as("null values are skipped").isEmpty();
    assertThat(refs.all()).containsExactly("cs_1", "ch_1");
    assertThat(refs.isEmpty()).isFalse();
    assertThat(PaymentRefs.NONE.isEmpty()).isTrue();
    assertThat(PaymentRefs.of().isEmpty()).isTrue();

    PaymentRefs merged = refs.plus(PaymentRefs.of("charge", "ch_other", "refund", "re_1"));
    assertThat(merged.get("charge")).as("a kind already known keeps its reference").hasValue("ch_1");
    assertThat(merged.get("refund")).hasValue("re_1");
    assertThat(merged.all()).containsExactlyInAnyOrder("cs_1", "ch_1", "re_1");

    Map<String, String> source = new HashMap<>(Map.of("charge", "ch_9"));
    PaymentRefs copied = new PaymentRefs(source);
    source.put("refund", "re_9");
    assertThat(copied.get("refund")).as("a copy, not a view").isEmpty();
    assertThatThrownBy(() -> copied.values().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void referencesRefuseWhatCouldNotBeStoredSafely() {
    assertThatThrownBy(() -> PaymentRefs.of("charge")).isInstanceOf(IllegalArgumentException.class);
    for (String kind : new String[] {"Charge", "1charge", "", "a-b", "k".repeat(41)}) {
      assertThatThrownBy(() -> PaymentRefs.of(kind, "v")).as(kind).isInstanceOf(IllegalArgumentException.class);
    }
    Map<String, String> nullKind = new LinkedHashMap<>();
    nullKind.put(null, "v");
    assertThatThrownBy(() -> new PaymentRefs(nullKind)).isInstanceOf(IllegalArgumentException.class);
    for (String value : new String[] {"", "a\nb", "x".repeat(256)}) {
      assertThatThrownBy(() -> PaymentRefs.of("charge", value)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(PaymentRefs.of("k".repeat(40), "x".repeat(255)).get("k".repeat(40))).hasValue("x".repeat(255));
  }

  @Test
  void eventsAndRequestsCheckTheirMoney() {
    PaymentEvent.Succeeded paid = new PaymentEvent.Succeeded("evt_1", "paid", "cs_1", null, Money.ZERO, null, null,
        Map.of("k", "v"));
    assertThat(paid.refs()).isEqualTo(PaymentRefs.NONE);
    assertThat(paid.currency()).isEqualTo("usd");
    assertThat(paid.metadata()).containsEntry("k", "v");
    assertThat(new PaymentEvent.Succeeded("evt_1", "paid", "cs_1", PaymentRefs.of("charge", "ch_1"),
        Money.ofCents(1), "eur", null, Map.of()).currency()).isEqualTo("eur");
    assertThatThrownBy(() -> new PaymentEvent.Succeeded("evt_1", "paid", "cs_1", null, Money.ofCents(-1), "usd",
        null, Map.of())).isInstanceOf(IllegalArgumentException.class);
    assertThat(new PaymentEvent.Refunded("evt_2", "refunded", null, true).refs()).isEqualTo(PaymentRefs.NONE);

    assertThatThrownBy(() -> new PaymentRequest(Money.ZERO, "x", null, Map.of(), null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new PaymentRequest(Money.ofCents(1), "x", null, Map.of(), null, null).amount().cents()).isEqualTo(1);

    RefundRequest refund = new RefundRequest("cs_1", null, Money.ofDollars(5), "key", null);
    assertThat(refund.refs()).isEqualTo(PaymentRefs.NONE);
    assertThat(refund.reason()).isEmpty();
    assertThat(new RefundRequest("cs_1", PaymentRefs.of("charge", "ch_1"), Money.ofDollars(5), "key", "why")
        .reason()).isEqualTo("why");
  }

  @Test
  void onlyMarkedPaymentsAreClouvels() {
    assertThat(PaymentMetadata.isOurs(Map.of(PaymentMetadata.MARKER, "1"))).isTrue();
    assertThat(PaymentMetadata.isOurs(Map.of(PaymentMetadata.MARKER, "0"))).isFalse();
    assertThat(PaymentMetadata.isOurs(Map.of())).isFalse();
  }
}
