package org.vigil.tally;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.http.Json;
import org.vigil.http.StoredBody;
import org.vigil.opendata.CsvCells;
import org.vigil.tally.CampaignCount.Group;

/**
 * `GET /api/public/tally` and `/api/public/tally.csv`: a campaign's live figures for anyone, the
 * open-data face of {@link PublicTallies}. Each answer is rendered once per change and then served
 * as stored bytes with an ETag, so the public reads that peak with a protest cost next to nothing.
 * Columns are described in docs/open-data.md.
 */
public final class PublicTallyRoutes {
  static final List<String> COLUMNS =
      List.of("campaign_id", "by", "key", "label", "people", "confirmed", "unconfirmed", "unnamed");

  private final PublicTallies tallies;
  private final Map<Key, Body> rendered = new ConcurrentHashMap<>();

  /** Which answer: a campaign's, by a dimension (null: the total), as JSON or CSV. */
  private record Key(String campaignId, PublicDimension dimension, boolean csv) {}

  /** A rendered answer and the count it was rendered from. */
  private record Body(CampaignCount count, StoredBody body, String etag) {}

  private PublicTallyRoutes(PublicTallies tallies) {
    this.tallies = tallies;
  }

  public static void register(Api api, PublicTallies tallies) {
    PublicTallyRoutes routes = new PublicTallyRoutes(tallies);
    api.get("/api/public/tally", ctx -> routes.serve(ctx, false));
    api.get("/api/public/tally.csv", ctx -> routes.serve(ctx, true));
  }

  private void serve(Context ctx, boolean csv) {
    String campaign = ctx.queryParam("campaign");
    String by = ctx.queryParam("by");
    PublicDimension dimension = null;
    if (by != null && !by.isBlank()) {
      dimension =
          PublicDimension.parse(by.strip())
              .orElseThrow(
                  () ->
                      ApiError.invalid(
                          "by", "must be city, day, hour or station (got '" + by + "')"));
    }
    CampaignCount count =
        (campaign == null || campaign.isBlank() ? tallies.current() : tallies.count(campaign))
            .orElseThrow(
                () ->
                    campaign == null
                        ? ApiError.notFound("there is no campaign yet")
                        : ApiError.notFound("no campaign " + campaign));
    Key key = new Key(count.campaign().id(), dimension, csv);
    Body body = rendered.get(key);
    if (body == null || body.count() != count) {
      body = render(count, dimension, csv);
      rendered.put(key, body);
    }
    ctx.header("ETag", body.etag());
    // Anyone may cache the figures for a few seconds: pages follow them live through SSE anyway.
    ctx.header("Cache-Control", "public, max-age=5");
    ctx.header("Access-Control-Allow-Origin", "*");
    if (body.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    if (csv) {
      ctx.header(
          "Content-Disposition",
          "attachment; filename=\"vigil-tally-"
              + (dimension == null ? "total" : dimension.code())
              + ".csv\"");
    }
    body.body().send(ctx, csv ? "text/csv; charset=utf-8" : "application/json");
  }

  private static Body render(CampaignCount count, PublicDimension dimension, boolean csv) {
    byte[] bytes = csv ? csv(count, dimension) : json(count, dimension);
    String etag =
        "\""
            + count.version()
            + '-'
            + (dimension == null ? "total" : dimension.code())
            + (csv ? "-csv\"" : "\"");
    return new Body(count, StoredBody.of(bytes), etag);
  }

  private static byte[] json(CampaignCount count, PublicDimension dimension) {
    Map<String, Object> body = new LinkedHashMap<>();
    Map<String, Object> campaign = new LinkedHashMap<>();
    campaign.put("id", count.campaign().id());
    campaign.put("title", count.campaign().title());
    campaign.put("starts_on", count.campaign().startsOn());
    campaign.put("ends_on", count.campaign().endsOn());
    body.put("campaign", campaign);
    body.put("counted_at", count.countedAt());
    body.put("total", TallyJson.total(count));
    if (dimension != null) {
      body.put("by", dimension.code());
      body.put("groups", TallyJson.groups(count, dimension));
    }
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] csv(CampaignCount count, PublicDimension dimension) {
    StringWriter out = new StringWriter();
    try (CsvWriter csv = CsvWriter.builder().build(out)) {
      write(csv, count, dimension);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(CsvWriter csv, CampaignCount count, PublicDimension dimension) {
    List<String> header = new ArrayList<>(List.of("campaign_id", "by"));
    header.addAll(TallyJson.GROUP_FIELDS);
    csv.writeRecord(header);
    List<Group> groups =
        dimension == null ? List.of(new Group("", "", "", count.total())) : count.by(dimension);
    String by = dimension == null ? "total" : dimension.code();
    for (Group g : groups) {
      List<String> row = new ArrayList<>(List.of(CsvCells.text(count.campaign().id()), by));
      // a key or label is text from reports (a city, a station): made safe for spreadsheets
      TallyJson.group(g).values().forEach(v -> row.add(CsvCells.of(v)));
      csv.writeRecord(row);
    }
  }
}
