package ai.clouvel.agents;

import ai.clouvel.agents.http.HttpClients;
import ai.clouvel.agents.imgur.ImgurImageHost;
import ai.clouvel.agents.openai.OpenAiClient;
import ai.clouvel.agents.openai.OpenAiCommentSummarizer;
import ai.clouvel.agents.openai.OpenAiDecisionMaker;
import ai.clouvel.agents.openai.OpenAiIdeaGenerator;
import ai.clouvel.agents.openai.OpenAiImageGenerator;
import ai.clouvel.agents.qr.QrCodeStamper;
import ai.clouvel.agents.reddit.RedditCommunityPublisher;
import ai.clouvel.agents.reddit.RedditContentSource;
import ai.clouvel.agents.reddit.RedditUserAgent;
import ai.clouvel.agents.zazzle.ZazzleProductPublisher;
import ai.clouvel.agents.zazzle.ZazzleTemplates;
import ai.clouvel.core.Clouvel;
import ai.clouvel.core.provider.ProviderCallListener;
import ai.clouvel.core.time.Sleeper;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Chooses live providers from configuration (usually environment variables), each one
 * independently: Reddit when {@code REDDIT_CLIENT_ID} and {@code REDDIT_CLIENT_SECRET} are set,
 * OpenAI when {@code OPENAI_API_KEY} is set, Zazzle when {@code ZAZZLE_AFFILIATE_ID} is set, Imgur
 * when {@code IMGUR_CLIENT_ID} is set. Whatever is not configured keeps Clouvel's offline default.
 * The QR stamp is always applied.
 *
 * <p>Every provider built here shares one {@link OkHttpClient}: one connection pool and one set of
 * threads. {@link #close()} shuts that client down (dispatcher threads stopped, pooled connections
 * closed), unless it was the caller's own, given to
 * {@link #fromEnvironment(Map, Clock, Sleeper, ProviderCallListener, OkHttpClient)}. Close the
 * providers' bundle after the Clouvel built with them.
 *
 * <pre>{@code
 * try (LiveProviders live = LiveProviders.fromEnvironment(System.getenv(), Clock.systemUTC(), Sleeper.system());
 *      Clouvel clouvel = live.applyTo(Clouvel.builder()).build()) {
 *   ...
 * }
 * }</pre>
 */
public final class LiveProviders implements AutoCloseable {
  private final Map<String, String> env;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ProviderCallListener callListener;
  private final OkHttpClient http;
  private final boolean ownsHttp;

  private LiveProviders(Map<String, String> env, Clock clock, Sleeper sleeper, ProviderCallListener callListener,
      OkHttpClient http, boolean ownsHttp) {
    this.env = Map.copyOf(env);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.callListener = Objects.requireNonNull(callListener, "callListener");
    this.http = http;
    this.ownsHttp = ownsHttp;
  }

  /**
   * Reads provider settings from a map of environment variables.
   *
   * @param env the variables, for example {@code System.getenv()}
   * @param clock the clock clients use
   * @param sleeper the sleeper clients wait with
   * @return the chooser, owning a new shared HTTP client
   */
  public static LiveProviders fromEnvironment(Map<String, String> env, Clock clock, Sleeper sleeper) {
    return fromEnvironment(env, clock, sleeper, ProviderCallListener.NONE);
  }

  /**
   * Reads provider settings from a map of environment variables; every HTTP attempt of every
   * provider is told to a listener.
   *
   * @param env the variables, for example {@code System.getenv()}
   * @param clock the clock clients use
   * @param sleeper the sleeper clients wait with
   * @param callListener hears every HTTP attempt: request, response, error
   * @return the chooser, owning a new shared HTTP client
   */
  public static LiveProviders fromEnvironment(Map<String, String> env, Clock clock, Sleeper sleeper,
      ProviderCallListener callListener) {
    return new LiveProviders(present(env), clock, sleeper, callListener, new OkHttpClient(), true);
  }

  /**
   * Reads provider settings from a map of environment variables, with the caller's OkHttp client
   * for every provider. {@link #close()} leaves that client open: it is the caller's.
   *
   * @param env the variables, for example {@code System.getenv()}
   * @param clock the clock clients use
   * @param sleeper the sleeper clients wait with
   * @param callListener hears every HTTP attempt: request, response, error
   * @param client the client every provider derives its own from, sharing its pool and threads
   * @return the chooser
   */
  public static LiveProviders fromEnvironment(Map<String, String> env, Clock clock, Sleeper sleeper,
      ProviderCallListener callListener, OkHttpClient client) {
    return new LiveProviders(present(env), clock, sleeper, callListener, Objects.requireNonNull(client, "client"),
        false);
  }

  private static Map<String, String> present(Map<String, String> env) {
    Map<String, String> present = new LinkedHashMap<>();
    env.forEach((key, value) -> {
      if (value != null && !value.isBlank()) {
        present.put(key, value.strip());
      }
    });
    return present;
  }

  /**
   * Returns the OkHttp client the providers share, for the embedder's own calls to the same hosts.
   *
   * @return the shared client
   */
  public OkHttpClient httpClient() {
    return http;
  }

  /**
   * Shuts down the shared HTTP client if this object created it: its dispatcher's threads stop and
   * its pooled connections close. Do not use the providers built here afterwards. A client given
   * by the caller is left open.
   */
  @Override
  public void close() {
    if (ownsHttp) {
      HttpClients.shutdown(http);
    }
  }

  /**
   * Tells whether Reddit is configured.
   *
   * @return {@code true} if client id and secret are set
   */
  public boolean hasReddit() {
    return env.containsKey("REDDIT_CLIENT_ID") && env.containsKey("REDDIT_CLIENT_SECRET");
  }

  /**
   * Tells whether OpenAI is configured.
   *
   * @return {@code true} if an API key is set
   */
  public boolean hasOpenAi() {
    return env.containsKey("OPENAI_API_KEY");
  }

  /**
   * Tells whether Zazzle is configured.
   *
   * @return {@code true} if an affiliate id is set
   */
  public boolean hasZazzle() {
    return env.containsKey("ZAZZLE_AFFILIATE_ID");
  }

  /**
   * Tells whether Imgur hosting is configured.
   *
   * @return {@code true} if an Imgur client id is set
   */
  public boolean hasImgur() {
    return env.containsKey("IMGUR_CLIENT_ID");
  }

  /**
   * Returns the chat model for ideas.
   *
   * @return {@code OPENAI_IDEA_MODEL}, default {@code gpt-4o-mini}
   */
  public String ideaModel() {
    return env.getOrDefault("OPENAI_IDEA_MODEL", "gpt-4o-mini");
  }

  /**
   * Returns the chat model for comment summaries.
   *
   * @return {@code OPENAI_SUMMARY_MODEL}, default the idea model
   */
  public String summaryModel() {
    return env.getOrDefault("OPENAI_SUMMARY_MODEL", ideaModel());
  }

  /**
   * Returns the chat model the community and promoter agents decide with.
   *
   * @return {@code OPENAI_AGENT_MODEL}, default the idea model
   */
  public String agentModel() {
    return env.getOrDefault("OPENAI_AGENT_MODEL", ideaModel());
  }

  /**
   * Returns the image model.
   *
   * @return {@code OPENAI_IMAGE_MODEL}, default {@code dall-e-3}
   */
  public String imageModel() {
    return env.getOrDefault("OPENAI_IMAGE_MODEL", "dall-e-3");
  }

  /**
   * Builds the Reddit content source, if configured.
   *
   * @return the source, or empty
   * @throws IllegalStateException if credentials are set but {@code REDDIT_USER_AGENT} is not
   */
  public Optional<RedditContentSource> reddit() {
    if (!hasReddit()) {
      return Optional.empty();
    }
    return Optional.of(redditBuilder().build());
  }

  private boolean hasRedditAccount() {
    return hasReddit() && env.containsKey("REDDIT_USERNAME") && env.containsKey("REDDIT_PASSWORD");
  }

  private RedditContentSource.Builder redditBuilder() {
    if (!env.containsKey("REDDIT_USER_AGENT")) {
      throw new IllegalStateException("REDDIT_USER_AGENT is required with Reddit credentials, "
          + "for example 'server:ai.clouvel:0.1.0 (by /u/yourname)'");
    }
    RedditContentSource.Builder reddit = RedditContentSource.builder()
        .credentials(env.get("REDDIT_CLIENT_ID"), env.get("REDDIT_CLIENT_SECRET"))
        .userAgent(RedditUserAgent.parse(env.get("REDDIT_USER_AGENT")))
        .clock(clock).sleeper(sleeper).okHttpClient(http).callListener(callListener);
    if (env.containsKey("REDDIT_BASE_URL")) {
      reddit.baseUrls(env.get("REDDIT_BASE_URL"), env.getOrDefault("REDDIT_AUTH_URL", env.get("REDDIT_BASE_URL")));
    }
    if (env.containsKey("REDDIT_REQUESTS_PER_MINUTE")) {
      // For a proxy or a staging fake with another budget; Reddit's own limit is the default.
      String budget = env.get("REDDIT_REQUESTS_PER_MINUTE").strip();
      try {
        reddit.requestsPerMinute(Integer.parseInt(budget));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("REDDIT_REQUESTS_PER_MINUTE must be a whole number, not " + budget);
      }
    }
    if (env.containsKey("REDDIT_SUBREDDITS")) {
      reddit.subreddits(Arrays.stream(env.get("REDDIT_SUBREDDITS").split(","))
          .map(String::strip).filter(s -> !s.isEmpty()).toList());
    }
    return reddit;
  }

  /**
   * Builds the Reddit account agents post with, if {@code REDDIT_USERNAME} and
   * {@code REDDIT_PASSWORD} are set besides the app credentials.
   *
   * @return the publisher, or empty
   */
  public Optional<RedditCommunityPublisher> redditAccount() {
    if (!hasRedditAccount()) {
      return Optional.empty();
    }
    return Optional.of(redditBuilder().buildCommunityPublisher(env.get("REDDIT_USERNAME"), env.get("REDDIT_PASSWORD")));
  }

  /**
   * Builds the OpenAI client, if configured.
   *
   * @return the client, or empty
   */
  public Optional<OpenAiClient> openAi() {
    if (!hasOpenAi()) {
      return Optional.empty();
    }
    OpenAiClient.Builder openAi = OpenAiClient.builder().apiKey(env.get("OPENAI_API_KEY"))
        .clock(clock).sleeper(sleeper).okHttpClient(http).callListener(callListener);
    if (env.containsKey("OPENAI_BASE_URL")) {
      openAi.baseUrl(env.get("OPENAI_BASE_URL"));
    }
    if (env.containsKey("OPENAI_ORGANIZATION")) {
      openAi.organization(env.get("OPENAI_ORGANIZATION"));
    }
    return Optional.of(openAi.build());
  }

  /**
   * Builds the Zazzle publisher, if configured.
   *
   * @return the publisher, or empty
   */
  public Optional<ZazzleProductPublisher> zazzle() {
    if (!hasZazzle()) {
      return Optional.empty();
    }
    return Optional.of(new ZazzleProductPublisher(env.get("ZAZZLE_AFFILIATE_ID"),
        env.getOrDefault("ZAZZLE_TRACKING_CODE", "Clouvel-0"), ZazzleTemplates.defaults()));
  }

  /**
   * Builds the Imgur host, if configured.
   *
   * @return the host, or empty
   */
  public Optional<ImgurImageHost> imgur() {
    if (!hasImgur()) {
      return Optional.empty();
    }
    ImgurImageHost.Builder imgur = ImgurImageHost.builder().clientId(env.get("IMGUR_CLIENT_ID"))
        .clock(clock).sleeper(sleeper).okHttpClient(http).callListener(callListener);
    if (env.containsKey("IMGUR_BASE_URL")) {
      imgur.baseUrl(env.get("IMGUR_BASE_URL"));
    }
    return Optional.of(imgur.build());
  }

  /**
   * Sets every configured live provider, and the QR stamp, on a Clouvel builder.
   *
   * @param builder the builder
   * @return the same builder
   */
  public Clouvel.Builder applyTo(Clouvel.Builder builder) {
    builder.imageStamper(new QrCodeStamper());
    reddit().ifPresent(builder::contentSource);
    redditAccount().ifPresent(builder::communityPublisher);
    openAi().ifPresent(client -> builder
        .ideaGenerator(new OpenAiIdeaGenerator(client, ideaModel()))
        .commentSummarizer(new OpenAiCommentSummarizer(client, summaryModel()))
        .imageGenerator(new OpenAiImageGenerator(client, imageModel()))
        .decisionMaker(new OpenAiDecisionMaker(client, agentModel())));
    zazzle().ifPresent(builder::productPublisher);
    imgur().ifPresent(builder::imageHost);
    return builder;
  }

  /**
   * Describes which providers are live, for logs and status pages.
   *
   * @return provider name to {@code "live"} or {@code "demo"}
   */
  public Map<String, String> describe() {
    Map<String, String> modes = new LinkedHashMap<>();
    modes.put("content", hasReddit() ? "live" : "demo");
    modes.put("ideas", hasOpenAi() ? "live" : "demo");
    modes.put("images", hasOpenAi() ? "live" : "demo");
    modes.put("publisher", hasZazzle() ? "live" : "demo");
    modes.put("image_host", hasImgur() ? "imgur" : "store");
    modes.put("community", hasRedditAccount() ? "live" : "dry_run");
    modes.put("agent_decisions", hasOpenAi() ? "live" : "demo");
    return modes;
  }

  /**
   * Lists the environment variables this class reads.
   *
   * @return the variable names
   */
  public static List<String> variables() {
    return List.of("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORGANIZATION", "OPENAI_IDEA_MODEL",
        "OPENAI_SUMMARY_MODEL", "OPENAI_IMAGE_MODEL", "OPENAI_AGENT_MODEL", "REDDIT_CLIENT_ID", "REDDIT_CLIENT_SECRET",
        "REDDIT_USER_AGENT", "REDDIT_BASE_URL", "REDDIT_AUTH_URL", "REDDIT_SUBREDDITS", "REDDIT_REQUESTS_PER_MINUTE", "REDDIT_USERNAME",
        "REDDIT_PASSWORD",
        "ZAZZLE_AFFILIATE_ID", "ZAZZLE_TRACKING_CODE", "IMGUR_CLIENT_ID", "IMGUR_BASE_URL");
  }
}
