package ai.clouvel.agents.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and retries of one provider's HTTP client.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait between bytes of a response
 * @param callTimeout how long one attempt may take in all
 * @param retry the retry policy
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, Duration callTimeout,
    RetryPolicy retry) {

  /** 10 s to connect, 60 s to read, 120 s per attempt, default retries: for chat APIs. */
  public static final HttpSettings DEFAULT = new HttpSettings(Duration.ofSeconds(10),
      Duration.ofSeconds(60), Duration.ofSeconds(120), RetryPolicy.DEFAULT);

  public HttpSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(retry, "retry");
  }

  /**
   * Returns a copy with other timeouts.
   *
   * @param connect the connect timeout
   * @param read the read timeout
   * @param call the per-attempt timeout
   * @return the changed copy
   */
  public HttpSettings withTimeouts(Duration connect, Duration read, Duration call) {
    return new HttpSettings(connect, read, call, retry);
  }

  /**
   * Returns a copy with another retry policy.
   *
   * @param policy the policy
   * @return the changed copy
   */
  public HttpSettings withRetry(RetryPolicy policy) {
    return new HttpSettings(connectTimeout, readTimeout, callTimeout, policy);
  }
}
