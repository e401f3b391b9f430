package org.vigil.http;

import io.javalin.http.Context;
import java.util.List;

/** One page of a list and the cursor of the next one ({@code null} on the last page). */
public record Page<T>(List<T> items, String next) {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  /** The {@code limit} query parameter, checked. */
  public static int limit(Context ctx) {
    return limit(ctx, DEFAULT_LIMIT, MAX_LIMIT);
  }

  /** The {@code limit} query parameter of a list whose items cost more than a row each. */
  public static int limit(Context ctx, int defaultLimit, int maxLimit) {
    String raw = ctx.queryParam("limit");
    if (raw == null) return defaultLimit;
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= maxLimit) return limit;
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw ApiError.invalid("limit", "must be a whole number from 1 to " + maxLimit);
  }
}
