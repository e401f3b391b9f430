package org.vigil.campaign;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.EDITOR;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.http.Fields;
import org.vigil.http.JsonBody;
import org.vigil.http.MergePatch;
import org.vigil.http.Page;

/** HTTP routes for campaigns, events and claims. Reads are public: none holds personal data. */
public final class CampaignRoutes {
  private final Campaigns campaigns;

  private CampaignRoutes(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  public static void register(Api api, Campaigns campaigns) {
    CampaignRoutes routes = new CampaignRoutes(campaigns);
    api.post("/api/campaigns", routes::createCampaign, COORDINATOR, ADMIN);
    api.get("/api/campaigns", ctx -> ctx.json(Map.of("items", campaigns.campaigns())));
    api.post("/api/campaigns/current", routes::markCurrent, ADMIN);
    api.get("/api/campaigns/{id}", ctx -> ctx.json(routes.campaign(ctx.pathParam("id"))));
    api.patch("/api/campaigns/{id}", routes::updateCampaign, COORDINATOR, ADMIN);
    api.post("/api/events", routes::createEvent, COORDINATOR, ADMIN);
    api.get("/api/events", routes::listEvents);
    api.get("/api/events/{id}", routes::showEvent);
    api.patch("/api/events/{id}", routes::updateEvent, COORDINATOR, EDITOR, ADMIN);
    api.post("/api/claims", routes::addClaim, COORDINATOR, EDITOR, ADMIN);
    api.get(
        "/api/claims",
        ctx ->
            ctx.json(
                Map.of(
                    "items",
                    campaigns.claims(ctx.queryParam("campaign"), ctx.queryParam("event")))));
  }

  private void createCampaign(Context ctx) {
    ctx.status(201).json(campaigns.create(campaignInput(JsonBody.object(ctx))));
  }

  private void updateCampaign(Context ctx) {
    Campaign current = campaign(ctx.pathParam("id"));
    var before =
        new Campaign.Input(
            current.title(), current.startsOn(), current.endsOn(), current.description());
    campaigns.update(current.id(), campaignInput(MergePatch.apply(before, JsonBody.object(ctx))));
    ctx.json(campaign(current.id()));
  }

  /**
   * {@code {"campaign": ID}} marks that campaign current; {@code {"campaign": null}} unmarks, and
   * the latest campaign to have started is current again.
   */
  private void markCurrent(Context ctx) {
    ObjectNode body = JsonBody.object(ctx);
    Fields f = Fields.of(body);
    String id = f.text("campaign", 64, false);
    if (!body.has("campaign")) f.reject("campaign", "is required: a campaign id, or null");
    if (id != null && campaigns.campaign(id).isEmpty())
      f.reject("campaign", "no campaign with this id");
    f.done();
    campaigns.markCurrent(id);
    ctx.json(campaigns.current().map(c -> (Object) c).orElse(Map.of()));
  }

  private Campaign campaign(String id) {
    return campaigns.campaign(id).orElseThrow(() -> ApiError.notFound("no campaign " + id));
  }

  private static Campaign.Input campaignInput(ObjectNode body) {
    Fields f = Fields.of(body);
    var in =
        new Campaign.Input(
            f.text("title", 200, true),
            f.date("starts_on", true),
            f.date("ends_on", false),
            f.freeText("description", 5000, false));
    if (in.startsOn() != null && in.endsOn() != null && in.endsOn().isBefore(in.startsOn())) {
      f.reject("ends_on", "must not be before starts_on");
    }
    f.done();
    return in;
  }

  private void createEvent(Context ctx) {
    ctx.status(201).json(campaigns.createEvent(eventInput(JsonBody.object(ctx))));
  }

  private void updateEvent(Context ctx) {
    Event current = event(ctx.pathParam("id"));
    var before =
        new Event.Input(
            current.campaignId(),
            current.heldOn(),
            current.city(),
            current.region(),
            current.venue(),
            current.kind(),
            current.authorised(),
            current.cause(),
            current.organiser(),
            current.temperatureC(),
            current.conditions(),
            current.latitude(),
            current.longitude());
    campaigns.updateEvent(current.id(), eventInput(MergePatch.apply(before, JsonBody.object(ctx))));
    ctx.json(event(current.id()));
  }

  /**
   * {@code ?campaign=&city=&on=2021-01-23}, a page at a time ({@code after}, {@code limit}), in the
   * list's order: by date, city and id.
   */
  private void listEvents(Context ctx) {
    int limit = Page.limit(ctx);
    String after = ctx.queryParam("after");
    if (after != null && campaigns.event(after).isEmpty()) {
      throw ApiError.invalid("after", "no event with this id");
    }
    List<Event> items =
        campaigns.events(
            ctx.queryParam("campaign"), ctx.queryParam("city"), day(ctx, "on"), after, limit);
    ctx.json(new Page<>(items, items.size() == limit ? items.getLast().id() : null));
  }

  private static LocalDate day(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) return null;
    try {
      return LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw ApiError.invalid(name, "must be a date like 2021-01-23");
    }
  }

  private void showEvent(Context ctx) {
    Event event = event(ctx.pathParam("id"));
    ctx.json(Map.of("event", event, "claims", campaigns.claims(null, event.id())));
  }

  private Event event(String id) {
    return campaigns.event(id).orElseThrow(() -> ApiError.notFound("no event " + id));
  }

  private Event.Input eventInput(ObjectNode body) {
    Fields f = Fields.of(body);
    var in =
        new Event.Input(
            f.text("campaign", 64, false),
            f.date("held_on", true),
            f.text("city", 200, true),
            f.text("region", 200, false),
            f.text("venue", 500, false),
            f.text("kind", 100, false),
            f.bool("authorised", false),
            f.freeText("cause", 1000, false),
            f.text("organiser", 500, false),
            f.decimal("temperature_c", -90, 60, false),
            f.freeText("conditions", 1000, false),
            f.decimal("latitude", -90, 90, false),
            f.decimal("longitude", -180, 180, false));
    if ((in.latitude() == null) != (in.longitude() == null)) {
      f.reject(in.latitude() == null ? "latitude" : "longitude", "goes with the other coordinate");
    }
    if (in.campaign() != null && campaigns.campaign(in.campaign()).isEmpty()) {
      f.reject("campaign", "no campaign with this id");
    }
    f.done();
    return in;
  }

  private void addClaim(Context ctx) {
    Fields f = JsonBody.fields(ctx);
    String campaign = f.text("campaign", 64, false);
    String event = f.text("event", 64, false);
    var subject = f.choice("subject", Claim.Subject.class, true);
    var qualifier = f.choice("qualifier", Claim.Qualifier.class, true);
    Long value = f.longValue("value", 0, 1_000_000_000L, true);
    String source = f.text("source", 500, true);
    String quote = f.freeText("quote", 2000, false);
    String url = f.url("url", false);
    if (campaign == null && event == null) f.reject("event", "campaign or event is required");
    if (campaign != null && campaigns.campaign(campaign).isEmpty()) {
      f.reject("campaign", "no campaign with this id");
    }
    if (event != null && campaigns.event(event).isEmpty())
      f.reject("event", "no event with this id");
    f.done();
    ctx.status(201)
        .json(campaigns.addClaim(campaign, event, subject, qualifier, value, source, quote, url));
  }
}
