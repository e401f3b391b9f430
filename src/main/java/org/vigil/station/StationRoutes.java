package org.vigil.station;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.COORDINATOR;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.http.Fields;
import org.vigil.http.JsonBody;
import org.vigil.http.MergePatch;

/** HTTP routes for the police-station directory; reads are public. */
public final class StationRoutes {
  private StationRoutes() {}

  public static void register(Api api, PoliceStations stations) {
    api.post(
        "/api/police-stations",
        ctx -> ctx.status(201).json(stations.create(input(JsonBody.object(ctx)))),
        COORDINATOR,
        ADMIN);
    api.get(
        "/api/police-stations",
        ctx -> ctx.json(Map.of("items", stations.list(null, ctx.queryParam("city")))));
    api.get("/api/police-stations/{id}", ctx -> ctx.json(find(stations, ctx)));
    api.patch(
        "/api/police-stations/{id}",
        ctx -> {
          PoliceStation s = find(stations, ctx);
          var before =
              new PoliceStation.Input(
                  s.name(), s.city(), s.address(), s.latitude(), s.longitude(), s.variants());
          stations.update(s.id(), input(MergePatch.apply(before, JsonBody.object(ctx))));
          ctx.json(stations.find(s.id()).orElseThrow());
        },
        COORDINATOR,
        ADMIN);
    api.post("/api/police-stations/{id}/merge", ctx -> merge(stations, ctx), COORDINATOR, ADMIN);
    api.post(
        "/api/police-stations/{id}/unmerge", ctx -> unmerge(stations, ctx), COORDINATOR, ADMIN);
    api.post("/api/police-stations/{id}/split", ctx -> split(stations, ctx), COORDINATOR, ADMIN);
  }

  /** {@code {"into": ID}}: this station is the same as that one. */
  private static void merge(PoliceStations stations, Context ctx) {
    PoliceStation station = find(stations, ctx);
    Fields f = JsonBody.fields(ctx);
    String into = f.text("into", 64, true);
    PoliceStation target = into == null ? null : stations.find(into).orElse(null);
    if (into != null && target == null) f.reject("into", "no police station with this id");
    if (station.id().equals(into)) f.reject("into", "is the station being merged");
    // Merging only listed stations into listed ones keeps merges free of cycles.
    if (station.mergedInto() != null) {
      f.reject("id", "is merged into " + station.mergedInto() + " already: undo that merge first");
    }
    if (target != null && target.mergedInto() != null) {
      f.reject(
          "into", "is merged into " + target.mergedInto() + ": merge into that station instead");
    }
    f.done();
    try {
      stations.merge(station.id(), into, Api.principal(ctx).userId());
    } catch (IllegalStateException raced) {
      throw new ApiError(409, "Conflict", raced.getMessage(), List.of());
    }
    ctx.json(stations.find(into).orElseThrow());
  }

  /** Undoes the merge of this station: it and what the merge moved are its own again. */
  private static void unmerge(PoliceStations stations, Context ctx) {
    PoliceStation station = find(stations, ctx);
    if (station.mergedInto() == null) {
      throw new ApiError(
          409, "Conflict", "police station " + station.id() + " is not merged", List.of());
    }
    try {
      ctx.json(stations.unmerge(station.id(), Api.principal(ctx).userId()));
    } catch (IllegalStateException raced) {
      throw new ApiError(409, "Conflict", raced.getMessage(), List.of());
    }
  }

  /** {@code {"name": N, "variants": [...]}}: those spellings name another station. */
  private static void split(PoliceStations stations, Context ctx) {
    PoliceStation station = find(stations, ctx);
    Fields f = JsonBody.fields(ctx);
    String name = f.name("name", 300, true);
    List<String> variants = f.texts("variants", 100, 300);
    var own = station.variants().stream().map(PoliceStations::key).toList();
    if (variants.isEmpty()) f.reject("variants", "name at least one spelling to split off");
    for (String v : variants) {
      if (!own.contains(PoliceStations.key(v)))
        f.reject("variants", "'" + v + "' is not a spelling of this station");
    }
    f.done();
    ctx.status(201).json(stations.split(station.id(), name, variants, Api.principal(ctx).userId()));
  }

  private static PoliceStation find(PoliceStations stations, Context ctx) {
    String id = ctx.pathParam("id");
    return stations.find(id).orElseThrow(() -> ApiError.notFound("no police station " + id));
  }

  private static PoliceStation.Input input(ObjectNode body) {
    Fields f = Fields.of(body);
    var in =
        new PoliceStation.Input(
            f.name("name", 300, true),
            f.text("city", 200, false),
            f.text("address", 500, false),
            f.decimal("latitude", -90, 90, false),
            f.decimal("longitude", -180, 180, false),
            f.texts("variants", 100, 300));
    if ((in.latitude() == null) != (in.longitude() == null)) {
      f.reject("longitude", "latitude and longitude go together");
    }
    f.done();
    return in;
  }
}
