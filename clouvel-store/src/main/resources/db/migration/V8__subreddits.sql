-- The subreddits people can choose from (GET /api/subreddits): the content source's suggestions and
-- their metadata, cached and read again from the source when older than SUBREDDITS_REFRESH_SECONDS.
-- V1's table of the same name was never written or read: it is replaced by one that ignores case,
-- may not know a title or member count, and counts eligible posts.
DROP TABLE subreddits;
CREATE TABLE subreddits (
  name_key       TEXT PRIMARY KEY,  -- the name in lower case: prefix searches and uniqueness ignore case
  name           TEXT NOT NULL,     -- as the source spells it
  title          TEXT,
  subscribers    BIGINT,            -- NULL when the source cannot tell
  nsfw           BOOLEAN NOT NULL,
  eligible_posts INTEGER,           -- of its hottest posts, how many could become a product; NULL when not counted
  refreshed_at   BIGINT NOT NULL
);
