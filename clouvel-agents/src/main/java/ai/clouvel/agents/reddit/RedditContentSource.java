package ai.clouvel.agents.reddit;

import ai.clouvel.agents.http.HttpProviderBuilder;
import ai.clouvel.agents.http.HttpSettings;
import ai.clouvel.agents.http.Redactor;
import ai.clouvel.agents.http.RequestPacer;
import ai.clouvel.agents.http.ResilientHttp;
import ai.clouvel.agents.http.RetryPolicy;
import ai.clouvel.agents.reddit.internal.RedditConnection;
import ai.clouvel.agents.reddit.internal.RedditJson;
import ai.clouvel.agents.reddit.internal.RedditNetworkAdapter;
import ai.clouvel.core.content.Comment;
import ai.clouvel.core.content.ContentSource;
import ai.clouvel.core.content.Listing;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.content.PostIds;
import ai.clouvel.core.content.Subreddit;
import ai.clouvel.core.provider.BadResponseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import net.dean.jraw.http.HttpRequest;
import net.dean.jraw.oauth.Credentials;
import okhttp3.HttpUrl;

/**
 * A {@link ContentSource} that reads Reddit through JRAW, with application-only OAuth (no Reddit
 * user). JRAW does the OAuth dance and token renewal; requests go through {@link ResilientHttp},
 * paced to Reddit's limit of 100 requests per minute per client (never a burst past it) and
 * retried with backoff. Base URLs are configurable so tests and staging can point it anywhere.
 * Thread-safe: calls are serialised, which the rate limit requires anyway.
 */
public final class RedditContentSource implements ContentSource, AutoCloseable {
  private static final String PROVIDER = "reddit";
  private static final Pattern SUBREDDIT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]{1,20}");

  private final List<String> subreddits;
  private final RedditConnection reddit;

  private RedditContentSource(Builder builder) {
    this.subreddits = builder.subreddits;
    this.reddit = new RedditConnection(builder.adapter(),
        Credentials.Companion.userless(builder.clientId, builder.clientSecret, builder.deviceId));
  }

  /**
   * Starts configuring a source.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<Post> posts(String subreddit, Listing listing, int limit) {
    if (!SUBREDDIT_NAME.matcher(subreddit).matches() || limit <= 0) {
      return List.of();
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("limit", String.valueOf(Math.min(limit, 100)));
    String sort = listing == Listing.NEW ? "new" : "hot";
    if (listing == Listing.TOP_DAY || listing == Listing.TOP_WEEK) {
      sort = "top";
      query.put("t", listing == Listing.TOP_DAY ? "day" : "week");
    }
    String path = "/r/" + subreddit + "/" + sort;
    return get(path, query).map(json -> RedditJson.children(json, "t3").stream().map(RedditJson::post).toList())
        .orElse(List.of());
  }

  @Override
  public Optional<Post> post(String postId) {
    Optional<String> id = PostIds.normalize(postId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return get("/api/info", Map.of("id", "t3_" + id.get()))
        .flatMap(json -> RedditJson.children(json, "t3").stream().findFirst())
        .map(RedditJson::post);
  }

  @Override
  public List<Comment> topComments(String postId, int limit) {
    Optional<String> id = PostIds.normalize(postId);
    if (id.isEmpty() || limit <= 0) {
      return List.of();
    }
    Map<String, String> query = Map.of("sort", "top", "limit", String.valueOf(limit), "depth", "1");
    return get("/comments/" + id.get(), query).map(json -> {
      if (!(json instanceof List<?> parts) || parts.size() < 2) {
        throw new BadResponseException(PROVIDER, "comments response is not [post, comments]", null);
      }
      List<Comment> comments = new ArrayList<>();
      for (Map<String, Object> data : RedditJson.children(parts.get(1), "t1")) {
        RedditJson.comment(data).ifPresent(comments::add);
      }
      return comments.stream().limit(limit).toList();
    }).orElse(List.of());
  }

  @Override
  public Optional<Subreddit> subreddit(String name) {
    if (!SUBREDDIT_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return get("/r/" + name + "/about", Map.of()).flatMap(RedditJson::subreddit);
  }

  @Override
  public List<String> suggestedSubreddits() {
    return subreddits;
  }

  /** GETs a path of the API; a missing, private or banned resource is empty. */
  /**
   * Closes the source's HTTP client, unless it was given to the builder (then it stays open).
   */
  @Override
  public void close() {
    reddit.close();
  }

  private Optional<Object> get(String path, Map<String, String> query) {
    return reddit.find(client -> {
      HttpRequest request = client.requestStub().path(path).query(query).rawJson(true).build();
      return Optional.of(RedditJson.parse(client.request(request).getBody()));
    });
  }

  /**
   * Configures a {@link RedditContentSource}. Timeouts and retries default to 10 s connect, 30 s
   * read, 45 s per attempt and 4 attempts.
   */
  public static final class Builder extends HttpProviderBuilder<Builder> {
    private String clientId;
    private String clientSecret;
    private RedditUserAgent userAgent;
    private HttpUrl apiBase = HttpUrl.get("https://oauth.reddit.com");
    private HttpUrl authBase = HttpUrl.get("https://www.reddit.com");
    private int requestsPerMinute = 100;
    private List<String> subreddits = List.of("hiking", "space", "gardening", "cooking", "woodworking",
        "books", "cycling", "sailing", "coffee", "boardgames", "history", "cats");
    private UUID deviceId = UUID.randomUUID();

    private Builder() {
      super(new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(45),
          RetryPolicy.DEFAULT));
    }

    /**
     * Sets the app's OAuth credentials. Required; the secret is never logged.
     *
     * @param clientId the client id
     * @param clientSecret the client secret
     * @return this builder
     */
    public Builder credentials(String clientId, String clientSecret) {
      this.clientId = Objects.requireNonNull(clientId, "clientId").strip();
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret").strip();
      return this;
    }

    /**
     * Sets the User-Agent. Required.
     *
     * @param userAgent the agent
     * @return this builder
     */
    public Builder userAgent(RedditUserAgent userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /**
     * Points both the API and the token endpoint at one address (tests, staging, proxies).
     *
     * @param baseUrl an http(s) address
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      HttpUrl url = HttpUrl.get(baseUrl);
      this.apiBase = url;
      this.authBase = url;
      return this;
    }

    /**
     * Sets the API and token addresses separately. Defaults: {@code https://oauth.reddit.com} and
     * {@code https://www.reddit.com}.
     *
     * @param apiBaseUrl where API calls go
     * @param authBaseUrl where token requests go
     * @return this builder
     */
    public Builder baseUrls(String apiBaseUrl, String authBaseUrl) {
      this.apiBase = HttpUrl.get(apiBaseUrl);
      this.authBase = HttpUrl.get(authBaseUrl);
      return this;
    }

    /**
     * Sets the request budget. Default: 100 per minute, Reddit's limit for OAuth clients.
     *
     * @param perMinute requests per rolling minute
     * @return this builder
     */
    public Builder requestsPerMinute(int perMinute) {
      if (perMinute < 1) {
        throw new IllegalArgumentException("at least one request per minute");
      }
      this.requestsPerMinute = perMinute;
      return this;
    }

    /**
     * Sets the subreddits suggested for "any subreddit" commissions.
     *
     * @param names subreddit names without {@code r/}
     * @return this builder
     */
    public Builder subreddits(List<String> names) {
      this.subreddits = List.copyOf(names);
      return this;
    }

    /**
     * Builds the source. No request is made until the first call.
     *
     * @return the source
     * @throws IllegalStateException if credentials or the User-Agent are missing
     */
    public RedditContentSource build() {
      check();
      return new RedditContentSource(this);
    }

    /**
     * Builds a {@link RedditCommunityPublisher} that posts as a Reddit account (a "script" app),
     * with the same settings.
     *
     * @param username the account's username ({@code REDDIT_USERNAME})
     * @param password the account's password ({@code REDDIT_PASSWORD}); never logged
     * @return the publisher; no request is made until the first post
     */
    public RedditCommunityPublisher buildCommunityPublisher(String username, String password) {
      check();
      if (username == null || username.isBlank() || password == null || password.isBlank()) {
        throw new IllegalStateException("posting to Reddit needs REDDIT_USERNAME and REDDIT_PASSWORD");
      }
      return new RedditCommunityPublisher(new RedditConnection(adapter(password),
          Credentials.Companion.script(username.strip(), password, clientId, clientSecret)), username.strip());
    }

    private void check() {
      if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
        throw new IllegalStateException("Reddit needs REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET");
      }
      if (userAgent == null) {
        throw new IllegalStateException("Reddit needs a REDDIT_USER_AGENT");
      }
    }

    private RedditNetworkAdapter adapter(String... moreSecrets) {
      Redactor redactor = Redactor.of(clientSecret);
      for (String secret : moreSecrets) {
        redactor = redactor.and(secret);
      }
      ResilientHttp http = http(PROVIDER)
          .followRedirects(false)
          .redactor(redactor)
          .pacer(new RequestPacer(requestsPerMinute, Duration.ofMinutes(1), clock(), sleeper()))
          .build();
      return new RedditNetworkAdapter(http, apiBase, authBase, userAgent.toString());
    }
  }
}
