package ai.clouvel.test.fakes;

import ai.clouvel.core.content.Comment;
import ai.clouvel.core.content.ContentSource;
import ai.clouvel.core.content.Listing;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.content.Subreddit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ContentSource} serving the posts and comments a test gives it, in the order given, for
 * every listing. Subreddits are the posts' own. Thread-safe.
 *
 * <pre>{@code
 * FakeContentSource reddit = new FakeContentSource()
 *     .add(TestData.newPost("abc123", "hiking", clock.instant().minusSeconds(3600)))
 *     .comments("abc123", new Comment("c1", "tess", "What a view", 12));
 * }</pre>
 */
public final class FakeContentSource implements ContentSource {
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final Map<String, List<Comment>> comments = new ConcurrentHashMap<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final ScriptedFailures failures = new ScriptedFailures();

  /**
   * Adds posts.
   *
   * @param more the posts
   * @return this fake
   */
  public FakeContentSource add(Post... more) {
    posts.addAll(Arrays.asList(more));
    return this;
  }

  /**
   * Sets a post's comments, best first.
   *
   * @param postId the post
   * @param top its comments
   * @return this fake
   */
  public FakeContentSource comments(String postId, Comment... top) {
    comments.put(postId, List.of(top));
    return this;
  }

  /**
   * Makes the next call fail.
   *
   * @param failure what it throws, for example a {@code ProviderUnavailableException}
   * @return this fake
   */
  public FakeContentSource failNext(RuntimeException failure) {
    failures.add(failure);
    return this;
  }

  @Override
  public List<Post> posts(String subreddit, Listing listing, int limit) {
    calls.add("posts " + subreddit + " " + listing);
    failures.throwIfScripted();
    return posts.stream().filter(p -> p.subreddit().equalsIgnoreCase(subreddit)).limit(limit).toList();
  }

  @Override
  public Optional<Post> post(String postId) {
    calls.add("post " + postId);
    failures.throwIfScripted();
    return posts.stream().filter(p -> p.id().equals(postId)).findFirst();
  }

  @Override
  public List<Comment> topComments(String postId, int limit) {
    calls.add("comments " + postId);
    failures.throwIfScripted();
    return comments.getOrDefault(postId, List.of()).stream().limit(limit).toList();
  }

  @Override
  public Optional<Subreddit> subreddit(String name) {
    calls.add("subreddit " + name);
    failures.throwIfScripted();
    return suggestedSubreddits().stream().filter(s -> s.equalsIgnoreCase(name)).findFirst()
        .map(s -> new Subreddit(s, "r/" + s, 100_000, false));
  }

  @Override
  public List<String> suggestedSubreddits() {
    List<String> names = new ArrayList<>();
    for (Post post : posts) {
      if (names.stream().noneMatch(n -> n.toLowerCase(Locale.ROOT).equals(post.subreddit().toLowerCase(Locale.ROOT)))) {
        names.add(post.subreddit());
      }
    }
    return names;
  }

  /**
   * Returns the calls made, in order, as {@code "posts hiking HOT"}, {@code "post abc123"},
   * {@code "comments abc123"} or {@code "subreddit hiking"}.
   *
   * @return the calls
   */
  public List<String> calls() {
    return List.copyOf(calls);
  }
}
