package ai.clouvel.store.internal;

import ai.clouvel.core.content.KnownSubreddit;
import ai.clouvel.core.content.SubredditRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The subreddit cache on Jdbi: one row per subreddit, keyed by its lower-case name. */
public final class JdbiSubreddits implements SubredditRepository {
  private final Db db;

  /**
   * Creates the repository.
   *
   * @param db database access
   */
  public JdbiSubreddits(Db db) {
    this.db = db;
  }

  @Override
  public void replaceAll(List<KnownSubreddit> subreddits) {
    db.writeAtomically(h -> {
      for (KnownSubreddit s : subreddits) {
        h.createUpdate("""
                INSERT INTO subreddits (name_key, name, title, subscribers, nsfw, eligible_posts, refreshed_at)
                VALUES (:key, :name, :title, :subscribers, :nsfw, :eligible, :refreshed)
                ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, title = excluded.title,
                  subscribers = excluded.subscribers, nsfw = excluded.nsfw,
                  eligible_posts = excluded.eligible_posts, refreshed_at = excluded.refreshed_at""")
            .bind("key", key(s.name())).bind("name", s.name()).bind("title", s.title())
            .bind("subscribers", s.subscribers()).bind("nsfw", s.nsfw()).bind("eligible", s.eligiblePosts())
            .bind("refreshed", s.refreshedAt().toEpochMilli())
            .execute();
      }
      List<String> keep = subreddits.stream().map(s -> key(s.name())).toList();
      if (keep.isEmpty()) {
        h.createUpdate("DELETE FROM subreddits").execute();
      } else {
        h.createUpdate("DELETE FROM subreddits WHERE name_key NOT IN (<keep>)").bindList("keep", keep).execute();
      }
      return null;
    });
  }

  @Override
  public List<KnownSubreddit> list(String prefix, int limit) {
    String key = key(prefix);
    return db.read(h -> h.createQuery("""
            SELECT * FROM subreddits WHERE substr(name_key, 1, :length) = :prefix
            ORDER BY name_key LIMIT :limit""")
        .bind("length", key.length()).bind("prefix", key).bind("limit", Math.max(0, limit))
        .map((rs, ctx) -> map(rs)).list());
  }

  @Override
  public int count(String prefix) {
    String key = key(prefix);
    return db.read(h -> h.createQuery("SELECT COUNT(*) FROM subreddits WHERE substr(name_key, 1, :length) = :prefix")
        .bind("length", key.length()).bind("prefix", key).mapTo(Integer.class).one());
  }

  @Override
  public Optional<Instant> lastRefreshed() {
    return db.read(h -> h.createQuery("SELECT MAX(refreshed_at) FROM subreddits").mapTo(Long.class).findOne())
        .map(Instant::ofEpochMilli);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static KnownSubreddit map(ResultSet rs) throws SQLException {
    int eligible = rs.getInt("eligible_posts");
    Integer eligiblePosts = rs.wasNull() ? null : eligible;
    return new KnownSubreddit(rs.getString("name"), rs.getString("title"), Rows.nullableLong(rs, "subscribers"),
        rs.getBoolean("nsfw"), eligiblePosts, Instant.ofEpochMilli(rs.getLong("refreshed_at")));
  }
}
