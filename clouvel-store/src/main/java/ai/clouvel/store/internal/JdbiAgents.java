package ai.clouvel.store.internal;

import ai.clouvel.core.agent.AgentAction;
import ai.clouvel.core.agent.ScannedPost;
import ai.clouvel.core.agent.AgentRepository;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import java.time.Instant;
import java.util.List;

/** Agent scans and actions on Jdbi. */
public final class JdbiAgents implements AgentRepository {
  private final Db db;

  /**
   * Creates the repository.
   *
   * @param db database access
   */
  public JdbiAgents(Db db) {
    this.db = db;
  }

  @Override
  public void recordScan(ScannedPost post) {
    db.write(h -> h.createUpdate("""
            INSERT INTO scanned_posts (post_id, subreddit, title, score, verdict, scanned_at)
            VALUES (:postId, :subreddit, :title, :score, :verdict, :at)
            ON CONFLICT (post_id) DO UPDATE SET score = excluded.score, verdict = excluded.verdict,
              title = excluded.title, scanned_at = excluded.scanned_at""")
        .bind("postId", post.postId()).bind("subreddit", post.subreddit()).bind("title", post.title())
        .bind("score", post.score()).bind("verdict", post.verdict())
        .bind("at", post.scannedAt().toEpochMilli())
        .execute());
  }

  @Override
  public List<ScannedPost> candidates(int limit) {
    return db.read(h -> h.createQuery("""
            SELECT * FROM scanned_posts s
            WHERE s.verdict = 'candidate'
              AND NOT EXISTS (SELECT 1 FROM products p WHERE p.post_id = s.post_id)
            ORDER BY s.score DESC, s.post_id LIMIT :limit""")
        .bind("limit", limit)
        .map((rs, ctx) -> new ScannedPost(rs.getString("post_id"), rs.getString("subreddit"),
            rs.getString("title"), rs.getDouble("score"), rs.getString("verdict"),
            Instant.ofEpochMilli(rs.getLong("scanned_at"))))
        .list());
  }

  @Override
  public AgentAction recordAction(String agent, String action, String target, String content,
      boolean dryRun, String outcome) {
    long now = db.now();
    long id = db.write(h -> h.createQuery("""
            INSERT INTO agent_actions (agent, action, target, content, dry_run, outcome, created_at)
            VALUES (:agent, :action, :target, :content, :dryRun, :outcome, :now) RETURNING id""")
        .bind("agent", agent).bind("action", action).bind("target", target)
        .bind("content", content).bind("dryRun", dryRun).bind("outcome", outcome).bind("now", now)
        .mapTo(Long.class).one());
    return new AgentAction(id, agent, action, target, content, dryRun, outcome, Instant.ofEpochMilli(now));
  }

  @Override
  public Page<AgentAction> actions(PageRequest page) {
    return db.read(h -> {
      long total = h.createQuery("SELECT COUNT(*) FROM agent_actions").mapTo(Long.class).one();
      List<AgentAction> items = h.createQuery(
              "SELECT * FROM agent_actions ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
          .bind("limit", page.limit()).bind("offset", page.offset())
          .map((rs, ctx) -> new AgentAction(rs.getLong("id"), rs.getString("agent"),
              rs.getString("action"), rs.getString("target"), rs.getString("content"),
              rs.getBoolean("dry_run"), rs.getString("outcome"),
              Instant.ofEpochMilli(rs.getLong("created_at"))))
          .list();
      return Page.of(items, total, page);
    });
  }
}
