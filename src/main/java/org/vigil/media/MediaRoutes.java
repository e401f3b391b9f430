package org.vigil.media;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.EDITOR;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.vigil.campaign.Campaign;
import org.vigil.campaign.Campaigns;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.http.ApiError.FieldError;
import org.vigil.http.Fields;
import org.vigil.http.Json;
import org.vigil.http.JsonBody;

/** Photo upload for editors (multipart form), the public gallery list and the images. */
public final class MediaRoutes {
  /** The largest upload accepted; a press photo is a few megabytes. */
  public static final long MAX_UPLOAD_BYTES = 25L * 1024 * 1024;

  private final Photos photos;
  private final Campaigns campaigns;

  private MediaRoutes(Photos photos, Campaigns campaigns) {
    this.photos = photos;
    this.campaigns = campaigns;
  }

  public static void register(Api api, Photos photos, Campaigns campaigns) {
    MediaRoutes routes = new MediaRoutes(photos, campaigns);
    api.post("/api/media", routes::upload, EDITOR, ADMIN);
    api.post("/api/media/{id}/unpublish", routes::unpublish, EDITOR, ADMIN);
    api.get(
        "/api/media",
        ctx ->
            ctx.json(
                Map.of("items", photos.list(ctx.queryParam("campaign"), ctx.queryParam("event")))));
    api.get("/media/{file}", routes::image);
  }

  private void upload(Context ctx) throws IOException {
    String type = ctx.contentType();
    if (type == null
        || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      throw new ApiError(
          415,
          "Unsupported media type",
          "send the photo as multipart/form-data",
          List.of(new FieldError("Content-Type", "must be multipart/form-data")));
    }
    UploadedFile file = MultipartForm.file(ctx, "file");
    // The text parts are read as a JSON body's fields are: the same checks, the same errors.
    ObjectNode form = Json.mapper().createObjectNode();
    for (String name : List.of("caption", "credit", "campaign", "event")) {
      String value = ctx.formParam(name);
      if (value != null) form.put(name, value);
    }
    Fields f = Fields.of(form);
    String caption = f.freeText("caption", 2000, true);
    String credit = f.text("credit", 300, true);
    String campaign = f.text("campaign", 64, false);
    String event = f.text("event", 64, false);
    if (file == null) f.reject("file", "is required: the photo");
    if (campaign != null && campaigns.campaign(campaign).isEmpty())
      f.reject("campaign", "no campaign with this id");
    if (event != null && campaigns.event(event).isEmpty())
      f.reject("event", "no event with this id");
    f.done();
    if (file.size() > MAX_UPLOAD_BYTES) {
      throw new ApiError(413, "Content too large", "the photo must be at most 25 MiB", List.of());
    }
    byte[] bytes;
    try (InputStream in = file.content()) {
      bytes = in.readAllBytes();
    }
    // A photo that names no campaign belongs to the one going on now (or to its event's).
    if (campaign == null) {
      campaign =
          event != null
              ? campaigns.event(event).orElseThrow().campaignId()
              : campaigns.campaignFor(OffsetDateTime.now()).map(Campaign::id).orElse(null);
    }
    try {
      ctx.status(201)
          .json(
              photos.publish(bytes, caption, credit, campaign, event, Api.principal(ctx).userId()));
    } catch (IllegalArgumentException unreadable) {
      throw ApiError.invalid("file", unreadable.getMessage());
    }
  }

  /** {@code {"reason": …}}: the photo leaves the gallery, the event pages and its address. */
  private void unpublish(Context ctx) {
    String id = ctx.pathParam("id");
    Fields f = JsonBody.fields(ctx);
    String reason = f.freeText("reason", 2000, true);
    f.done();
    if (!photos.unpublish(id, reason, Api.principal(ctx).userId())) {
      throw ApiError.notFound("no published photo " + id);
    }
    ctx.json(Map.of("id", id, "unpublished", true));
  }

  private void image(Context ctx) {
    String file = ctx.pathParam("file");
    if (!file.endsWith(".jpg")) throw ApiError.notFound("no image " + file);
    byte[] image =
        photos
            .image(file.substring(0, file.length() - 4))
            .orElseThrow(() -> ApiError.notFound("no image " + file));
    // A photo never changes once published, but an editor may take it back (it may betray someone
    // in it): caches keep it a minute, as long as the pages that show it, not for good.
    ctx.header("Cache-Control", "public, max-age=60");
    ctx.contentType("image/jpeg").result(image);
  }
}
