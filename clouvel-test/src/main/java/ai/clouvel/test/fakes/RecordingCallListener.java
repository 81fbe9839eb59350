package ai.clouvel.test.fakes;

import ai.clouvel.core.provider.ProviderCall;
import ai.clouvel.core.provider.ProviderCallListener;
import ai.clouvel.core.provider.ProviderError;
import ai.clouvel.core.provider.ProviderResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ProviderCallListener} that records every request, response and error. Thread-safe. */
public final class RecordingCallListener implements ProviderCallListener {
  private final List<ProviderCall> requests = new CopyOnWriteArrayList<>();
  private final List<ProviderResponse> responses = new CopyOnWriteArrayList<>();
  private final List<ProviderError> errors = new CopyOnWriteArrayList<>();

  @Override
  public void onRequest(ProviderCall call) {
    requests.add(call);
  }

  @Override
  public void onResponse(ProviderResponse response) {
    responses.add(response);
  }

  @Override
  public void onError(ProviderError error) {
    errors.add(error);
  }

  /**
   * Returns the calls heard before they were sent, in order.
   *
   * @return the calls
   */
  public List<ProviderCall> requests() {
    return List.copyOf(requests);
  }

  /**
   * Returns the answers heard, in order.
   *
   * @return the responses
   */
  public List<ProviderResponse> responses() {
    return List.copyOf(responses);
  }

  /**
   * Returns the failures heard, in order.
   *
   * @return the errors
   */
  public List<ProviderError> errors() {
    return List.copyOf(errors);
  }

  /**
   * Sums the cost of every answered call.
   *
   * @return the cost in millionths of a US dollar
   */
  public long costMicros() {
    return responses.stream().mapToLong(r -> r.usage().costMicros()).sum();
  }
}
