-- The gallery's cards (issue 15): each product with its post and its commission packed into one
-- value, so that a gallery page reads one value per product instead of joining four tables. The
-- store refreshes a card in the transactions that change its product, its post or its commission
-- (GalleryCards); here the cards of the products stored before are filled, by the same SQL (a
-- placeholder: the card of the products row being updated).
ALTER TABLE products ADD COLUMN card TEXT;
UPDATE products SET card = ${gallery_card};
