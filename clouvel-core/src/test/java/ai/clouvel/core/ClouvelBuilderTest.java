package ai.clouvel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.commission.CommissionSettings;
import ai.clouvel.core.offline.DemoPaymentGateway;
import ai.clouvel.core.store.InMemoryCatalogStore;
import ai.clouvel.core.testing.ManualTicker;
import ai.clouvel.core.testing.MutableClock;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ClouvelBuilderTest {
  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");

  @Test
  void aBuiltClouvelIgnoresLaterChangesToItsBuilder() {
    Clouvel.Builder builder = Clouvel.builder().clock(clock).ticker(new ManualTicker())
        .publicBaseUrl("https://first.example");
    try (Clouvel clouvel = builder.build()) {
      builder.publicBaseUrl("https://second.example").clock(Clock.systemUTC())
          .commissionRules(ai.clouvel.core.donation.CommissionRules.defaults());

      assertThat(clouvel.publicBaseUrl()).isEqualTo("https://first.example");
      assertThat(clouvel.clock()).isSameAs(clock);
    }
  }

  @Test
  void theCatalogGivenAtBuildIsTheOneProductsAreSavedIn() {
    InMemoryCatalogStore catalog = new InMemoryCatalogStore(clock);
    try (Clouvel clouvel = Clouvel.builder().clock(clock).ticker(new ManualTicker()).build(catalog)) {
      assertThat(clouvel.catalog()).isSameAs(catalog);
    }
  }

  @Test
  void commissionSettingsWithoutADurableStoreAreRefusedAtBuildNotAtFirstUse() {
    Clouvel.Builder withGateway = Clouvel.builder().clock(clock).ticker(new ManualTicker())
        .paymentGateway(new DemoPaymentGateway("http://localhost:8000", clock));
    assertThatThrownBy(withGateway::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("build(ClouvelStore)");

    Clouvel.Builder withSettings = Clouvel.builder().clock(clock).ticker(new ManualTicker())
        .commissionSettings(CommissionSettings.DEFAULTS);
    assertThatThrownBy(() -> withSettings.build(new InMemoryCatalogStore(clock)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void onlyADurableClouvelOffersCommissionsSoTheirAbsenceIsACompileError() {
    assertThat(Arrays.stream(Clouvel.class.getMethods()).map(Method::getName))
        .doesNotContain("commissions", "store", "paymentGateway");
    assertThat(Arrays.stream(DurableClouvel.class.getMethods()).map(Method::getName))
        .contains("commissions", "store", "paymentGateway");
    assertThat(Clouvel.class.getPermittedSubclasses()).containsExactly(DurableClouvel.class);
  }
}
