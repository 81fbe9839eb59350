package ai.clouvel.core.offline;

import ai.clouvel.core.content.Comment;
import ai.clouvel.core.content.ContentSource;
import ai.clouvel.core.content.Listing;
import ai.clouvel.core.content.Post;
import ai.clouvel.core.content.Subreddit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link ContentSource} that serves bundled sample posts from a dozen subreddits, with
 * comments, so that everything works without Reddit. Post ages are relative to the clock at
 * construction time, so the samples always look recent. Immutable and thread-safe.
 */
public final class SampleContentSource implements ContentSource {
  private static final String RESOURCE = "sample-posts.txt";
  /** The community subreddit of the samples; its posts are for the community agent, not suggested. */
  private static final String COMMUNITY_SUBREDDIT = "clouvel";

  private final Map<String, Subreddit> subreddits = new LinkedHashMap<>();
  private final Map<String, Post> posts = new LinkedHashMap<>();
  private final Map<String, List<Comment>> comments = new LinkedHashMap<>();
  private final Instant loadedAt;

  /**
   * Loads the bundled samples.
   *
   * @param clock "now" for the post ages
   */
  public SampleContentSource(Clock clock) {
    this.loadedAt = clock.instant();
    try (InputStream in = SampleContentSource.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), loadedAt);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  @Override
  public List<Post> posts(String subreddit, Listing listing, int limit) {
    Comparator<Post> order = switch (listing) {
      case HOT -> Comparator.<Post>comparingDouble(this::hotness).reversed();
      case NEW -> Comparator.comparing(Post::createdAt).reversed();
      case TOP_DAY, TOP_WEEK -> Comparator.comparingInt(Post::score).reversed();
    };
    return posts.values().stream()
        .filter(post -> post.subreddit().equalsIgnoreCase(subreddit))
        .sorted(order)
        .limit(Math.max(0, limit))
        .toList();
  }

  @Override
  public Optional<Post> post(String postId) {
    return Optional.ofNullable(posts.get(postId));
  }

  @Override
  public List<Comment> topComments(String postId, int limit) {
    return comments.getOrDefault(postId, List.of()).stream().limit(Math.max(0, limit)).toList();
  }

  @Override
  public Optional<Subreddit> subreddit(String name) {
    return Optional.ofNullable(subreddits.get(name.toLowerCase(Locale.ROOT)));
  }

  @Override
  public List<String> suggestedSubreddits() {
    return subreddits.values().stream().map(Subreddit::name)
        .filter(name -> !name.equalsIgnoreCase(COMMUNITY_SUBREDDIT)).toList();
  }

  /**
   * Returns every sample post, in file order.
   *
   * @return the posts
   */
  public List<Post> allPosts() {
    return List.copyOf(posts.values());
  }

  // Reddit's hot ranking, roughly: score on a log scale, decaying with age.
  private double hotness(Post post) {
    double hoursOld = Duration.between(post.createdAt(), loadedAt).toMinutes() / 60.0;
    return Math.log10(Math.max(1, post.score())) - hoursOld / 12.5;
  }

  private void parse(BufferedReader reader, Instant now) throws IOException {
    String line;
    Draft current = null;
    boolean inComments = false;
    StringBuilder text = new StringBuilder();
    while ((line = reader.readLine()) != null) {
      if (line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("@@@")) {
        String[] f = fields(line.substring(3), 4);
        subreddits.put(f[0].toLowerCase(Locale.ROOT),
            new Subreddit(f[0], f[1], Long.parseLong(f[2]), Boolean.parseBoolean(f[3])));
      } else if (line.startsWith("===")) {
        finish(current, text);
        String[] f = fields(line.substring(3), 7);
        Set<String> flags = Set.of(f[6].toLowerCase(Locale.ROOT).split("[ ,]+"));
        current = new Draft(f[0], f[1], now.minus(Duration.ofHours(Long.parseLong(f[2]))),
            Integer.parseInt(f[3]), Integer.parseInt(f[4]), f[5], flags);
        text.setLength(0);
        inComments = false;
      } else if (current != null && current.title == null) {
        current.title = line.strip();
      } else if (current != null && line.equals("---")) {
        inComments = true;
      } else if (current != null && inComments && !line.isBlank()) {
        String[] f = fields(line, 3);
        List<Comment> list = comments.computeIfAbsent(current.id, id -> new ArrayList<>());
        list.add(new Comment(current.id + "c" + list.size(), f[1], f[2], Integer.parseInt(f[0])));
      } else if (current != null && !inComments) {
        text.append(text.length() > 0 ? "\n" : "").append(line.strip());
      }
    }
    finish(current, text);
  }

  private void finish(Draft builder, StringBuilder text) {
    if (builder != null) {
      Post post = builder.build(text.toString().strip());
      posts.put(post.id(), post);
    }
  }

  private static String[] fields(String line, int count) {
    String[] parts = line.split("\\|", count);
    if (parts.length != count) {
      throw new IllegalStateException("malformed sample line: " + line);
    }
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].strip();
    }
    return parts;
  }

  /** A post being read from the sample file. */
  private static final class Draft {
    final String id;
    final String subreddit;
    final Instant createdAt;
    final int score;
    final int commentCount;
    final String author;
    final Set<String> flags;
    String title;

    Draft(String id, String subreddit, Instant createdAt, int score, int commentCount,
        String author, Set<String> flags) {
      this.id = id;
      this.subreddit = subreddit;
      this.createdAt = createdAt;
      this.score = score;
      this.commentCount = commentCount;
      this.author = author;
      this.flags = flags;
    }

    Post build(String text) {
      return new Post(id, subreddit, title, text, author, null, score, commentCount, createdAt,
          flags.contains("nsfw"), flags.contains("stickied"), flags.contains("locked"),
          flags.contains("removed"));
    }
  }
}
