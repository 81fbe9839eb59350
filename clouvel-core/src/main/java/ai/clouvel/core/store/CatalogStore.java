package ai.clouvel.core.store;

import ai.clouvel.core.content.PostRepository;
import ai.clouvel.core.image.ImageRepository;
import ai.clouvel.core.product.ProductRepository;
import ai.clouvel.core.usage.UsageRepository;

/**
 * The storage the pipeline needs: products, posts, images and usage. Core ships an in-memory
 * implementation ({@link InMemoryCatalogStore}); the {@code clouvel-store} module implements it
 * (and the rest of the store ports) on SQLite and PostgreSQL.
 */
public interface CatalogStore {

  /**
   * Returns the products.
   *
   * @return the product repository
   */
  ProductRepository products();

  /**
   * Returns the posts.
   *
   * @return the post repository
   */
  PostRepository posts();

  /**
   * Returns the images.
   *
   * @return the image repository
   */
  ImageRepository images();

  /**
   * Returns the usage records.
   *
   * @return the usage repository
   */
  UsageRepository usage();
}
