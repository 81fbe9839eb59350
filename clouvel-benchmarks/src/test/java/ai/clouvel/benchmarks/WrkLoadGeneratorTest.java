package ai.clouvel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WrkLoadGeneratorTest {
  @Test
  void readsTheSummaryAndEveryLatencyAmongWrksOwnLines() {
    LoadResult result = WrkLoadGenerator.parse(List.of(
        "Running 2s test @ http://localhost:8000",
        "  1 threads and 64 connections",
        "clouvel-summary 100 2000000 3",
        "clouvel-latency 100 98",
        "clouvel-latency 9000 2"));

    assertThat(result.requests()).isEqualTo(100);
    assertThat(result.errors()).isEqualTo(3);
    assertThat(result.seconds()).isEqualTo(2.0);
    assertThat(result.rps()).isEqualTo(50.0);
    assertThat(result.p50Nanos()).isEqualTo(100_000);
    assertThat(result.p99Nanos()).isEqualTo(9_000_000);
  }

  @Test
  void outputWithoutTheScriptsSummaryIsAFailureNotAnEmptyResult() {
    assertThatThrownBy(() -> WrkLoadGenerator.parse(List.of("unable to connect to localhost:8000 Connection refused")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("Connection refused");
  }

  @Test
  void slicesMergeIntoOneDistributionWithTheirCpu() {
    LoadResult fast = new LoadResult(new long[] {1, 2, 3}, 0, 1.0, 300, 30);
    LoadResult slow = new LoadResult(new long[] {100}, 1, 1.0, 700, 10);

    LoadResult both = fast.plus(slow);

    assertThat(both.latencies()).containsExactly(1, 2, 3, 100);
    assertThat(both.errors()).isEqualTo(1);
    assertThat(both.rps()).isEqualTo(2.0);
    assertThat(both.jvmCpuMicrosPerRequest()).isEqualTo(0.25);
    assertThat(both.databaseCpuMicrosPerRequest()).isEqualTo(0.01);
    assertThat(both.p99Nanos()).isEqualTo(100);
  }
}
