package ai.clouvel.core.offline;

import ai.clouvel.core.agent.CommunityPublisher;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link CommunityPublisher} that posts nowhere: it keeps what it was asked to post in memory and
 * hands out made-up Reddit ids ({@code t1_off1}, {@code t3_off2}, ...). The demo's live runs use
 * it, so they show every action without a Reddit account. Thread-safe.
 */
public final class OfflineCommunityPublisher implements CommunityPublisher {
  private final AtomicLong ids = new AtomicLong();
  private final List<Posted> posted = new CopyOnWriteArrayList<>();

  @Override
  public String comment(String postId, String text) {
    return keep("t1", "comment", "t3_" + postId, text);
  }

  @Override
  public String reply(String parentId, String text) {
    return keep("t1", "reply", parentId, text);
  }

  @Override
  public String submit(String subreddit, String title, String url) {
    return keep("t3", "link", "r/" + subreddit, title + " " + url);
  }

  @Override
  public String submitImage(String subreddit, String title, String imageUrl) {
    return keep("t3", "image", "r/" + subreddit, title + " " + imageUrl);
  }

  /**
   * Returns everything posted so far, oldest first.
   *
   * @return the posts
   */
  public List<Posted> posted() {
    return List.copyOf(posted);
  }

  private String keep(String kind, String what, String where, String text) {
    String id = kind + "_off" + ids.incrementAndGet();
    posted.add(new Posted(id, what, Objects.requireNonNull(where), Objects.requireNonNull(text)));
    return id;
  }

  /**
   * Something posted.
   *
   * @param id the made-up full name
   * @param kind {@code comment}, {@code reply}, {@code link} or {@code image}
   * @param where the parent or subreddit
   * @param text the text
   */
  public record Posted(String id, String kind, String where, String text) {
  }
}
