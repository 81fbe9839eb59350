-- One post, one commission; a product belongs to its run; gateway-neutral donations.

-- A post is reserved by exactly one run (a commission task, or a CLI run), and a run reserves at
-- most one post. The row is the assignment: two runs racing for a post cannot both insert it.
CREATE TABLE post_reservations (
  post_id     TEXT PRIMARY KEY,
  run_id      TEXT NOT NULL UNIQUE,
  reserved_at BIGINT NOT NULL
);
INSERT INTO post_reservations (post_id, run_id, reserved_at)
  SELECT post_id, 'product-' || MIN(id), MIN(created_at) FROM products GROUP BY post_id;

-- A product made for a run is its run's only product, and stays a draft (never listed) until the
-- run's task completes in the same transaction that publishes it.
ALTER TABLE products ADD COLUMN run_id TEXT;
ALTER TABLE products ADD COLUMN published BOOLEAN NOT NULL DEFAULT TRUE;
CREATE UNIQUE INDEX products_one_per_run ON products (run_id);

-- Donations name the gateway that took their money; its references live in payment_refs (found by
-- any reference) and, for reading a donation in one row, in the donation's payment_refs text
-- (one "kind=reference" line each).
ALTER TABLE donations ADD COLUMN gateway TEXT;
ALTER TABLE donations ADD COLUMN payment_refs TEXT NOT NULL DEFAULT '';
UPDATE donations SET gateway = source, source = 'gateway' WHERE source IN ('stripe', 'demo');
UPDATE donations SET payment_refs =
     COALESCE('checkout_session=' || checkout_session_id || '
', '')
  || COALESCE('payment_intent=' || payment_intent_id || '
', '')
  || COALESCE('charge=' || charge_id || '
', '')
  || COALESCE('refund=' || refund_id || '
', '')
  WHERE gateway IS NOT NULL;

CREATE TABLE payment_refs (
  gateway     TEXT NOT NULL,
  ref         TEXT NOT NULL,
  donation_id BIGINT NOT NULL REFERENCES donations (id),
  PRIMARY KEY (gateway, ref)
);
INSERT INTO payment_refs (gateway, ref, donation_id)
  SELECT gateway, payment_id, id FROM donations WHERE gateway IS NOT NULL;
INSERT INTO payment_refs (gateway, ref, donation_id)
  SELECT gateway, checkout_session_id, id FROM donations
  WHERE gateway IS NOT NULL AND checkout_session_id IS NOT NULL AND checkout_session_id <> payment_id;
INSERT INTO payment_refs (gateway, ref, donation_id)
  SELECT gateway, payment_intent_id, id FROM donations
  WHERE gateway IS NOT NULL AND payment_intent_id IS NOT NULL AND payment_intent_id <> payment_id;
INSERT INTO payment_refs (gateway, ref, donation_id)
  SELECT gateway, charge_id, id FROM donations WHERE gateway IS NOT NULL AND charge_id IS NOT NULL;

DROP INDEX donations_by_session;
DROP INDEX donations_by_intent;
DROP INDEX donations_by_charge;
ALTER TABLE donations DROP COLUMN checkout_session_id;
ALTER TABLE donations DROP COLUMN payment_intent_id;
ALTER TABLE donations DROP COLUMN charge_id;
ALTER TABLE donations DROP COLUMN refund_id;

-- One row that the health check rewrites: a database that can read but not write is not healthy.
CREATE TABLE health_probe (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  checked_at BIGINT NOT NULL
);
INSERT INTO health_probe (id, checked_at) VALUES (1, 0);
