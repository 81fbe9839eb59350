-- The community and promoter agents (DESIGN §11).

-- Every decision and action, with its reason, cost, subreddit and what Reddit created.
ALTER TABLE agent_actions ADD COLUMN subreddit TEXT NOT NULL DEFAULT '';
ALTER TABLE agent_actions ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE agent_actions ADD COLUMN reddit_id TEXT NOT NULL DEFAULT '';
ALTER TABLE agent_actions ADD COLUMN cost_micros BIGINT NOT NULL DEFAULT 0;
CREATE INDEX agent_actions_caps ON agent_actions (agent, action, dry_run, created_at);
CREATE INDEX agent_actions_target ON agent_actions (agent, target);

-- Items an agent is done with, per mode: never twice on one post.
CREATE TABLE agent_handled (
  agent      TEXT NOT NULL,
  item_id    TEXT NOT NULL,
  dry_run    BOOLEAN NOT NULL,
  handled_at BIGINT NOT NULL,
  PRIMARY KEY (agent, item_id, dry_run)
);

-- Each agent's settings, shared by every node.
CREATE TABLE agent_settings (
  agent               TEXT PRIMARY KEY,
  enabled             BOOLEAN NOT NULL,
  dry_run             BOOLEAN NOT NULL,
  interval_seconds    BIGINT NOT NULL,
  daily_caps          TEXT NOT NULL,
  persona_name        TEXT NOT NULL,
  persona_prompt      TEXT NOT NULL,
  community_subreddit TEXT NOT NULL,
  subreddits          TEXT NOT NULL,
  deny_list           TEXT NOT NULL,
  cooldown_seconds    BIGINT NOT NULL,
  min_score           DOUBLE PRECISION NOT NULL,
  updated_at          BIGINT NOT NULL
);

-- One row per agent and interval: the node whose insert succeeds runs it.
CREATE TABLE agent_runs (
  agent      TEXT NOT NULL,
  slot       BIGINT NOT NULL,
  node       TEXT NOT NULL,
  claimed_at BIGINT NOT NULL,
  PRIMARY KEY (agent, slot)
);
CREATE INDEX agent_runs_latest ON agent_runs (agent, claimed_at);

-- A product is published to a Reddit target once.
CREATE TABLE agent_publications (
  product_id BIGINT NOT NULL,
  target     TEXT NOT NULL,
  reddit_id  TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (product_id, target)
);
