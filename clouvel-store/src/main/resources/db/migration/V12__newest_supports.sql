-- Each post's newest succeeded supports packed into one value (issue 15), so that bulk donations
-- read one value per post instead of a range of the donations' index per post. The store refreshes
-- the list in the transactions that move the post's support totals (NewestSupports); here the lists
-- of the posts supported before are filled, by the same SQL (a placeholder: the list of the
-- post_supports row being updated).
ALTER TABLE post_supports ADD COLUMN newest TEXT;
UPDATE post_supports SET newest = ${newest_supports};
