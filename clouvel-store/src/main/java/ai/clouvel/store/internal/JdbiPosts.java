package ai.clouvel.store.internal;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.content.PostRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Posts on Jdbi. */
public final class JdbiPosts implements PostRepository {
  private final Db db;

  /**
   * Creates the repository.
   *
   * @param db database access
   */
  public JdbiPosts(Db db) {
    this.db = db;
  }

  @Override
  public void save(Post post) {
    db.writeAtomically(h -> upsert(h, post));
  }

  @Override
  public boolean reserveAndSave(Post post, String runId) {
    return db.writeAtomically(h -> {
      if (!reserve(h, post.id(), runId)) {
        return false;
      }
      upsert(h, post);
      return true;
    });
  }

  /** Writes a post and the gallery cards of its products, in the caller's transaction. */
  private int upsert(Handle h, Post post) {
    int written = h.createUpdate("""
            INSERT INTO posts (id, subreddit, title, body, author, permalink, score, comment_count,
              created_at, nsfw, stickied, locked, removed, fetched_at)
            VALUES (:id, :subreddit, :title, :body, :author, :permalink, :score, :commentCount,
              :createdAt, :nsfw, :stickied, :locked, :removed, :fetchedAt)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body,
              score = excluded.score, comment_count = excluded.comment_count,
              nsfw = excluded.nsfw, stickied = excluded.stickied, locked = excluded.locked,
              removed = excluded.removed, fetched_at = excluded.fetched_at""")
        .bind("id", post.id())
        .bind("subreddit", post.subreddit())
        .bind("title", post.title())
        .bind("body", post.text())
        .bind("author", post.author())
        .bind("permalink", post.permalink())
        .bind("score", post.score())
        .bind("commentCount", post.commentCount())
        .bind("createdAt", post.createdAt().toEpochMilli())
        .bind("nsfw", post.nsfw())
        .bind("stickied", post.stickied())
        .bind("locked", post.locked())
        .bind("removed", post.removed())
        .bind("fetchedAt", db.now())
        .execute();
    GalleryCards.refresh(h, db.dialect(), "p.post_id = :post", s -> s.bind("post", post.id()));
    return written;
  }

  @Override
  public Optional<Post> find(String id) {
    return db.read(h -> h.createQuery("SELECT * FROM posts WHERE id = :id")
        .bind("id", id).map((rs, ctx) -> map(rs)).findOne());
  }

  @Override
  public boolean isIllustrated(String postId) {
    return db.read(h -> h.createQuery("""
            SELECT EXISTS (SELECT 1 FROM post_reservations WHERE post_id = :id)
              OR EXISTS (SELECT 1 FROM products WHERE post_id = :id)""")
        .bind("id", postId).mapTo(Boolean.class).one());
  }

  @Override
  public boolean reserve(String postId, String runId) {
    return db.writeAtomically(h -> reserve(h, postId, runId));
  }

  private boolean reserve(Handle h, String postId, String runId) {
    int inserted = h.createUpdate("""
            INSERT INTO post_reservations (post_id, run_id, reserved_at) VALUES (:post, :run, :now)
            ON CONFLICT DO NOTHING""")
        .bind("post", postId).bind("run", runId).bind("now", db.now()).execute();
    if (inserted == 1) {
      return true;
    }
    // Not inserted: the post is someone's already (ours, if this run reserves it again), or the
    // run holds another post.
    return h.createQuery("SELECT run_id FROM post_reservations WHERE post_id = :post")
        .bind("post", postId).mapTo(String.class).findOne().map(runId::equals).orElse(false);
  }

  @Override
  public Optional<String> reservation(String runId) {
    return db.read(h -> h.createQuery("SELECT post_id FROM post_reservations WHERE run_id = :run")
        .bind("run", runId).mapTo(String.class).findOne());
  }

  @Override
  public void release(String runId) {
    db.write(h -> h.createUpdate("DELETE FROM post_reservations WHERE run_id = :run").bind("run", runId).execute());
  }

  static Post map(ResultSet rs) throws SQLException {
    return new Post(rs.getString("id"), rs.getString("subreddit"), rs.getString("title"), rs.getString("body"),
        rs.getString("author"), rs.getString("permalink"), rs.getInt("score"), rs.getInt("comment_count"),
        Instant.ofEpochMilli(rs.getLong("created_at")), rs.getBoolean("nsfw"), rs.getBoolean("stickied"),
        rs.getBoolean("locked"), rs.getBoolean("removed"));
  }
}
