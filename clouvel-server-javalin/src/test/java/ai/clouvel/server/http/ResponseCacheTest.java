package ai.clouvel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.donation.Donation;
import ai.clouvel.core.donation.DonationSource;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.Donor;
import ai.clouvel.core.event.ClouvelEvent;
import ai.clouvel.core.event.InMemoryEventBus;
import ai.clouvel.core.money.Money;
import ai.clouvel.test.time.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {
  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private final InMemoryEventBus events = new InMemoryEventBus();
  private final ResponseCache cache = new ResponseCache(new Json(), clock, Duration.ofSeconds(5), 100, events);
  private final AtomicInteger computed = new AtomicInteger();

  private ResponseCache.Answer ask(String key, String... tags) {
    return cache.answer(key, () -> new ResponseCache.Cacheable(Map.of("n", computed.incrementAndGet()), Set.of(tags)));
  }

  private static String text(ResponseCache.Answer answer) {
    return new String(answer.json(), StandardCharsets.UTF_8);
  }

  private Donation donationTo(String postId) {
    return new Donation(1, "p1", DonationSource.MANUAL, DonationStatus.SUCCEEDED, Money.ofDollars(5), "bronze",
        DonationType.SUPPORT, null, "hiking", postId, Donor.UNKNOWN, "", null, null, clock.instant(), clock.instant());
  }

  @Test
  void servesFromMemoryUntilTheTimeToLiveRunsOut() {
    ResponseCache.Answer first = ask("/gallery?page=1", ResponseCache.PRODUCTS);
    ResponseCache.Answer second = ask("/gallery?page=1", ResponseCache.PRODUCTS);
    assertThat(first.fromCache()).isFalse();
    assertThat(second.fromCache()).isTrue();
    assertThat(second.etag()).isEqualTo(first.etag());
    assertThat(text(second)).isEqualTo(text(first));
    clock.advance(Duration.ofSeconds(6));
    assertThat(ask("/gallery?page=1", ResponseCache.PRODUCTS).fromCache()).isFalse();
    assertThat(computed.get()).isEqualTo(2);
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(2);
  }

  @Test
  void aDonationEvictsOnlyTheAnswersThatShowItsPost() {
    ask("/page1", ResponseCache.PRODUCTS, ResponseCache.post("a"), ResponseCache.post("b"));
    ask("/page2", ResponseCache.PRODUCTS, ResponseCache.post("c"));
    ask("/summary", ResponseCache.DONATIONS);
    events.publish(new ClouvelEvent.DonationUpdated(donationTo("b"), clock.instant()));
    assertThat(ask("/page1", ResponseCache.PRODUCTS).fromCache()).isFalse();
    assertThat(ask("/page2", ResponseCache.PRODUCTS).fromCache()).isTrue();
    assertThat(ask("/summary", ResponseCache.DONATIONS).fromCache()).isFalse();
  }

  @Test
  void anAnswerComputedWhileWhatItShowsChangedIsNotStored() {
    cache.answer("/page", () -> {
      cache.invalidate(List.of(ResponseCache.post("x")));
      return new ResponseCache.Cacheable(Map.of("stale", true), Set.of(ResponseCache.post("x")));
    });
    assertThat(ask("/page", ResponseCache.post("x")).fromCache()).isFalse();
    cache.answer("/other", () -> {
      cache.invalidate(List.of(ResponseCache.post("unrelated")));
      return new ResponseCache.Cacheable(Map.of("fine", true), Set.of(ResponseCache.post("y")));
    });
    assertThat(ask("/other", ResponseCache.post("y")).fromCache()).isTrue();
  }

  @Test
  void aNewProductEvictsEveryProductList() {
    ask("/page1", ResponseCache.PRODUCTS);
    ask("/summary", ResponseCache.DONATIONS);
    cache.invalidate(List.of(ResponseCache.PRODUCTS));
    assertThat(ask("/page1", ResponseCache.PRODUCTS).fromCache()).isFalse();
    assertThat(ask("/summary", ResponseCache.DONATIONS).fromCache()).isTrue();
  }

  @Test
  void staysWithinItsSize() {
    ResponseCache small = new ResponseCache(new Json(), clock, Duration.ofSeconds(5), 2, events);
    for (String key : List.of("/a", "/b", "/c")) {
      small.answer(key, () -> new ResponseCache.Cacheable(Map.of("k", key), Set.of()));
    }
    assertThat(small.answer("/a", () -> new ResponseCache.Cacheable(Map.of(), Set.of())).fromCache()).isFalse();
    assertThat(small.answer("/c", () -> new ResponseCache.Cacheable(Map.of(), Set.of())).fromCache()).isTrue();
  }
}
