package ai.clouvel.store.internal;

import ai.clouvel.core.agent.ActionType;
import ai.clouvel.core.agent.AgentAction;
import ai.clouvel.core.agent.AgentKind;
import ai.clouvel.core.agent.AgentRepository;
import ai.clouvel.core.agent.AgentSettings;
import ai.clouvel.core.agent.NewAgentAction;
import ai.clouvel.core.agent.Persona;
import ai.clouvel.core.agent.Publication;
import ai.clouvel.core.agent.ScannedPost;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Agent scans, decisions, actions, settings, run claims and publications on Jdbi. */
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
  public AgentAction recordAction(NewAgentAction a) {
    long now = db.now();
    long id = db.write(h -> h.createQuery("""
            INSERT INTO agent_actions (agent, action, target, subreddit, content, reason, dry_run, outcome,
              reddit_id, cost_micros, created_at)
            VALUES (:agent, :action, :target, :subreddit, :content, :reason, :dryRun, :outcome, :redditId,
              :cost, :now) RETURNING id""")
        .bind("agent", a.agent()).bind("action", a.action()).bind("target", a.target())
        .bind("subreddit", a.subreddit()).bind("content", a.content()).bind("reason", a.reason())
        .bind("dryRun", a.dryRun()).bind("outcome", a.outcome()).bind("redditId", a.redditId())
        .bind("cost", a.costMicros()).bind("now", now)
        .mapTo(Long.class).one());
    return new AgentAction(id, a.agent(), a.action(), a.target(), a.subreddit(), a.content(), a.reason(),
        a.dryRun(), a.outcome(), a.redditId(), a.costMicros(), Instant.ofEpochMilli(now));
  }

  @Override
  public Page<AgentAction> actions(PageRequest page, String agent) {
    String where = agent == null ? "" : " WHERE agent = :agent";
    return db.read(h -> {
      var count = h.createQuery("SELECT COUNT(*) FROM agent_actions" + where);
      var query = db.page(h.createQuery("SELECT * FROM agent_actions" + where
              + " ORDER BY created_at DESC, id DESC LIMIT <limit> OFFSET <offset>"), page);
      if (agent != null) {
        count.bind("agent", agent);
        query.bind("agent", agent);
      }
      long total = count.mapTo(Long.class).one();
      List<AgentAction> items = query.map((rs, ctx) -> action(rs)).list();
      return Page.of(items, total, page);
    });
  }

  private static AgentAction action(ResultSet rs) throws SQLException {
    return new AgentAction(rs.getLong("id"), rs.getString("agent"), rs.getString("action"),
        rs.getString("target"), rs.getString("subreddit"), rs.getString("content"), rs.getString("reason"),
        rs.getBoolean("dry_run"), rs.getString("outcome"), rs.getString("reddit_id"), rs.getLong("cost_micros"),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }

  @Override
  public int countActions(String agent, ActionType action, boolean dryRun, Instant since) {
    return db.read(h -> h.createQuery("""
            SELECT COUNT(*) FROM agent_actions
            WHERE agent = :agent AND action = :action AND dry_run = :dryRun AND created_at >= :since
              AND outcome = :outcome""")
        .bind("agent", agent).bind("action", action.wireName()).bind("dryRun", dryRun)
        .bind("since", since.toEpochMilli()).bind("outcome", dryRun ? "dry_run" : "done")
        .mapTo(Integer.class).one());
  }

  @Override
  public Optional<Instant> lastAction(String agent, ActionType action, String subreddit, boolean dryRun) {
    return db.read(h -> Optional.ofNullable(h.createQuery("""
            SELECT MAX(created_at) FROM agent_actions
            WHERE agent = :agent AND action = :action AND dry_run = :dryRun AND LOWER(subreddit) = :subreddit
              AND outcome = :outcome""")
        .bind("agent", agent).bind("action", action.wireName()).bind("dryRun", dryRun)
        .bind("subreddit", subreddit.toLowerCase(Locale.ROOT)).bind("outcome", dryRun ? "dry_run" : "done")
        .mapTo(Long.class).one()).map(Instant::ofEpochMilli));
  }

  @Override
  public int refusals(String agent, String target) {
    return db.read(h -> h.createQuery("""
            SELECT COUNT(*) FROM agent_actions
            WHERE agent = :agent AND target = :target AND outcome LIKE 'refused%'""")
        .bind("agent", agent).bind("target", target).mapTo(Integer.class).one());
  }

  @Override
  public boolean isHandled(String agent, String itemId, boolean dryRun) {
    return db.read(h -> h.createQuery("""
            SELECT COUNT(*) FROM agent_handled WHERE agent = :agent AND item_id = :item AND dry_run = :dryRun""")
        .bind("agent", agent).bind("item", itemId).bind("dryRun", dryRun).mapTo(Integer.class).one() > 0);
  }

  @Override
  public boolean markHandled(String agent, String itemId, boolean dryRun) {
    return db.write(h -> h.createUpdate("""
            INSERT INTO agent_handled (agent, item_id, dry_run, handled_at) VALUES (:agent, :item, :dryRun, :now)
            ON CONFLICT (agent, item_id, dry_run) DO NOTHING""")
        .bind("agent", agent).bind("item", itemId).bind("dryRun", dryRun).bind("now", db.now())
        .execute() == 1);
  }

  @Override
  public void unmarkHandled(String agent, String itemId, boolean dryRun) {
    db.write(h -> h.createUpdate(
            "DELETE FROM agent_handled WHERE agent = :agent AND item_id = :item AND dry_run = :dryRun")
        .bind("agent", agent).bind("item", itemId).bind("dryRun", dryRun).execute());
  }

  @Override
  public AgentSettings settings(AgentKind agent) {
    return db.read(h -> h.createQuery("SELECT * FROM agent_settings WHERE agent = :agent")
        .bind("agent", agent.wireName())
        .map((rs, ctx) -> new AgentSettings(rs.getBoolean("enabled"), rs.getBoolean("dry_run"),
            Duration.ofSeconds(rs.getLong("interval_seconds")), caps(rs.getString("daily_caps")),
            new Persona(rs.getString("persona_name"), rs.getString("persona_prompt")),
            rs.getString("community_subreddit"), names(rs.getString("subreddits")),
            Set.copyOf(names(rs.getString("deny_list"))), Duration.ofSeconds(rs.getLong("cooldown_seconds")),
            rs.getDouble("min_score")))
        .findOne()
        .orElseGet(() -> AgentSettings.defaults(agent)));
  }

  @Override
  public void saveSettings(AgentKind agent, AgentSettings s) {
    db.write(h -> h.createUpdate("""
            INSERT INTO agent_settings (agent, enabled, dry_run, interval_seconds, daily_caps, persona_name,
              persona_prompt, community_subreddit, subreddits, deny_list, cooldown_seconds, min_score, updated_at)
            VALUES (:agent, :enabled, :dryRun, :interval, :caps, :name, :prompt, :community, :subreddits, :deny,
              :cooldown, :minScore, :now)
            ON CONFLICT (agent) DO UPDATE SET enabled = excluded.enabled, dry_run = excluded.dry_run,
              interval_seconds = excluded.interval_seconds, daily_caps = excluded.daily_caps,
              persona_name = excluded.persona_name, persona_prompt = excluded.persona_prompt,
              community_subreddit = excluded.community_subreddit, subreddits = excluded.subreddits,
              deny_list = excluded.deny_list, cooldown_seconds = excluded.cooldown_seconds,
              min_score = excluded.min_score, updated_at = excluded.updated_at""")
        .bind("agent", agent.wireName()).bind("enabled", s.enabled()).bind("dryRun", s.dryRun())
        .bind("interval", s.interval().toSeconds())
        .bind("caps", s.dailyCaps().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey().wireName() + "=" + e.getValue()).collect(Collectors.joining(",")))
        .bind("name", s.persona().name()).bind("prompt", s.persona().systemPrompt())
        .bind("community", s.communitySubreddit()).bind("subreddits", String.join(",", s.subreddits()))
        .bind("deny", String.join(",", s.denyList().stream().sorted().toList()))
        .bind("cooldown", s.cooldown().toSeconds()).bind("minScore", s.minScore()).bind("now", db.now())
        .execute());
  }

  @Override
  public boolean claimRun(AgentKind agent, long slot, String node, Instant now) {
    return db.write(h -> h.createUpdate("""
            INSERT INTO agent_runs (agent, slot, node, claimed_at) VALUES (:agent, :slot, :node, :now)
            ON CONFLICT (agent, slot) DO NOTHING""")
        .bind("agent", agent.wireName()).bind("slot", slot).bind("node", node).bind("now", now.toEpochMilli())
        .execute() == 1);
  }

  @Override
  public Optional<Instant> lastRun(AgentKind agent) {
    return db.read(h -> Optional.ofNullable(h.createQuery(
            "SELECT MAX(claimed_at) FROM agent_runs WHERE agent = :agent")
        .bind("agent", agent.wireName()).mapTo(Long.class).one()).map(Instant::ofEpochMilli));
  }

  @Override
  public Optional<Publication> reservePublication(long productId, String target, Instant now) {
    return db.writeAtomically(h -> {
      int inserted = h.createUpdate("""
              INSERT INTO agent_publications (product_id, target, reddit_id, created_at)
              VALUES (:product, :target, '', :now) ON CONFLICT (product_id, target) DO NOTHING""")
          .bind("product", productId).bind("target", target).bind("now", now.toEpochMilli()).execute();
      if (inserted == 1) {
        return Optional.<Publication>empty();
      }
      return h.createQuery("SELECT * FROM agent_publications WHERE product_id = :product AND target = :target")
          .bind("product", productId).bind("target", target)
          .map((rs, ctx) -> new Publication(rs.getLong("product_id"), rs.getString("target"),
              rs.getString("reddit_id"), Instant.ofEpochMilli(rs.getLong("created_at"))))
          .findOne();
    });
  }

  @Override
  public void completePublication(long productId, String target, String redditId) {
    db.write(h -> h.createUpdate(
            "UPDATE agent_publications SET reddit_id = :id WHERE product_id = :product AND target = :target")
        .bind("id", redditId).bind("product", productId).bind("target", target).execute());
  }

  @Override
  public void releasePublication(long productId, String target) {
    db.write(h -> h.createUpdate("""
            DELETE FROM agent_publications WHERE product_id = :product AND target = :target AND reddit_id = ''""")
        .bind("product", productId).bind("target", target).execute());
  }

  private static Map<ActionType, Integer> caps(String text) {
    Map<ActionType, Integer> caps = new EnumMap<>(ActionType.class);
    for (String pair : text.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        ActionType.fromWire(pair.substring(0, eq).strip())
            .ifPresent(type -> caps.put(type, Integer.parseInt(pair.substring(eq + 1).strip())));
      }
    }
    return caps;
  }

  private static List<String> names(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
