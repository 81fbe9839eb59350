package ai.clouvel.server.http;

import ai.clouvel.core.paging.PageRequest;
import io.javalin.http.Context;

/** Reads {@code limit} and {@code offset}: defaults 20 and 0, limit at most 100. */
public final class Pagination {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  private Pagination() {
  }

  public static PageRequest of(Context ctx) {
    int limit = parse(ctx.queryParam("limit"), "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = parse(ctx.queryParam("offset"), "offset", 0, 0, 1_000_000);
    return new PageRequest(limit, offset);
  }

  /**
   * Reads a whole-number query parameter within bounds.
   *
   * @param ctx the request
   * @param name the parameter
   * @param fallback its value when absent
   * @param min the smallest value allowed
   * @param max the largest value allowed
   * @return the value
   * @throws ApiException 400 {@code invalid_<name>} when it is not a whole number within bounds
   */
  public static int intParam(Context ctx, String name, int fallback, int min, int max) {
    return parse(ctx.queryParam(name), name, fallback, min, max);
  }

  private static int parse(String text, String name, int fallback, int min, int max) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw ApiException.badRequest("invalid_" + name, name + " must be a whole number between " + min + " and " + max);
  }
}
