package ai.clouvel.server.api;

import ai.clouvel.core.content.KnownSubreddit;
import ai.clouvel.core.content.PostFilter;
import ai.clouvel.core.content.SubredditDirectory;
import ai.clouvel.server.http.ApiException;
import ai.clouvel.server.http.IsoTime;
import ai.clouvel.server.http.Pagination;
import com.squareup.moshi.Json;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.regex.Pattern;

/** The subreddits people can choose from, with their metadata, for suggestions and the gallery's filter. */
final class SubredditsApi {
  /** A prefix of a subreddit name, {@code r/} allowed. */
  private static final Pattern PREFIX = Pattern.compile("(?:r/)?([A-Za-z0-9_]{0,21})");

  private final ServerContext server;
  private final SubredditDirectory directory;

  SubredditsApi(ServerContext server) {
    this.server = server;
    this.directory = new SubredditDirectory(server.clouvel().content(), server.store().subreddits(),
        PostFilter.defaults().withAlreadyIllustrated(server.store().posts()::isIllustrated), server.clouvel().clock(),
        server.config().subredditsMaxAge());
  }

  void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/subreddits", this::list);
  }

  private void list(Context ctx) {
    String q = ctx.queryParam("q");
    var matcher = PREFIX.matcher(q == null ? "" : q.strip());
    if (!matcher.matches()) {
      throw ApiException.badRequest("invalid_q", "q must be the start of a subreddit name (letters, digits, _)");
    }
    int limit = Pagination.intParam(ctx, "limit", Pagination.MAX_LIMIT, 1, Pagination.MAX_LIMIT);
    String prefix = matcher.group(1);
    List<SubredditJson> items = directory.find(prefix, limit).stream().map(SubredditJson::of).toList();
    server.json().send(ctx, 200, new SubredditsJson(items, directory.count(prefix)));
  }

  /** One subreddit. */
  public record SubredditJson(String name, String title, Long subscribers, boolean nsfw,
      @Json(name = "eligible_posts") Integer eligiblePosts, @Json(name = "refreshed_at") String refreshedAt) {
    static SubredditJson of(KnownSubreddit s) {
      return new SubredditJson(s.name(), s.title(), s.subscribers(), s.nsfw(), s.eligiblePosts(),
          IsoTime.format(s.refreshedAt()));
    }
  }

  /** The list and how many match in all. */
  public record SubredditsJson(List<SubredditJson> items, long total) {
  }
}
