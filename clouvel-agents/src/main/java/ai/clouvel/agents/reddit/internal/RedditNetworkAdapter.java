package ai.clouvel.agents.reddit.internal;

import ai.clouvel.agents.http.HttpResult;
import ai.clouvel.agents.http.ResilientHttp;
import ai.clouvel.core.provider.ProviderRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.dean.jraw.http.HttpRequest;
import net.dean.jraw.http.HttpResponse;
import net.dean.jraw.http.NetworkAdapter;
import net.dean.jraw.http.UserAgent;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * JRAW's transport, on our resilient OkHttp layer: it points JRAW's fixed Reddit hosts at the
 * configured base URLs, sends Basic credentials up front on the token request, sets the User-Agent,
 * and leaves pacing, retries and timeouts to {@link ResilientHttp}.
 */
public final class RedditNetworkAdapter implements NetworkAdapter, AutoCloseable {
  private final ResilientHttp http;
  private final HttpUrl apiBase;
  private final HttpUrl authBase;
  private UserAgent userAgent;

  /**
   * Creates the adapter.
   *
   * @param http the resilient HTTP client, paced to Reddit's limit
   * @param apiBase where requests to {@code oauth.reddit.com} go
   * @param authBase where requests to {@code www.reddit.com} (the token endpoint) go
   * @param userAgent the User-Agent to send
   */
  public RedditNetworkAdapter(ResilientHttp http, HttpUrl apiBase, HttpUrl authBase, String userAgent) {
    this.http = http;
    this.apiBase = apiBase;
    this.authBase = authBase;
    this.userAgent = new UserAgent(userAgent);
  }

  /** Closes the HTTP client if it was the adapter's own. */
  @Override
  public void close() {
    http.close();
  }

  @Override
  public UserAgent getUserAgent() {
    return userAgent;
  }

  @Override
  public void setUserAgent(UserAgent userAgent) {
    this.userAgent = userAgent;
  }

  @Override
  public HttpResponse execute(HttpRequest jrawRequest) {
    Request.Builder builder = new Request.Builder()
        .url(rewrite(jrawRequest.getParsedUrl()))
        .headers(jrawRequest.getHeaders())
        .header("User-Agent", userAgent.getValue())
        .method(jrawRequest.getMethod(), jrawRequest.getBody());
    if (jrawRequest.getBasicAuth() != null) {
      String credentials = jrawRequest.getBasicAuth().getUsername() + ":" + jrawRequest.getBasicAuth().getPassword();
      builder.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    Request request = builder.build();
    HttpResult result = http.exchange(request);
    if (result.status() == 401) {
      // JRAW would try to read a token out of the error; the credentials are simply wrong.
      throw new ProviderRequestException("reddit", 401, "Reddit refused the credentials or token");
    }
    String contentType = result.headers().get("Content-Type");
    Response response = new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .code(result.status())
        .message("")
        .headers(result.headers())
        .body(ResponseBody.create(result.body(), contentType == null ? null : MediaType.parse(contentType)))
        .build();
    return new HttpResponse(response);
  }

  @Override
  public WebSocket connect(String url, WebSocketListener listener) {
    throw new UnsupportedOperationException("Clouvel does not use Reddit's live threads");
  }

  private HttpUrl rewrite(HttpUrl url) {
    HttpUrl base = url.host().equals("oauth.reddit.com") ? apiBase
        : url.host().equals("www.reddit.com") || url.host().equals("reddit.com") ? authBase : null;
    if (base == null) {
      return url;
    }
    HttpUrl.Builder rewritten = url.newBuilder().scheme(base.scheme()).host(base.host()).port(base.port());
    String prefix = base.encodedPath().endsWith("/")
        ? base.encodedPath().substring(0, base.encodedPath().length() - 1) : base.encodedPath();
    if (!prefix.isEmpty()) {
      rewritten.encodedPath(prefix + url.encodedPath());
    }
    return rewritten.build();
  }
}
