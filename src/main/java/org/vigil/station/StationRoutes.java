package org.vigil.station;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.COORDINATOR;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
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
  }

  private static PoliceStation find(PoliceStations stations, Context ctx) {
    String id = ctx.pathParam("id");
    return stations.find(id).orElseThrow(() -> ApiError.notFound("no police station " + id));
  }

  private static PoliceStation.Input input(ObjectNode body) {
    Fields f = Fields.of(body);
    var in =
        new PoliceStation.Input(
            f.text("name", 300, true),
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
