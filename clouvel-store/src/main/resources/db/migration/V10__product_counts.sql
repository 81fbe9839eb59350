-- Published products counted per subreddit (issue 15): the gallery's total comes from one row
-- instead of counting the index of published products on every page (on PostgreSQL that count
-- visits every entry and was a quarter of a page's cost). The key is 'r/' and the lower-case
-- subreddit, as the gallery filters it; the empty key counts them all. The store changes the rows in the same
-- transaction as the product that is published (JdbiProducts), so each is counted exactly once.
CREATE TABLE product_counts (
  subreddit TEXT PRIMARY KEY,
  published BIGINT NOT NULL
);
INSERT INTO product_counts (subreddit, published)
  SELECT '', COUNT(*) FROM products WHERE published;
INSERT INTO product_counts (subreddit, published)
  SELECT 'r/' || lower(subreddit), COUNT(*) FROM products WHERE published GROUP BY lower(subreddit);
