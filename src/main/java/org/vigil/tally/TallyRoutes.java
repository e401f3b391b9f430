package org.vigil.tally;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.http.Api;
import org.vigil.http.ApiError;

/** `GET /api/tally`: public, as tallies are aggregates without personal data. */
public final class TallyRoutes {
  private TallyRoutes() {}

  public static void register(Api api, Tallies tallies) {
    api.get(
        "/api/tally",
        ctx -> {
          TallyQuery query;
          try {
            query =
                TallyQuery.parse(
                    ctx.queryParam("by"),
                    ctx.queryParam("from"),
                    ctx.queryParam("to"),
                    ctx.queryParam("region"));
          } catch (InvalidParameter e) {
            throw ApiError.invalid(e.parameter(), e.getMessage());
          }
          TallyTable table = TallyTable.of(query, tallies.tally(query));
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("by", query.by().stream().map(Dimension::code).toList());
          body.put("from", query.from());
          body.put("to", query.to());
          body.put("region", query.region());
          body.put("groups", table.objects());
          ctx.json(body);
        });
  }
}
