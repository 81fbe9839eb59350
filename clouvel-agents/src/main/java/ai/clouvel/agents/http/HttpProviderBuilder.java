package ai.clouvel.agents.http;

import ai.clouvel.core.provider.ProviderCallListener;
import ai.clouvel.core.time.Sleeper;
import java.time.Clock;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * The settings every HTTP provider's builder shares: timeouts and retries, the OkHttp client to
 * derive from, and the clock and sleeper that retries and pacing use. Provider builders extend it
 * and add their own credentials and addresses.
 *
 * @param <B> the concrete builder, returned by every setter so calls chain
 */
public abstract class HttpProviderBuilder<B extends HttpProviderBuilder<B>> {
  private HttpSettings httpSettings;
  private OkHttpClient okHttpClient;
  private ProviderCallListener callListener = ProviderCallListener.NONE;
  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.system();

  /**
   * Starts with the provider's own default timeouts and retries.
   *
   * @param defaultSettings the settings used unless {@link #httpSettings(HttpSettings)} is called
   */
  protected HttpProviderBuilder(HttpSettings defaultSettings) {
    this.httpSettings = Objects.requireNonNull(defaultSettings, "defaultSettings");
  }

  /**
   * Sets timeouts and retries. Default: the provider's, given in its builder's documentation.
   *
   * @param settings the settings
   * @return this builder
   */
  public final B httpSettings(HttpSettings settings) {
    this.httpSettings = Objects.requireNonNull(settings, "settings");
    return self();
  }

  /**
   * Sets the OkHttp client to derive from, sharing its connection pool and threads with every
   * provider given the same client. The client stays the caller's: closing the provider leaves it
   * open. Default: a new client of the provider's own, closed when the provider is closed.
   *
   * @param client the client
   * @return this builder
   */
  public final B okHttpClient(OkHttpClient client) {
    this.okHttpClient = Objects.requireNonNull(client, "client");
    return self();
  }

  /**
   * Sets who hears every HTTP attempt of the provider: request, response or error. Default: nobody.
   *
   * @param listener the listener
   * @return this builder
   */
  public final B callListener(ProviderCallListener listener) {
    this.callListener = Objects.requireNonNull(listener, "listener");
    return self();
  }

  /**
   * Sets the clock. Default: system UTC.
   *
   * @param clock the clock
   * @return this builder
   */
  public final B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /**
   * Sets the sleeper that retries and pacing wait with. Default: {@link Sleeper#system()}.
   *
   * @param sleeper the sleeper
   * @return this builder
   */
  public final B sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return self();
  }

  /**
   * Starts the provider's {@link ResilientHttp} with these settings; the provider adds its
   * redactor, error classifier or pacer.
   *
   * @param provider the provider's name, used in errors and logs
   * @return a builder with the client, settings, clock and sleeper set
   */
  protected final ResilientHttp.Builder http(String provider) {
    ResilientHttp.Builder http = ResilientHttp.builder(provider).settings(httpSettings).clock(clock)
        .sleeper(sleeper).callListener(callListener);
    return okHttpClient == null ? http : http.client(okHttpClient);
  }

  /**
   * Returns the OkHttp client set, for a provider that needs to derive its own from it.
   *
   * @return the client, or {@code null} if none was set
   */
  protected final OkHttpClient okHttpClient() {
    return okHttpClient;
  }

  /**
   * Returns the clock set.
   *
   * @return the clock
   */
  protected final Clock clock() {
    return clock;
  }

  /**
   * Returns the sleeper set.
   *
   * @return the sleeper
   */
  protected final Sleeper sleeper() {
    return sleeper;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
