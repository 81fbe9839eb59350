package ai.clouvel.core.paging;

/**
 * A page of a list: at most {@code limit} items after skipping {@code offset}.
 *
 * @param limit 1 to {@value #MAX_LIMIT}
 * @param offset 0 or more
 */
public record PageRequest(int limit, int offset) {

  /** The largest page. */
  public static final int MAX_LIMIT = 200;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
  }

  /**
   * Returns the first page.
   *
   * @param limit the page size
   * @return the page request
   */
  public static PageRequest first(int limit) {
    return new PageRequest(limit, 0);
  }
}
