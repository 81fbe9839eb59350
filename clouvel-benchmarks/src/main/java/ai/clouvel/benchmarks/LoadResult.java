package ai.clouvel.benchmarks;

import java.util.Arrays;

/**
 * One scenario's measure, merged across its slices: the latency of every request, the errors, the
 * seconds measured, and the CPU spent meanwhile by this JVM and by the database's own processes.
 */
record LoadResult(long[] latencies, long errors, double seconds, long jvmCpuNanos, long databaseCpuNanos) {
  LoadResult plus(LoadResult other) {
    long[] both = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
    System.arraycopy(other.latencies, 0, both, latencies.length, other.latencies.length);
    return new LoadResult(both, errors + other.errors, seconds + other.seconds, jvmCpuNanos + other.jvmCpuNanos,
        databaseCpuNanos + other.databaseCpuNanos);
  }

  LoadResult withCpu(long jvmCpu, long databaseCpu) {
    return new LoadResult(latencies, errors, seconds, jvmCpu, databaseCpu);
  }

  double jvmCpuMicrosPerRequest() {
    return perRequest(jvmCpuNanos);
  }

  double databaseCpuMicrosPerRequest() {
    return perRequest(databaseCpuNanos);
  }

  private double perRequest(long nanos) {
    return latencies.length == 0 ? 0 : nanos / 1e3 / latencies.length;
  }

  long requests() {
    return latencies.length;
  }

  double rps() {
    return latencies.length / seconds;
  }

  long p50Nanos() {
    return percentile(50);
  }

  long p99Nanos() {
    return percentile(99);
  }

  private long percentile(int percentile) {
    if (latencies.length == 0) {
      return 0;
    }
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
