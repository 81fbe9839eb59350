package ai.clouvel.agents.reddit.internal;

import ai.clouvel.core.provider.BadResponseException;
import ai.clouvel.core.provider.ProviderException;
import ai.clouvel.core.provider.ProviderRequestException;
import ai.clouvel.core.provider.RateLimitedException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import net.dean.jraw.ApiException;
import net.dean.jraw.RateLimitException;
import net.dean.jraw.RedditClient;
import net.dean.jraw.http.NetworkException;
import net.dean.jraw.oauth.Credentials;
import net.dean.jraw.oauth.OAuthHelper;
import net.dean.jraw.ratelimit.NoopRateLimiter;

/**
 * One authenticated JRAW client, created on first use, with calls serialised (Reddit's rate limit
 * wants that anyway) and JRAW's failures turned into Clouvel's typed provider failures. JRAW's own
 * logging (to standard out), retries and rate limiter are off: the network adapter does pacing and
 * retries with an injectable clock and sleeper.
 */
public final class RedditConnection implements AutoCloseable {
  private static final String PROVIDER = "reddit";

  private final RedditNetworkAdapter adapter;
  private final Credentials credentials;
  private final Object lock = new Object();
  private RedditClient client;

  /**
   * Creates the connection.
   *
   * @param adapter the transport
   * @param credentials how to authenticate
   */
  public RedditConnection(RedditNetworkAdapter adapter, Credentials credentials) {
    this.adapter = Objects.requireNonNull(adapter, "adapter");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  /**
   * Runs work with the client; a missing, private or banned resource (404, 403, a redirect) is empty.
   *
   * @param work the work
   * @param <T> the result type
   * @return the result, or empty if Reddit says the resource is not there
   */
  public <T> Optional<T> find(Function<RedditClient, Optional<T>> work) {
    synchronized (lock) {
      try {
        return work.apply(client());
      } catch (RuntimeException e) {
        int status = status(e);
        if (status == 404 || status == 403 || status == 302 || status == 301) {
          return Optional.empty();
        }
        throw translate(e, status);
      }
    }
  }

  /**
   * Runs work with the client.
   *
   * @param work the work
   * @param <T> the result type
   * @return the result
   */
  public <T> T call(Function<RedditClient, T> work) {
    synchronized (lock) {
      try {
        return work.apply(client());
      } catch (RuntimeException e) {
        throw translate(e, status(e));
      }
    }
  }

  /** Closes the HTTP client if it was the connection's own. */
  @Override
  public void close() {
    adapter.close();
  }

  private RedditClient client() {
    if (client == null) {
      RedditClient reddit = OAuthHelper.automatic(adapter, credentials);
      reddit.setLogHttp(false);
      reddit.setRetryLimit(0);
      reddit.setRateLimiter(new NoopRateLimiter());
      client = reddit;
    }
    return client;
  }

  private static int status(RuntimeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof NetworkException network) {
        return network.getRes().getCode();
      }
    }
    return -1;
  }

  private static ProviderException translate(RuntimeException e, int status) {
    if (e instanceof ProviderException provider) {
      return provider;
    }
    // JRAW raises Reddit's in-body refusals (a 200 with a "json.errors" list) as these two.
    if (e instanceof RateLimitException limit) {
      return new RateLimitedException(PROVIDER, "Reddit asks to wait " + limit.getCooldown() + " s",
          Duration.ofMillis(Math.round(limit.getCooldown() * 1000)));
    }
    if (e instanceof ApiException api) {
      String message = api.getCode() + ": " + api.getExplanation();
      return "RATELIMIT".equals(api.getCode())
          ? new RateLimitedException(PROVIDER, message, null)
          : new ProviderRequestException(PROVIDER, 400, message);
    }
    if (status > 0) {
      return new ProviderRequestException(PROVIDER, status, "Reddit refused the request");
    }
    return new BadResponseException(PROVIDER, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
  }
}
