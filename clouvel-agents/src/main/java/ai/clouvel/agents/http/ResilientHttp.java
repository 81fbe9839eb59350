package ai.clouvel.agents.http;

import ai.clouvel.core.provider.ProviderException;
import ai.clouvel.core.provider.ProviderRequestException;
import ai.clouvel.core.provider.ProviderUnavailableException;
import ai.clouvel.core.provider.RateLimitedException;
import ai.clouvel.core.time.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
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
 * messages. Time and waits come from an injectable clock and sleeper. Thread-safe.
 */
public final class ResilientHttp {
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

  private ResilientHttp(Builder builder) {
    this.provider = builder.provider;
    this.client = builder.client.newBuilder()
        .connectTimeout(builder.settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(builder.settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(builder.settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(builder.settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .retryOnConnectionFailure(false)
        .build();
    this.retry = builder.settings.retry();
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.random = builder.random;
    this.redactor = builder.redactor;
    this.classifier = builder.classifier;
    this.pacer = builder.pacer;
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
    HttpResult result = exchange(request);
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
    int attempt = 0;
    while (true) {
      attempt++;
      HttpResult result;
      try {
        if (pacer != null) {
          pacer.acquire();
        }
        long started = System.nanoTime();
        try (Response response = client.newCall(request).execute()) {
          ResponseBody body = response.body();
          result = new HttpResult(response.code(), response.headers(), body.bytes());
        }
        if (pacer != null) {
          pacer.observe(result.headers());
        }
        log.debug("{} {} {} -> {} in {} ms (attempt {})", provider, request.method(),
            redactor.redact(request.url().toString()), result.status(),
            (System.nanoTime() - started) / 1_000_000, attempt);
      } catch (IOException e) {
        String reason = e.getClass().getSimpleName() + ": " + redactor.redact(e.getMessage());
        if (attempt >= retry.maxAttempts()) {
          throw new ProviderUnavailableException(provider,
              reason + " (after " + attempt + " attempts)", null);
        }
        waitBeforeRetry(attempt, Optional.empty(), reason);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProviderUnavailableException(provider, "interrupted while waiting to send", null);
      }
      if (result.isSuccessful()) {
        return result;
      }
      Optional<ProviderException> recognised = classifier.classify(result.status(), result.text());
      if (recognised.isPresent()) {
        throw recognised.get();
      }
      if (!isRetryable(result.status())) {
        return result;
      }
      Optional<Duration> retryAfter = RetryAfter.of(result.headers(), clock);
      if (attempt >= retry.maxAttempts()
          || retryAfter.filter(wait -> wait.compareTo(retry.maxRetryAfter()) > 0).isPresent()) {
        throw failure(result, attempt);
      }
      waitBeforeRetry(attempt, retryAfter, "HTTP " + result.status());
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
    private OkHttpClient client = new OkHttpClient();
    private HttpSettings settings = HttpSettings.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private RandomGenerator random = new java.util.Random();
    private Redactor redactor = Redactor.of();
    private ErrorClassifier classifier = ErrorClassifier.generic();
    private RequestPacer pacer;

    private Builder(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
    }

    /**
     * Sets the OkHttp client to derive from, sharing its connection pool. Default: a new client.
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
     * Builds the client.
     *
     * @return the client
     */
    public ResilientHttp build() {
      return new ResilientHttp(this);
    }
  }
}
