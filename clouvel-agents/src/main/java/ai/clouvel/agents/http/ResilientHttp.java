package ai.clouvel.agents.http;

import ai.clouvel.core.provider.ProviderCall;
import ai.clouvel.core.provider.ProviderCallListener;
import ai.clouvel.core.provider.ProviderError;
import ai.clouvel.core.provider.ProviderException;
import ai.clouvel.core.provider.ProviderResponse;
import ai.clouvel.core.provider.ProviderRequestException;
import ai.clouvel.core.provider.ProviderUnavailableException;
import ai.clouvel.core.provider.RateLimitedException;
import ai.clouvel.core.time.Sleeper;
import ai.clouvel.core.usage.Usage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP layer every provider client shares: timeouts on every call; retries of connection
 * errors, timeouts, 408, 429 and 5xx with exponential backoff and jitter that honour
 * {@code Retry-After} (seconds or HTTP date) and {@code retry-after-ms}; no retry of content
 * errors; failures reported as typed {@link ProviderException}s; secrets kept out of logs and
 * messages. Time and waits come from an injectable clock and sleeper. Every attempt is told to a
 * {@link ProviderCallListener}. Thread-safe.
 */
public final class ResilientHttp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ResilientHttp.class);
  private static final int MAX_ERROR_TEXT = 300;

  private final String provider;
  private final OkHttpClient client;
  private final RetryPolicy retry;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final Redactor redactor;
  private final ErrorClassifier classifier;
  private final RequestPacer pacer;
  private final ProviderCallListener listener;
  private final OkHttpClient ownedClient;

  private ResilientHttp(Builder builder) {
    this.provider = builder.provider;
    OkHttpClient base = builder.client != null ? builder.client : new OkHttpClient();
    this.ownedClient = builder.client != null ? null : base;
    this.client = base.newBuilder()
        .connectTimeout(builder.settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(builder.settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(builder.settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(builder.settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .retryOnConnectionFailure(false)
        .followRedirects(builder.followRedirects)
        .build();
    this.retry = builder.settings.retry();
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.random = builder.random;
    this.redactor = builder.redactor;
    this.classifier = builder.classifier;
    this.pacer = builder.pacer;
    this.listener = ProviderCallListener.safe(builder.listener);
  }

  /**
   * Starts configuring the client of one provider.
   *
   * @param provider the provider's name, used in errors and logs, for example {@code "openai"}
   * @return the builder
   */
  public static Builder builder(String provider) {
    return new Builder(provider);
  }

  /**
   * Sends a request and returns a successful response.
   *
   * @param request the request
   * @return the 2xx response, its body read
   * @throws ProviderException when the call finally fails: rate limited, unavailable, rejected
   *     content (from the classifier) or a refused request
   */
  public HttpResult call(Request request) {
    return call(request, null);
  }

  /**
   * Sends a request to a model and returns a successful response.
   *
   * @param request the request
   * @param model the model asked, told to the call listener; {@code null} if none
   * @return the 2xx response, its body read
   * @throws ProviderException when the call finally fails: rate limited, unavailable, rejected
   *     content (from the classifier) or a refused request
   */
  public HttpResult call(Request request, String model) {
    HttpResult result = exchange(request, model);
    if (!result.isSuccessful()) {
      throw failure(result, 1);
    }
    return result;
  }

  /**
   * Sends a request, retrying what is worth retrying, and returns the final response whatever its
   * status, unless that status is one that retries could not fix.
   *
   * @param request the request
   * @return the final response: 2xx, or a 4xx other than 408 and 429
   * @throws ProviderException when retries run out, or the classifier recognises the failure
   */
  public HttpResult exchange(Request request) {
    return exchange(request, null);
  }

  private HttpResult exchange(Request request, String model) {
    String operation = request.method() + " " + request.url().encodedPath();
    int attempt = 0;
    while (true) {
      attempt++;
      HttpResult result;
      ProviderCall call = new ProviderCall(provider, operation, model, attempt, null);
      Instant started = null;
      try {
        if (pacer != null) {
          pacer.acquire();
        }
        listener.onRequest(call);
        started = clock.instant();
        try (Response response = client.newCall(request).execute()) {
          ResponseBody body = response.body();
          result = new HttpResult(response.code(), response.headers(), body.bytes());
        }
        if (pacer != null) {
          pacer.observe(result.headers());
        }
        log.debug("{} {} {} -> {} in {} ms (attempt {})", provider, request.method(),
            redactor.redact(request.url().toString()), result.status(), since(started).toMillis(), attempt);
      } catch (IOException e) {
        String reason = e.getClass().getSimpleName() + ": " + redactor.redact(e.getMessage());
        boolean last = attempt >= retry.maxAttempts();
        ProviderUnavailableException failure = new ProviderUnavailableException(provider,
            last ? reason + " (after " + attempt + " attempts)" : reason, null);
        listener.onError(new ProviderError(call, failure, since(started), !last));
        if (last) {
          throw failure;
        }
        waitBeforeRetry(attempt, Optional.empty(), reason);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProviderUnavailableException(provider, "interrupted while waiting to send", null);
      }
      if (result.isSuccessful()) {
        listener.onResponse(new ProviderResponse(call, Usage.free(model != null ? model : provider), since(started)));
        return result;
      }
      Optional<ProviderException> recognised = classifier.classify(result.status(), result.text());
      if (recognised.isPresent()) {
        listener.onError(new ProviderError(call, recognised.get(), since(started), false));
        throw recognised.get();
      }
      if (!isRetryable(result.status())) {
        listener.onError(new ProviderError(call, failure(result, attempt), since(started), false));
        return result;
      }
      Optional<Duration> retryAfter = RetryAfter.of(result.headers(), clock);
      if (attempt >= retry.maxAttempts()
          || retryAfter.filter(wait -> wait.compareTo(retry.maxRetryAfter()) > 0).isPresent()) {
        ProviderException failure = failure(result, attempt);
        listener.onError(new ProviderError(call, failure, since(started), false));
        throw failure;
      }
      listener.onError(new ProviderError(call, failure(result, attempt), since(started), true));
      waitBeforeRetry(attempt, retryAfter, "HTTP " + result.status());
    }
  }

  private Duration since(Instant started) {
    return started == null ? Duration.ZERO : Duration.between(started, clock.instant());
  }

  /**
   * Closes the OkHttp client if this object created it (no client was given to its builder):
   * shuts down its dispatcher's threads and closes its pooled connections. A client given to the
   * builder belongs to the caller and is left open.
   */
  @Override
  public void close() {
    if (ownedClient != null) {
      HttpClients.shutdown(ownedClient);
    }
  }

  private void waitBeforeRetry(int failedAttempts, Optional<Duration> retryAfter, String reason) {
    Duration backoff = retry.backoff(failedAttempts);
    long jittered = (long) (backoff.toMillis() * (1 - retry.jitter() * random.nextDouble()));
    Duration wait = Duration.ofMillis(jittered);
    if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
      wait = retryAfter.get();
    }
    log.warn("{}: {} on attempt {}/{}, retrying in {} ms", provider, reason, failedAttempts,
        retry.maxAttempts(), wait.toMillis());
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderUnavailableException(provider, "interrupted while backing off", null);
    }
  }

  private ProviderException failure(HttpResult result, int attempts) {
    String detail = redactor.redact(abbreviate(result.text()));
    int status = result.status();
    if (status == 429) {
      return new RateLimitedException(provider, "rate limited (HTTP 429) after " + attempts
          + " attempt(s): " + detail, RetryAfter.of(result.headers(), clock).orElse(null));
    }
    if (isRetryable(status)) {
      return new ProviderUnavailableException(provider, "HTTP " + status + " after " + attempts
          + " attempt(s): " + detail, null);
    }
    return new ProviderRequestException(provider, status, detail);
  }

  private static boolean isRetryable(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  private static String abbreviate(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= MAX_ERROR_TEXT ? flat : flat.substring(0, MAX_ERROR_TEXT) + "…";
  }

  /** Configures a {@link ResilientHttp}. */
  public static final class Builder {
    private final String provider;
    private OkHttpClient client;
    private HttpSettings settings = HttpSettings.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private RandomGenerator random = new java.util.Random();
    private Redactor redactor = Redactor.of();
    private ErrorClassifier classifier = ErrorClassifier.generic();
    private RequestPacer pacer;
    private ProviderCallListener listener = ProviderCallListener.NONE;
    private boolean followRedirects = true;

    private Builder(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
    }

    /**
     * Sets the OkHttp client to derive from, sharing its connection pool and threads; it stays the
     * caller's to close. Default: a new client, closed by {@link ResilientHttp#close()}.
     *
     * @param client the base client
     * @return this builder
     */
    public Builder client(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets timeouts and retries. Default: {@link HttpSettings#DEFAULT}.
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder settings(HttpSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Sets the clock that dates {@code Retry-After} are compared with. Default: system UTC.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the sleeper backoff goes through. Default: {@link Sleeper#system()}.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the source of jitter. Default: a new {@link java.util.Random}.
     *
     * @param random a thread-safe random generator
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Sets the secrets to keep out of logs and messages.
     *
     * @param redactor the redactor
     * @return this builder
     */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    /**
     * Sets the provider-specific error recognition. Default: generic rules only.
     *
     * @param classifier the classifier
     * @return this builder
     */
    public Builder errorClassifier(ErrorClassifier classifier) {
      this.classifier = Objects.requireNonNull(classifier, "classifier");
      return this;
    }

    /**
     * Sets a pacer that keeps requests under the provider's limit. Default: none.
     *
     * @param pacer the pacer
     * @return this builder
     */
    public Builder pacer(RequestPacer pacer) {
      this.pacer = Objects.requireNonNull(pacer, "pacer");
      return this;
    }

    /**
     * Sets whether redirects are followed. Default: yes.
     *
     * @param follow {@code false} to hand 3xx answers to the caller
     * @return this builder
     */
    public Builder followRedirects(boolean follow) {
      this.followRedirects = follow;
      return this;
    }

    /**
     * Sets who hears every attempt: request, response or error. Default: nobody.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder callListener(ProviderCallListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     */
    public ResilientHttp build() {
      return new ResilientHttp(this);
    }
  }
}
