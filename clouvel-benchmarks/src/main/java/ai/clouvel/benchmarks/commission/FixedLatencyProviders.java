package ai.clouvel.benchmarks.commission;

import ai.clouvel.core.content.Comment;
import ai.clouvel.core.content.ContentSource;
import ai.clouvel.core.content.Listing;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.content.Subreddit;
import ai.clouvel.core.idea.GeneratedIdea;
import ai.clouvel.core.idea.IdeaGenerator;
import ai.clouvel.core.idea.IdeaRequest;
import ai.clouvel.core.idea.ProductIdea;
import ai.clouvel.core.image.GeneratedImage;
import ai.clouvel.core.image.ImageGenerator;
import ai.clouvel.core.image.ImageRequest;
import ai.clouvel.core.usage.Usage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import javax.imageio.ImageIO;

/**
 * Reddit, the language model and the image model as fakes that answer after a fixed latency and
 * do almost nothing else, so that a commission's wall time is the latency plus what the engine
 * adds. Each call marks its start and end on the {@link Timeline}.
 */
final class FixedLatencyProviders {
  /** The latency of each call, in milliseconds. */
  record Latency(long posts, long comments, long idea, long image) {
    long perCommission() {
      return posts + comments + idea + image;
    }
  }

  private final Latency latency;
  private final Timeline timeline;
  private final List<String> subreddits;
  private final int postsPerSubreddit;
  private final Instant now;
  private final byte[] png;
  private final Map<String, AtomicInteger> next = new ConcurrentHashMap<>();
  private final LongAdder late = new LongAdder();
  private final LongAdder calls = new LongAdder();

  FixedLatencyProviders(Latency latency, Timeline timeline, List<String> subreddits, int postsPerSubreddit,
      Instant now) {
    this.latency = latency;
    this.timeline = timeline;
    this.subreddits = List.copyOf(subreddits);
    this.postsPerSubreddit = postsPerSubreddit;
    this.now = now;
    this.png = png(512);
  }

  /**
   * Returns how late the calls so far woke after their deadline, in all, and starts counting again.
   *
   * @return nanoseconds late in all, and the number of calls
   */
  long[] takeLateness() {
    return new long[] {late.sumThenReset(), calls.sumThenReset()};
  }

  ContentSource content() {
    return new ContentSource() {
      @Override
      public List<Post> posts(String subreddit, Listing listing, int limit) {
        // A hot list that moves on: each call starts where the previous one of the subreddit ended.
        int start = next.computeIfAbsent(subreddit, k -> new AtomicInteger()).getAndAdd(limit);
        return call("posts", latency.posts(), () -> {
          List<Post> posts = new ArrayList<>();
          for (int i = 0; i < Math.min(limit, postsPerSubreddit); i++) {
            posts.add(makePost(subreddit, Math.floorMod(start + i, postsPerSubreddit)));
          }
          return posts;
        });
      }

      @Override
      public Optional<Post> post(String postId) {
        int dash = postId.lastIndexOf('x');
        return call("posts", latency.posts(), () -> Optional.of(makePost(subreddits.get(
            Integer.parseInt(postId.substring(1, dash))), Integer.parseInt(postId.substring(dash + 1)))));
      }

      @Override
      public List<Comment> topComments(String postId, int limit) {
        return call("comments", latency.comments(), () -> List.of(
            new Comment("c1" + postId, "someone", "What a view from the top of " + postId, 120),
            new Comment("c2" + postId, "another", "I would hang this on my wall", 80)));
      }

      @Override
      public Optional<Subreddit> subreddit(String name) {
        return Optional.of(new Subreddit(name, "r/" + name, 100_000, false));
      }

      @Override
      public List<String> suggestedSubreddits() {
        return subreddits;
      }
    };
  }

  /** Post ids are base 36: {@code s<subreddit index>x<post index>}, both digits. */
  private Post makePost(String subreddit, int index) {
    String id = "s" + subreddits.indexOf(subreddit) + "x" + index;
    return new Post(id, subreddit, "A remarkable post number " + index + " in " + subreddit, "Some text",
        "author" + index, "/r/" + subreddit + "/comments/" + id + "/x/", 500 + index, 40 + index % 10,
        now.minus(Duration.ofHours(1 + index % 48)), false, false, false, false);
  }

  IdeaGenerator ideas() {
    return (IdeaRequest request) -> call("idea", latency.idea(), () -> new GeneratedIdea(
        new ProductIdea("Theme of " + request.post().id(), "Title of " + request.post().id(),
            "A painting of " + request.post().title()), "bench-v1", new Usage("fake-chat", 300, 80, 0, 100)));
  }

  ImageGenerator images() {
    return (ImageRequest request) -> call("image", latency.image(), () -> new GeneratedImage(png, request.prompt(),
        new Usage("fake-image", 0, 0, 1, 40_000)));
  }

  private <T> T call(String name, long millis, java.util.function.Supplier<T> answer) {
    timeline.mark("provider " + name);
    // Wait until a deadline, not for a duration: however often the thread wakes early, the call
    // lasts the latency; what it lasts beyond that is the time the woken thread waited for a core.
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted");
      }
    }
    late.add(System.nanoTime() - deadline);
    calls.increment();
    T result = answer.get();
    timeline.mark("after " + name);
    return result;
  }

  private static byte[] png(int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(40, 90, 160));
    g.fillRect(0, 0, size, size);
    g.setColor(new Color(240, 200, 80));
    g.fillOval(size / 4, size / 4, size / 2, size / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
