package org.vigil.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.vigil.campaign.Campaign;
import org.vigil.campaign.Campaigns;
import org.vigil.http.ApiError;
import org.vigil.http.ApiError.FieldError;
import org.vigil.http.Fields;
import org.vigil.http.Json;
import org.vigil.http.MultipartForm;

/**
 * A photo upload as a multipart form sends it (part {@code file}, and {@code caption}, {@code
 * credit}, optional {@code campaign} and {@code event}), read and checked, and placed in its
 * campaign: what the API's {@code POST /api/media} and the editor's console form share.
 *
 * @param campaignId the campaign named, else its event's, else the one going on now (null: none)
 */
record PhotoUpload(byte[] image, String caption, String credit, String campaignId, String eventId) {
  /** The largest photo accepted; a press photo is a few megabytes. */
  static final long MAX_BYTES = 25L * 1024 * 1024;

  /** The text fields of the form, in the order a form shows them. */
  static final List<String> FIELDS = List.of("caption", "credit", "campaign", "event");

  /**
   * Reads the form.
   *
   * @throws ApiError 415 if the body is not multipart, 400 if it is malformed, 413 if too large,
   *     422 naming each wrong field
   */
  static PhotoUpload read(Context ctx, Campaigns campaigns) throws IOException {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new ApiError(
          415,
          "Unsupported media type",
          "send the photo as multipart/form-data",
          List.of(new FieldError("Content-Type", "must be multipart/form-data")));
    }
    UploadedFile file = MultipartForm.file(ctx, "file");
    // The text parts are read as a JSON body's fields are: the same checks, the same errors.
    ObjectNode form = Json.mapper().createObjectNode();
    for (String name : FIELDS) {
      String value = MultipartForm.field(ctx, name);
      if (value != null) form.put(name, value);
    }
    Fields f = Fields.of(form);
    String caption = f.freeText("caption", 2000, true);
    String credit = f.text("credit", 300, true);
    String campaign = f.text("campaign", 64, false);
    String event = f.text("event", 64, false);
    // A browser sends an empty file part when no file was chosen.
    if (file == null || (file.size() == 0 && file.filename().isEmpty())) {
      f.reject("file", "is required: the photo");
    }
    if (campaign != null && campaigns.campaign(campaign).isEmpty())
      f.reject("campaign", "no campaign with this id");
    if (event != null && campaigns.event(event).isEmpty())
      f.reject("event", "no event with this id");
    f.done();
    if (file.size() > MAX_BYTES) {
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
    return new PhotoUpload(bytes, caption, credit, campaign, event);
  }

  /**
   * Cleans the photo and publishes it.
   *
   * @throws ApiError 422 naming {@code file} if it is not an image Vigil can read
   */
  Photo publish(Photos photos, String userId) throws IOException {
    try {
      return photos.publish(image, caption, credit, campaignId, eventId, userId);
    } catch (IllegalArgumentException unreadable) {
      throw ApiError.invalid("file", unreadable.getMessage());
    }
  }
}
