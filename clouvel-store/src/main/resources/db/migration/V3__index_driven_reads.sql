-- Index-driven queue claims and covered read paths (issue 15). Works on SQLite and PostgreSQL.

-- A claim looks in two small places instead of sorting every due task: the pending tasks in run
-- order, and the in-progress tasks in lease order. Both are partial indexes, so finished tasks
-- (the bulk of the table) are in neither, and both cover what the claim's subqueries read.
DROP INDEX tasks_due;
DROP INDEX tasks_leases;
CREATE INDEX tasks_pending_due ON tasks (next_run_at, created_at, id) WHERE status = 'pending';
CREATE INDEX tasks_running_leases ON tasks (lease_expires_at, attempts, max_attempts)
  WHERE status = 'in_progress';
-- Only a completed task has a product: the tasks still queued or running, which every claim and
-- completion rewrites, need no entry here.
DROP INDEX tasks_by_product;
CREATE INDEX tasks_by_product ON tasks (product_id) WHERE product_id IS NOT NULL;

-- Support totals per post, read by the gallery, come from the index alone (count and sum of the
-- succeeded supports of a page's posts); bulk donations find the same rows through it.
CREATE INDEX donations_support_by_post ON donations (post_id, amount_cents)
  WHERE donation_type = 'support' AND status = 'succeeded';
