package ai.clouvel.core.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * A call that failed: the attempt will be retried, or the failure reaches the caller. Listeners
 * must not log the error's message blindly when it may quote a prompt; the typed
 * {@link ProviderException}s written by Clouvel's providers keep secrets out of their messages.
 *
 * @param call the call
 * @param error what went wrong
 * @param duration from request to failure, measured with the injected clock
 * @param retried {@code true} if another attempt follows
 */
public record ProviderError(ProviderCall call, RuntimeException error, Duration duration, boolean retried) {

  public ProviderError {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(duration, "duration");
  }
}
