package ai.clouvel.benchmarks;

import java.time.Duration;
import java.util.List;

/** Sends requests over a number of connections for a while, each connection waiting for its answer. */
interface LoadGenerator extends AutoCloseable {
  /**
   * Drives the URLs, in turn, over the connections.
   *
   * @return the latencies and errors; the CPU is the caller's to measure
   */
  LoadResult run(List<String> urls, int connections, Duration duration) throws Exception;

  /** What drives the load, for the table's heading. */
  String describe();

  @Override
  void close();
}
