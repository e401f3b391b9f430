package org.vigil.media;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.EDITOR;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import org.vigil.campaign.Campaigns;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.http.Fields;
import org.vigil.http.JsonBody;

/**
 * Photo upload for editors (a multipart form, read by {@link PhotoUpload}), the public gallery list
 * and the images.
 */
public final class MediaRoutes {
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
    PhotoUpload upload = PhotoUpload.read(ctx, campaigns);
    ctx.status(201).json(upload.publish(photos, Api.principal(ctx).userId()));
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
