package ai.clouvel.core.provider;

import java.util.Objects;

/**
 * Which call a {@link ProviderCallListener} hears about. Two kinds of call are reported: a
 * <em>model call</em> through a pipeline port (operation {@code "summary"}, {@code "idea"} or
 * {@code "image"}, with the pipeline run's id), whatever implements the port, and a
 * <em>provider call</em>, one HTTP attempt of a live provider (operation such as
 * {@code "POST /chat/completions"}, no run id), numbered from 1 when retried.
 *
 * @param provider who answers: {@code "openai"}, {@code "reddit"}, {@code "imgur"}; for model calls
 *     the port implementation's simple class name, for example {@code "OpenAiIdeaGenerator"}
 * @param operation what is asked for
 * @param model the model asked, or {@code null} when not known before the answer (HTTP calls) or
 *     not a model call
 * @param attempt 1 for the first attempt, 2 for the first retry, and so on
 * @param runId the pipeline run the call belongs to, or {@code null} outside a run
 */
public record ProviderCall(String provider, String operation, String model, int attempt, String runId) {

  public ProviderCall {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(operation, "operation");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1, not " + attempt);
    }
  }
}
