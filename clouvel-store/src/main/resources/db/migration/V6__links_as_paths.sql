-- Links to what the server serves itself are stored as paths and shown with the public base URL of
-- the moment (PUBLIC_BASE_URL), so a new port or domain never breaks a product made before it.
-- Products saved before this migration hold absolute URLs of our own host: turn them into paths.
-- Only URLs of the exact shapes the server made are touched (its image path for the product's own
-- stored image, its product page); other hosts' links (Imgur, Zazzle) stay as they are.
UPDATE products SET image_url = ('/images/' || image_id || '.png')
  WHERE image_url LIKE 'http%://%'
    AND image_url LIKE ('%/images/' || image_id || '.png')
    AND EXISTS (SELECT 1 FROM images i WHERE i.id = products.image_id);

UPDATE products SET product_url = ('/p/' || CAST(id AS TEXT))
  WHERE product_url LIKE 'http%://%' AND product_url LIKE ('%/p/' || CAST(id AS TEXT));

UPDATE products SET affiliate_url = ('/p/' || CAST(id AS TEXT) || '?ref=clouvel')
  WHERE affiliate_url LIKE 'http%://%' AND affiliate_url LIKE ('%/p/' || CAST(id AS TEXT) || '?ref=clouvel');
