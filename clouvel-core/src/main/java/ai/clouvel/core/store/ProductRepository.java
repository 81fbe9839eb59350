package ai.clouvel.core.store;

import ai.clouvel.core.product.Product;
import java.util.Optional;

/** Stores products. Lists are newest first, ties broken by id. */
public interface ProductRepository {

  /**
   * Reserves the id of a product that is about to be made, so its image can point at its page
   * before it is saved. Ids are never handed out twice, even if the product is never saved.
   *
   * @return a fresh product id
   */
  long nextId();

  /**
   * Saves a product under its reserved id.
   *
   * @param product the product
   */
  void save(Product product);

  /**
   * Looks up a product.
   *
   * @param id the product id
   * @return the product, or empty
   */
  Optional<Product> find(long id);

  /**
   * Lists products, newest first.
   *
   * @param page which page
   * @param subreddit only products of this subreddit, or {@code null} for all
   * @return the page
   */
  Page<Product> list(PageRequest page, String subreddit);
}
