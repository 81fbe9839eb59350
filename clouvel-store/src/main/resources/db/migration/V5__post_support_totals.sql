-- Support totals kept per post (issue 15): the gallery and bulk donations read a post's count and
-- sum of succeeded supports from one row instead of adding up its donations on every request. The
-- store changes a row in the same transaction as the donation whose status, amount or post moves
-- it (JdbiDonations), so each succeeded support is counted exactly once. Filled here from the
-- donations already stored.
CREATE TABLE post_supports (
  post_id       TEXT PRIMARY KEY,
  support_count BIGINT NOT NULL,
  support_cents BIGINT NOT NULL
);
INSERT INTO post_supports (post_id, support_count, support_cents)
  SELECT post_id, COUNT(*), SUM(amount_cents) FROM donations
  WHERE donation_type = 'support' AND status = 'succeeded' AND post_id IS NOT NULL
  GROUP BY post_id;

-- Bulk donations list each post's newest supports: one index range per post, already in order. On
-- SQLite the index also carries every column a support's public summary shows, so that listing
-- them reads no row; PostgreSQL reads the few rows it lists from the table.
DROP INDEX donations_support_by_post;
CREATE INDEX donations_support_newest ON donations (post_id, created_at DESC, id DESC${support_summary_columns})
  WHERE donation_type = 'support' AND status = 'succeeded';

-- The gallery counts and pages published products: partial indexes of those alone, in page order,
-- let the count and the skipped offset read index entries, never rows. Each carries the flag too, so
-- that SQLite, which checks the query's "published" term itself, finds it in the index.
DROP INDEX products_newest;
DROP INDEX products_by_subreddit;
CREATE INDEX products_published_newest ON products (created_at DESC, id DESC, published) WHERE published;
CREATE INDEX products_published_by_subreddit ON products (lower(subreddit), created_at DESC, id DESC, published)
  WHERE published;
