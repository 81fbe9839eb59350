package ai.clouvel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WrkLoadGeneratorTest {
  @Test
  void readsTheSummaryAndEveryLatencyAmongWrksOwnLines() {
    // 100 requests on 100 connections in 2 s: an interval of 2 s, above every latency, so wrk added nothing.
    LoadResult result = WrkLoadGenerator.parse(List.of(
        "Running 2s test @ http://localhost:8000",
        "  1 threads and 100 connections",
        "clouvel-summary 100 2000000 3",
        "clouvel-latency 100 98",
        "clouvel-latency 9000 2"), 100);

    assertThat(result.requests()).isEqualTo(100);
    assertThat(result.errors()).isEqualTo(3);
    assertThat(result.seconds()).isEqualTo(2.0);
    assertThat(result.rps()).isEqualTo(50.0);
    assertThat(result.p50Nanos()).isEqualTo(100_000);
    assertThat(result.p99Nanos()).isEqualTo(9_000_000);
  }

  @Test
  void takesOutExactlyTheSamplesWrksCorrectionAdded() {
    Random random = new Random(42);
    int connections = 8;
    long durationMicros = 1_000_000;
    long[] measured = new long[4_000];
    for (int i = 0; i < measured.length; i++) {
      // Mostly around 2 ms, with a tail to 60 ms: far above wrk's interval of 2,000 µs here.
      measured[i] = random.nextInt(10) == 0 ? 2_000 + random.nextInt(58_000) : 1_000 + random.nextInt(2_000);
    }
    List<String> output = new ArrayList<>();
    output.add("clouvel-summary " + measured.length + " " + durationMicros + " 0");
    long[] histogram = wrkCorrected(measured, durationMicros / (measured.length / connections));
    long reported = 0;
    for (int value = 0; value < histogram.length; value++) {
      if (histogram[value] > 0) {
        output.add("clouvel-latency " + value + " " + histogram[value]);
        reported += histogram[value];
      }
    }
    assertThat(reported).as("wrk's correction added samples").isGreaterThan(measured.length);

    LoadResult result = WrkLoadGenerator.parse(output, connections);

    long[] expected = Arrays.stream(measured).map(micros -> micros * 1_000).sorted().toArray();
    assertThat(result.latencies()).containsExactly(expected);
  }

  @Test
  void outputWithoutTheScriptsSummaryIsAFailureNotAnEmptyResult() {
    assertThatThrownBy(() -> WrkLoadGenerator.parse(List.of("unable to connect to localhost:8000 Connection refused"), 64))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Connection refused");
  }

  /** What wrk 4 does to its latency histogram before the script's done() reads it (stats_correct). */
  private static long[] wrkCorrected(long[] latencies, long interval) {
    long[] data = new long[Math.toIntExact(Arrays.stream(latencies).max().orElse(0)) + 1];
    for (long latency : latencies) {
      data[(int) latency]++;
    }
    for (long n = interval * 2; n < data.length; n++) {
      long count = data[(int) n];
      long m = n - interval;
      while (count > 0 && m > interval) {
        data[(int) m] += count;
        m -= interval;
      }
    }
    return data;
  }
}
