package ai.clouvel.test.fakes;

import ai.clouvel.core.agent.CommunityPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link CommunityPublisher} that posts nowhere: it records each comment, reply and submission and
 * answers with Reddit-like ids ({@code t1_fake1}, {@code t3_fake2}). Thread-safe.
 */
public final class RecordingCommunityPublisher implements CommunityPublisher {
  private final List<String> posted = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final ScriptedFailures failures = new ScriptedFailures();

  /**
   * Makes the next call fail.
   *
   * @param failure what it throws, for example a {@code RateLimitedException}
   * @return this fake
   */
  public RecordingCommunityPublisher failNext(RuntimeException failure) {
    failures.add(failure);
    return this;
  }

  @Override
  public String comment(String postId, String text) {
    failures.throwIfScripted();
    posted.add("comment on " + postId + ": " + text);
    return "t1_fake" + ids.incrementAndGet();
  }

  @Override
  public String reply(String parentId, String text) {
    failures.throwIfScripted();
    posted.add("reply to " + parentId + ": " + text);
    return "t1_fake" + ids.incrementAndGet();
  }

  @Override
  public String submitImage(String subreddit, String title, String imageUrl) {
    failures.throwIfScripted();
    posted.add("image to r/" + subreddit + ": " + title + " " + imageUrl);
    return "t3_fake" + ids.incrementAndGet();
  }

  @Override
  public String submit(String subreddit, String title, String url) {
    failures.throwIfScripted();
    posted.add("submit to r/" + subreddit + ": " + title + " " + url);
    return "t3_fake" + ids.incrementAndGet();
  }

  /**
   * Returns what was posted, in order, as {@code "comment on <post>: <text>"},
   * {@code "reply to <parent>: <text>"}, {@code "submit to r/<subreddit>: <title> <url>"} or
   * {@code "image to r/<subreddit>: <title> <image url>"}.
   *
   * @return the posts
   */
  public List<String> posted() {
    return List.copyOf(posted);
  }
}
