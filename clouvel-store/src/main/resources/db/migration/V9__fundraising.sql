-- The fundraising page (issue 13). Only succeeded donations count: a refund moves a donation out
-- of "succeeded", and so out of both lists at once.
--
-- Recent donations: each status's donations in page order, so that the count and the skipped
-- offset of the succeeded ones read index entries, never rows, and no sort is needed.
CREATE INDEX donations_status_newest ON donations (status, created_at DESC, id DESC);

-- The donor leaderboard groups the succeeded donations of named donors by their public name (the
-- name, else the Reddit username; the same expression as FundraisingReads.DONOR_NAME). The index holds
-- everything the leaderboard reads, already grouped, so no donation row (and no email) is read; the
-- two name columns ride along because SQLite reads an expression's columns to evaluate it.
CREATE INDEX donations_donor_board ON donations (status, is_anonymous,
    (COALESCE(NULLIF(TRIM(customer_name), ''), NULLIF(TRIM(reddit_username), ''))), amount_cents, customer_name,
    reddit_username);
