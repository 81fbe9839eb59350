package ai.clouvel.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's HTTP client in this JVM, one thread per connection: no tool to install, but it shares
 * the server's cores and its cost per answer (more for a larger one) is in the JVM's CPU.
 */
final class JdkLoadGenerator implements LoadGenerator {
  private final ExecutorService httpThreads = Executors.newFixedThreadPool(4);
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .executor(httpThreads).build();

  @Override
  public String describe() {
    return "the JDK's HTTP client in the server's JVM";
  }

  @Override
  public LoadResult run(List<String> urls, int connections, Duration duration) throws Exception {
    List<HttpRequest> requests = urls.stream().map(url -> HttpRequest.newBuilder(URI.create(url)).GET().build()).toList();
    long end = System.nanoTime() + duration.toNanos();
    ExecutorService clients = Executors.newFixedThreadPool(connections);
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        int connection = c;
        futures.add(clients.submit(() -> drive(requests, connection, end)));
      }
      List<long[]> perConnection = new ArrayList<>();
      for (Future<long[]> future : futures) {
        perConnection.add(future.get());
      }
      long[] latencies = new long[perConnection.stream().mapToInt(values -> values.length - 1).sum()];
      int count = 0;
      long errors = 0;
      for (long[] values : perConnection) {
        System.arraycopy(values, 0, latencies, count, values.length - 1);
        count += values.length - 1;
        errors += values[values.length - 1];
      }
      return new LoadResult(latencies, errors, duration.toNanos() / 1e9, 0, 0);
    } finally {
      clients.shutdown();
      clients.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** One connection's requests until the end: their latencies, then the number of errors. */
  private long[] drive(List<HttpRequest> requests, int connection, long end) throws InterruptedException {
    long[] latencies = new long[1 << 16];
    int count = 0;
    long errors = 0;
    while (System.nanoTime() < end) {
      HttpRequest request = requests.get((connection + count) % requests.size());
      long start = System.nanoTime();
      try {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
          errors++;
        }
      } catch (IOException e) {
        errors++;
      }
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = System.nanoTime() - start;
    }
    long[] result = Arrays.copyOf(latencies, count + 1);
    result[count] = errors;
    return result;
  }

  @Override
  public void close() {
    httpThreads.shutdownNow();
  }
}
