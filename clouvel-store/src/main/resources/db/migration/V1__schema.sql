-- The whole schema, written once for SQLite and PostgreSQL. Placeholders fill in the few types
-- that differ: ${auto_id} (an auto-increment primary key) and ${blob} (binary data).
-- Times are epoch milliseconds (BIGINT); money is whole cents (BIGINT).

CREATE TABLE id_sequences (
  name       TEXT PRIMARY KEY,
  next_value BIGINT NOT NULL
);
INSERT INTO id_sequences (name, next_value) VALUES ('products', 1);

CREATE TABLE subreddits (
  name        TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  subscribers BIGINT NOT NULL,
  nsfw        BOOLEAN NOT NULL,
  updated_at  BIGINT NOT NULL
);

CREATE TABLE posts (
  id            TEXT PRIMARY KEY,
  subreddit     TEXT NOT NULL,
  title         TEXT NOT NULL,
  body          TEXT NOT NULL,
  author        TEXT NOT NULL,
  permalink     TEXT NOT NULL,
  score         INTEGER NOT NULL,
  comment_count INTEGER NOT NULL,
  created_at    BIGINT NOT NULL,
  nsfw          BOOLEAN NOT NULL,
  stickied      BOOLEAN NOT NULL,
  locked        BOOLEAN NOT NULL,
  removed       BOOLEAN NOT NULL,
  fetched_at    BIGINT NOT NULL
);

CREATE TABLE images (
  id           TEXT PRIMARY KEY,
  content_type TEXT NOT NULL,
  bytes        ${blob} NOT NULL,
  size_bytes   INTEGER NOT NULL,
  created_at   BIGINT NOT NULL
);

CREATE TABLE products (
  id                BIGINT PRIMARY KEY,
  post_id           TEXT NOT NULL REFERENCES posts (id),
  subreddit         TEXT NOT NULL,
  post_title        TEXT NOT NULL,
  theme             TEXT NOT NULL,
  image_title       TEXT NOT NULL,
  image_description TEXT NOT NULL,
  image_id          TEXT NOT NULL,
  image_url         TEXT NOT NULL,
  product_url       TEXT NOT NULL,
  affiliate_url     TEXT NOT NULL,
  template_id       TEXT NOT NULL,
  prompt_version    TEXT NOT NULL,
  idea_model        TEXT NOT NULL,
  image_model       TEXT NOT NULL,
  image_quality     TEXT NOT NULL,
  created_at        BIGINT NOT NULL
);
CREATE INDEX products_newest ON products (created_at DESC, id DESC);
CREATE INDEX products_by_subreddit ON products (lower(subreddit), created_at DESC, id DESC);
CREATE INDEX products_by_post ON products (post_id);

CREATE TABLE donations (
  id                  ${auto_id},
  payment_id          TEXT NOT NULL UNIQUE,
  source              TEXT NOT NULL,
  status              TEXT NOT NULL,
  amount_cents        BIGINT NOT NULL CHECK (amount_cents >= 0),
  tier                TEXT,
  donation_type       TEXT NOT NULL,
  commission_type     TEXT,
  subreddit           TEXT,
  post_id             TEXT,
  customer_email      TEXT,
  customer_name       TEXT,
  reddit_username     TEXT,
  is_anonymous        BOOLEAN NOT NULL,
  message             TEXT NOT NULL,
  checkout_session_id TEXT,
  payment_intent_id   TEXT,
  charge_id           TEXT,
  refund_id           TEXT,
  refund_attempts     INTEGER NOT NULL DEFAULT 0,
  refund_retry_at     BIGINT,
  last_error          TEXT,
  created_at          BIGINT NOT NULL,
  updated_at          BIGINT NOT NULL
);
CREATE INDEX donations_newest ON donations (created_at DESC, id DESC);
CREATE INDEX donations_by_post ON donations (post_id, donation_type, status);
CREATE INDEX donations_by_status ON donations (status, refund_retry_at);
CREATE INDEX donations_by_session ON donations (checkout_session_id);
CREATE INDEX donations_by_intent ON donations (payment_intent_id);
CREATE INDEX donations_by_charge ON donations (charge_id);

CREATE TABLE payment_events (
  event_id    TEXT PRIMARY KEY,
  event_type  TEXT NOT NULL,
  payment_id  TEXT,
  received_at BIGINT NOT NULL
);

CREATE TABLE tasks (
  id               TEXT PRIMARY KEY,
  status           TEXT NOT NULL,
  donation_id      BIGINT REFERENCES donations (id),
  commission_type  TEXT NOT NULL,
  subreddit        TEXT,
  post_id          TEXT,
  image_quality    TEXT NOT NULL,
  message          TEXT NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 0,
  max_attempts     INTEGER NOT NULL,
  next_run_at      BIGINT NOT NULL,
  lease_owner      TEXT,
  lease_expires_at BIGINT,
  heartbeat_at     BIGINT,
  stage            TEXT NOT NULL,
  percent          INTEGER NOT NULL,
  progress_message TEXT NOT NULL,
  error            TEXT,
  product_id       BIGINT,
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL
);
-- At most one commission task per donation (NULLs, for free tasks, do not collide).
CREATE UNIQUE INDEX tasks_one_per_donation ON tasks (donation_id);
CREATE INDEX tasks_due ON tasks (status, next_run_at);
CREATE INDEX tasks_leases ON tasks (status, lease_expires_at);
CREATE INDEX tasks_by_product ON tasks (product_id);
CREATE INDEX tasks_newest ON tasks (created_at DESC, id DESC);

CREATE TABLE usage_records (
  id            ${auto_id},
  run_id        TEXT NOT NULL,
  purpose       TEXT NOT NULL,
  model         TEXT NOT NULL,
  input_tokens  BIGINT NOT NULL,
  output_tokens BIGINT NOT NULL,
  images        INTEGER NOT NULL,
  cost_micros   BIGINT NOT NULL,
  created_at    BIGINT NOT NULL
);
CREATE INDEX usage_by_run ON usage_records (run_id);

CREATE TABLE goals (
  id           ${auto_id},
  title        TEXT NOT NULL,
  subreddit    TEXT,
  target_cents BIGINT NOT NULL CHECK (target_cents > 0),
  starts_at    BIGINT NOT NULL,
  ends_at      BIGINT,
  created_at   BIGINT NOT NULL
);

CREATE TABLE scanned_posts (
  post_id    TEXT PRIMARY KEY,
  subreddit  TEXT NOT NULL,
  title      TEXT NOT NULL,
  score      DOUBLE PRECISION NOT NULL,
  verdict    TEXT NOT NULL,
  scanned_at BIGINT NOT NULL
);
CREATE INDEX scanned_posts_best ON scanned_posts (verdict, score DESC);

CREATE TABLE agent_actions (
  id         ${auto_id},
  agent      TEXT NOT NULL,
  action     TEXT NOT NULL,
  target     TEXT NOT NULL,
  content    TEXT NOT NULL,
  dry_run    BOOLEAN NOT NULL,
  outcome    TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX agent_actions_newest ON agent_actions (created_at DESC, id DESC);

CREATE TABLE scheduler_config (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  enabled          BOOLEAN NOT NULL,
  interval_seconds BIGINT NOT NULL,
  commission_type  TEXT NOT NULL,
  subreddit        TEXT,
  last_run_at      BIGINT,
  updated_at       BIGINT NOT NULL
);
