package ai.clouvel.server.metrics;

import ai.clouvel.core.provider.ProviderCallListener;
import ai.clouvel.core.provider.ProviderResponse;
import java.util.Objects;

/**
 * Counts model spend, tokens and images from the pipeline's model calls, by listening to them as
 * the store's usage accounting does: what the metrics count is what the store records.
 */
public final class ModelSpendListener implements ProviderCallListener {
  private final ServerMetrics metrics;

  /**
   * Creates the listener.
   *
   * @param metrics where spend is counted
   */
  public ModelSpendListener(ServerMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public void onResponse(ProviderResponse response) {
    metrics.recordUsage(response.usage());
  }
}
