package ai.clouvel.agents.reddit;

import ai.clouvel.agents.reddit.internal.RedditConnection;
import ai.clouvel.agents.reddit.internal.RedditJson;
import ai.clouvel.core.agent.CommunityPublisher;
import ai.clouvel.core.content.PostIds;
import ai.clouvel.core.provider.BadResponseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link CommunityPublisher} that comments, replies and submits as a Reddit account, through JRAW
 * with a "script" app's password grant. An image post is a link post to the image's address, which
 * Reddit shows as the image. It has no way to vote, on purpose. Build it with
 * {@link RedditContentSource.Builder#buildCommunityPublisher(String, String)}. Clouvel only posts
 * when an admin asks for a real (not dry) run. Reddit's refusals come back typed: its rate limit
 * as a {@link ai.clouvel.core.provider.RateLimitedException} carrying the wait, anything else
 * (a locked thread, a banned account) as a {@link ai.clouvel.core.provider.ProviderRequestException}.
 */
public final class RedditCommunityPublisher implements CommunityPublisher, AutoCloseable {
  private static final String PROVIDER = "reddit";

  private final RedditConnection reddit;
  private final String username;

  RedditCommunityPublisher(RedditConnection reddit, String username) {
    this.reddit = Objects.requireNonNull(reddit, "reddit");
    this.username = username;
  }

  @Override
  public java.util.Optional<String> account() {
    return java.util.Optional.ofNullable(username);
  }

  @Override
  public String comment(String postId, String text) {
    String id = PostIds.normalize(postId).orElseThrow(() -> new IllegalArgumentException("not a post id: " + postId));
    return post("/api/comment", Map.of("thing_id", "t3_" + id, "text", text, "api_type", "json"));
  }

  @Override
  public String reply(String parentId, String text) {
    if (parentId == null || !parentId.matches("t[13]_[a-z0-9]{1,16}")) {
      throw new IllegalArgumentException("not a post or comment full name: " + parentId);
    }
    return post("/api/comment", Map.of("thing_id", parentId, "text", text, "api_type", "json"));
  }

  @Override
  public String submitImage(String subreddit, String title, String imageUrl) {
    return submit(subreddit, title, imageUrl);
  }

  @Override
  public String submit(String subreddit, String title, String url) {
    return post("/api/submit", Map.of("sr", subreddit, "kind", "link", "title", title, "url", url,
        "api_type", "json", "resubmit", "true"));
  }

  /** POSTs a form and returns the full name of what Reddit created. */
  /**
   * Closes the publisher's HTTP client, unless it was given to the builder (then it stays open).
   */
  @Override
  public void close() {
    reddit.close();
  }

  private String post(String path, Map<String, String> form) {
    Object answer = reddit.call(client -> RedditJson.parse(client.request(
        client.requestStub().path(path).post(form).build()).getBody()));
    if (answer instanceof Map<?, ?> root && root.get("json") instanceof Map<?, ?> json
        && json.get("data") instanceof Map<?, ?> data) {
      if (data.get("name") instanceof String name) {
        return name;
      }
      if (data.get("things") instanceof List<?> things && !things.isEmpty()
          && things.get(0) instanceof Map<?, ?> thing && thing.get("data") instanceof Map<?, ?> created
          && created.get("name") instanceof String name) {
        return name;
      }
    }
    throw new BadResponseException(PROVIDER, "no created thing in the answer to " + path, null);
  }
}
