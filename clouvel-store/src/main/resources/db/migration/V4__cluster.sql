-- Many nodes on one database (DESIGN §9).

-- Events too large for one PostgreSQL NOTIFY (8,000 bytes) travel by reference: the publisher
-- stores the payload here and notifies its id. Rows older than an hour are deleted as new ones come.
CREATE TABLE event_payloads (
  id         ${auto_id},
  payload    TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX event_payloads_age ON event_payloads (created_at);

-- Demo-mode checkouts, so that any node can show and complete a checkout another node created.
CREATE TABLE demo_checkouts (
  id             TEXT PRIMARY KEY,
  amount_cents   BIGINT NOT NULL CHECK (amount_cents > 0),
  product_name   TEXT NOT NULL,
  customer_email TEXT,
  metadata       TEXT NOT NULL,
  success_url    TEXT,
  cancel_url     TEXT,
  created_at     BIGINT NOT NULL
);

-- Demo-mode refunds by idempotency key: a key refunds once whichever node asks, and every call is counted.
CREATE TABLE demo_refunds (
  idempotency_key TEXT PRIMARY KEY,
  refund_id       TEXT NOT NULL,
  payment_id      TEXT,
  calls           INTEGER NOT NULL,
  created_at      BIGINT NOT NULL
);

CREATE INDEX tasks_changed ON tasks (updated_at);
CREATE INDEX donations_changed ON donations (updated_at);
CREATE INDEX products_created ON products (created_at);
