package ai.clouvel.benchmarks;

import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.store.ClouvelStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The time one store call takes on one thread with nothing else running, next to the cheapest read
 * there is (one product by its key): the floor under each endpoint, before HTTP and JSON. On
 * PostgreSQL it includes the server's work, which the calling thread waits for.
 */
final class StoreCallCosts {
  private static final long WARM_UP_NANOS = 2_000_000_000L;
  private static final long SLICE_NANOS = 1_500_000_000L;
  private static final int SLICES = 2;

  private StoreCallCosts() {
  }

  static void print(ClouvelStore store, List<Long> ids) {
    int sets = Math.max(1, ids.size() / 20);
    Map<String, IntConsumer> calls = new LinkedHashMap<>();
    calls.put("one product by id", i -> store.products().find(ids.get(i % ids.size())));
    calls.put("gallery page (20 products)", i -> store.gallery().page(new PageRequest(20, 20 * (i % sets)), null));
    calls.put("bulk donations (20 products)", i -> {
      int set = i % sets;
      store.donations().forProducts(ids.subList(20 * set, Math.min(ids.size(), 20 * set + 20)), 10);
    });
    Map<String, long[]> totals = new LinkedHashMap<>();
    calls.forEach((name, call) -> run(call, WARM_UP_NANOS));
    for (int slice = 0; slice < SLICES; slice++) {
      calls.forEach((name, call) -> {
        long start = System.nanoTime();
        long count = run(call, SLICE_NANOS);
        long[] total = totals.computeIfAbsent(name, n -> new long[2]);
        total[0] += System.nanoTime() - start;
        total[1] += count;
      });
    }
    System.out.printf(Locale.ROOT, "%nOne store call on one thread, nothing else running (after %d s of warm-up):%n",
        WARM_UP_NANOS / 1_000_000_000L);
    System.out.println("| call | µs per call | vs one product by id |");
    System.out.println("|---|---:|---:|");
    double floor = micros(totals.get("one product by id"));
    totals.forEach((name, total) -> System.out.printf(Locale.ROOT, "| %s | %.0f | %.1f× |%n", name, micros(total),
        micros(total) / floor));
  }

  private static long run(IntConsumer call, long nanos) {
    long end = System.nanoTime() + nanos;
    int i = 0;
    while (System.nanoTime() < end) {
      call.accept(i++);
    }
    return i;
  }

  private static double micros(long[] total) {
    return total[0] / 1e3 / total[1];
  }
}
