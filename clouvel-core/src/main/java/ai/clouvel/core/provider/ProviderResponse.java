package ai.clouvel.core.provider;

import ai.clouvel.core.usage.Usage;
import java.time.Duration;
import java.util.Objects;

/**
 * A call that answered. Model calls carry what the answer consumed and cost; an HTTP attempt of a
 * live provider carries {@link Usage#free free} usage, since its cost is reported once, on the
 * model call it served.
 *
 * @param call the call
 * @param usage what it consumed; the model named in it is the one that answered
 * @param duration from request to answer, measured with the injected clock
 */
public record ProviderResponse(ProviderCall call, Usage usage, Duration duration) {

  public ProviderResponse {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(duration, "duration");
  }

  /**
   * Returns the call's cost in whole cents, rounded half up; {@link Usage#costMicros()} keeps the
   * fractions of a cent that provider prices have.
   *
   * @return the cost in US cents
   */
  public long costCents() {
    return (usage.costMicros() + 5_000) / 10_000;
  }
}
