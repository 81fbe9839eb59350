package ai.clouvel.core.product;

import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;

/** Reads the gallery: products with their post and donations. */
public interface GalleryRepository {

  /**
   * Reads one gallery page, newest first, in a fixed number of statements whatever the page size.
   *
   * @param page which page
   * @param subreddit only this subreddit, or {@code null} for all
   * @return the page
   */
  Page<GalleryItem> page(PageRequest page, String subreddit);
}
