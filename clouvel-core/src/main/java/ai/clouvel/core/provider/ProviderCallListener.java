package ai.clouvel.core.provider;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears every model call of the pipeline and every HTTP attempt of the live providers: the request
 * before it is sent, then either the response (with usage and cost) or the error. Register one
 * with {@code Clouvel.builder().callListener(...)} for model calls and with the providers' builders
 * (or {@code LiveProviders.withCallListener}) for HTTP attempts. Clouvel's own usage accounting is
 * such a listener.
 *
 * <p>Methods are called on the calling thread, so they must be quick and thread-safe. An exception
 * thrown by a listener registered through {@link #safe} is logged and otherwise ignored: observing
 * a call never makes it fail. Every method does nothing by default.
 */
public interface ProviderCallListener {

  /** A listener that ignores everything. */
  ProviderCallListener NONE = new ProviderCallListener() {
  };

  /**
   * Hears a call about to be sent.
   *
   * @param call the call
   */
  default void onRequest(ProviderCall call) {
  }

  /**
   * Hears a call that answered.
   *
   * @param response the call, its usage and duration
   */
  default void onResponse(ProviderResponse response) {
  }

  /**
   * Hears a call that failed.
   *
   * @param error the call, the failure and its duration
   */
  default void onError(ProviderError error) {
  }

  /**
   * Tells several listeners, in order, each through {@link #safe}.
   *
   * @param listeners the listeners
   * @return one listener telling them all
   */
  static ProviderCallListener all(List<? extends ProviderCallListener> listeners) {
    List<ProviderCallListener> safe = listeners.stream().map(ProviderCallListener::safe).toList();
    return new ProviderCallListener() {
      @Override
      public void onRequest(ProviderCall call) {
        safe.forEach(listener -> listener.onRequest(call));
      }

      @Override
      public void onResponse(ProviderResponse response) {
        safe.forEach(listener -> listener.onResponse(response));
      }

      @Override
      public void onError(ProviderError error) {
        safe.forEach(listener -> listener.onError(error));
      }
    };
  }

  /**
   * Wraps a listener so that what it throws is logged (its type, not its message, which might
   * quote a prompt) instead of failing the call.
   *
   * @param listener the listener
   * @return the guarded listener
   */
  static ProviderCallListener safe(ProviderCallListener listener) {
    Objects.requireNonNull(listener, "listener");
    Logger log = LoggerFactory.getLogger(ProviderCallListener.class);
    return new ProviderCallListener() {
      @Override
      public void onRequest(ProviderCall call) {
        try {
          listener.onRequest(call);
        } catch (RuntimeException e) {
          log.warn("Call listener {} failed on a {} request: {}", listener.getClass().getName(), call.provider(),
              e.getClass().getName());
        }
      }

      @Override
      public void onResponse(ProviderResponse response) {
        try {
          listener.onResponse(response);
        } catch (RuntimeException e) {
          log.warn("Call listener {} failed on a {} response: {}", listener.getClass().getName(),
              response.call().provider(), e.getClass().getName());
        }
      }

      @Override
      public void onError(ProviderError error) {
        try {
          listener.onError(error);
        } catch (RuntimeException e) {
          log.warn("Call listener {} failed on a {} error: {}", listener.getClass().getName(),
              error.call().provider(), e.getClass().getName());
        }
      }
    };
  }
}
