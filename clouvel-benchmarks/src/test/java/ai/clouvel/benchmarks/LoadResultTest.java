package ai.clouvel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadResultTest {
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
    assertThat(both.p50Nanos()).isEqualTo(2);
    assertThat(both.p99Nanos()).isEqualTo(100);
  }
}
