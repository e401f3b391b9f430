package org.vigil.publish;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.EDITOR;

import io.javalin.http.Context;
import java.time.OffsetDateTime;
import java.util.Map;
import org.vigil.campaign.Campaign;
import org.vigil.campaign.Campaigns;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.http.Fields;
import org.vigil.http.JsonBody;
import org.vigil.http.Page;

/** The editors' live updates: written by editors, read by anyone as JSON or Atom. */
public final class PublishRoutes {
  private static final int FEED_ENTRIES = 50;
  private final LiveUpdates updates;
  private final Campaigns campaigns;

  private PublishRoutes(LiveUpdates updates, Campaigns campaigns) {
    this.updates = updates;
    this.campaigns = campaigns;
  }

  public static void register(Api api, LiveUpdates updates, Campaigns campaigns) {
    PublishRoutes routes = new PublishRoutes(updates, campaigns);
    api.post("/api/updates", routes::publish, EDITOR, ADMIN);
    api.post("/api/updates/{id}/unpublish", routes::unpublish, EDITOR, ADMIN);
    api.get(
        "/api/updates",
        ctx ->
            ctx.json(Map.of("items", updates.latest(ctx.queryParam("campaign"), Page.limit(ctx)))));
    api.get("/feed.atom", routes::feed);
  }

  private void publish(Context ctx) {
    Fields f = JsonBody.fields(ctx);
    String campaign = f.text("campaign", 64, false);
    var language = f.choice("language", LiveUpdate.Language.class, true);
    String text = f.freeText("text", UpdateDesk.MAX_TEXT, true);
    if (campaign != null && campaigns.campaign(campaign).isEmpty()) {
      f.reject("campaign", "no campaign with this id");
    }
    f.done();
    // An update that names no campaign belongs to the one going on now, so that it reaches the
    // pages and the feed of that campaign rather than none.
    String placed =
        campaign != null
            ? campaign
            : campaigns.campaignFor(OffsetDateTime.now()).map(Campaign::id).orElse(null);
    ctx.status(201).json(updates.publish(placed, language, text, Api.principal(ctx).userId()));
  }

  /** {@code {"reason": …}}: the update leaves the pages, the feed and the live stream. */
  private void unpublish(Context ctx) {
    String id = ctx.pathParam("id");
    Fields f = JsonBody.fields(ctx);
    String reason = f.freeText("reason", 2000, true);
    f.done();
    ctx.json(
        updates
            .unpublish(id, reason, Api.principal(ctx).userId())
            .orElseThrow(() -> ApiError.notFound("no published update " + id)));
  }

  private void feed(Context ctx) {
    String campaign = ctx.queryParam("campaign");
    String self = ctx.fullUrl();
    String title =
        campaign == null
            ? "Vigil: live updates"
            : "Vigil: " + campaigns.campaign(campaign).map(c -> c.title()).orElse(campaign);
    ctx.contentType("application/atom+xml; charset=utf-8")
        .result(
            AtomFeed.render(
                "urn:vigil:feed:" + (campaign == null ? "all" : campaign),
                title,
                self,
                updates.latest(campaign, FEED_ENTRIES)));
  }
}
