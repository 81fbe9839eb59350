package ai.clouvel.core.donation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.money.Money;
import ai.clouvel.core.payment.GatewayId;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a store that implements only the required methods gets from the repository's defaults. */
class DonationRepositoryDefaultsTest {
  private final List<String> calls = new ArrayList<>();

  /** A repository that knows donations 1 and 3, answers two methods, and records every call. */
  private DonationRepository store() {
    Instant at = Instant.parse("2026-12-01T12:00:00Z");
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      calls.add(method.getName() + (args == null ? List.of() : List.of(args)));
      return switch (method.getName()) {
        case "find" -> {
          long id = (Long) args[0];
          yield id == 2 ? Optional.empty() : Optional.of(new Donation(id, "cs_" + id, DonationSource.GATEWAY,
              DonationStatus.SUCCEEDED, Money.ofDollars(id), null, DonationType.SUPPORT, null, null, "p" + id,
              Donor.UNKNOWN, null, GatewayId.of("demo"), null, at, at));
        }
        case "forProducts" -> Map.of();
        default -> throw new UnsupportedOperationException(method.getName());
      };
    };
    return (DonationRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {DonationRepository.class}, handler);
  }

  @Test
  void findAllLooksEachIdUpInOrderAndLeavesUnknownIdsOut() {
    Map<Long, Donation> found = store().findAll(List.of(3L, 2L, 1L));

    assertThat(found.keySet()).containsExactly(3L, 1L);
    assertThat(found.get(3L).paymentId()).isEqualTo("cs_3");
    assertThat(found.get(1L).amount()).isEqualTo(Money.ofDollars(1));
    assertThat(calls).containsExactly("find[3]", "find[2]", "find[1]");
  }

  @Test
  void findAllOfNothingAsksNothing() {
    assertThat(store().findAll(List.of())).isEmpty();
    assertThat(calls).isEmpty();
  }

  @Test
  void forProductsWithoutALimitListsEverySupport() {
    store().forProducts(List.of(5L, 6L));

    assertThat(calls).containsExactly("forProducts[[5, 6], " + Integer.MAX_VALUE + "]");
  }
}
