package ai.clouvel.core.product;

import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;
import java.util.Optional;

/**
 * Stores products. Lists are newest first, ties broken by id. A product made for a run (a
 * commission task) is saved as the run's draft, is public only once published, and is the only
 * product the run ever has: a retried run gets its draft back instead of making another.
 */
public interface ProductRepository {

  /**
   * Reserves the id of a product that is about to be made, so its image can point at its page
   * before it is saved. Ids are never handed out twice, even if the product is never saved.
   *
   * @return a fresh product id
   */
  long nextId();

  /**
   * Saves a public product under its reserved id, outside any run.
   *
   * @param product the product
   */
  void save(Product product);

  /**
   * Looks up a public product.
   *
   * @param id the product id
   * @return the product, or empty if there is none or it is still a draft
   */
  Optional<Product> find(long id);

  /**
   * Lists public products, newest first.
   *
   * @param page which page
   * @param subreddit only products of this subreddit, or {@code null} for all
   * @return the page
   */
  Page<Product> list(PageRequest page, String subreddit);

  /**
   * Saves a product as the unpublished draft of a run, unless the run already has a product.
   * Drafts are never listed nor found by {@link #find}.
   *
   * @param runId the run that owns the product, for example a task id
   * @param product the product, under an id from {@link #nextId()}
   * @return the run's product: this one, or the one saved earlier
   */
  Product saveDraft(String runId, Product product);

  /**
   * Finds the product of a run, published or not.
   *
   * @param runId the run
   * @return the product, or empty
   */
  Optional<Product> findByRun(String runId);

  /**
   * Makes a draft public.
   *
   * @param productId the product
   * @return {@code true} if it was a draft and is public now
   */
  boolean publish(long productId);

  /**
   * Deletes a run's product if it is still a draft; public products are never deleted.
   *
   * @param runId the run
   * @return {@code true} if a draft was deleted
   */
  boolean discardDraft(String runId);
}
