package org.vigil.opendata;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.vigil.http.Api;
import org.vigil.http.ApiError;

/** The open data for anyone: `GET /api/public/export.csv?table=…` and `/api/public/export.json`. */
public final class ExportRoutes {
  private ExportRoutes() {}

  public static void register(Api api, OpenData data) {
    api.get(
        "/api/public/export.csv",
        ctx -> {
          String table = table(ctx);
          ctx.contentType("text/csv; charset=utf-8");
          ctx.header("Content-Disposition", "attachment; filename=\"vigil-" + table + ".csv\"");
          Writer out =
              new BufferedWriter(
                  new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
          if (table.equals("events")) {
            OpenDataCsv.events(data, out);
          } else {
            OpenDataCsv.stations(data, out);
          }
          out.flush();
        });
    api.get(
        "/api/public/export.json",
        ctx -> {
          ctx.contentType("application/json");
          Writer out =
              new BufferedWriter(
                  new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
          OpenDataJson.write(data, out);
          out.flush();
        });
  }

  private static String table(Context ctx) {
    String table = ctx.queryParamAsClass("table", String.class).getOrDefault("events");
    if (!table.equals("events") && !table.equals("police_stations")) {
      throw ApiError.invalid("table", "must be events or police_stations (got '" + table + "')");
    }
    return table;
  }
}
