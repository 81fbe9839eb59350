package ai.clouvel.core.paging;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a list.
 *
 * @param items the items of this page, in the list's order
 * @param total how many items the whole list has
 * @param limit the page size asked for
 * @param offset how many items were skipped
 * @param <T> the item type
 */
public record Page<T>(List<T> items, long total, int limit, int offset) {

  public Page {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
  }

  /**
   * Builds a page.
   *
   * @param items the items
   * @param total the size of the whole list
   * @param request the request the page answers
   * @param <T> the item type
   * @return the page
   */
  public static <T> Page<T> of(List<T> items, long total, PageRequest request) {
    return new Page<>(items, total, request.limit(), request.offset());
  }

  /**
   * Converts the items.
   *
   * @param mapper the conversion
   * @param <R> the new item type
   * @return a page of the converted items with the same counts
   */
  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), total, limit, offset);
  }
}
