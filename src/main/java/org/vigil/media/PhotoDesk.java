package org.vigil.media;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.EDITOR;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vigil.campaign.Campaign;
import org.vigil.campaign.Campaigns;
import org.vigil.campaign.Event;
import org.vigil.console.Console;
import org.vigil.console.Form;
import org.vigil.console.Shell;
import org.vigil.http.ApiError;
import org.vigil.http.Fields;
import org.vigil.http.MultipartForm;

/**
 * The editor's photos in the console ({@code /console/photos}): the upload form (the same reading,
 * checks and cleaning as {@code POST /api/media}, through {@link PhotoUpload}) and the published
 * photos, each of which can be taken off the site with a reason.
 */
public final class PhotoDesk {
  private static final int RECENT = 50;

  /**
   * Events offered for a photo at once: a day's events (one a city, dozens on a national protest
   * day) or a city's; as many as the console's events list shows on a page.
   */
  private static final int EVENTS = 50;

  private final Photos photos;
  private final Campaigns campaigns;

  private PhotoDesk(Photos photos, Campaigns campaigns) {
    this.photos = photos;
    this.campaigns = campaigns;
  }

  /**
   * The page.
   *
   * @param eventCity the city the events offered were found by, or empty
   * @param eventOn the day they were found by (by default the campaign's latest), or empty
   * @param events the current campaign's events found so, for the upload form's choice
   * @param unpublish the unpublishing form shown again (its {@code id} and what was wrong), or
   *     empty
   */
  public record PhotosView(
      Form form,
      String eventCity,
      String eventOn,
      List<Choice> events,
      List<Row> recent,
      Form unpublish,
      String notice) {}

  /** An option of a select. */
  public record Choice(String value, String label) {}

  /** A published photo in the list. */
  public record Row(Photo photo, String event, String time) {}

  public static void register(Console console, Photos photos, Campaigns campaigns) {
    PhotoDesk desk = new PhotoDesk(photos, campaigns);
    console.page(
        "/console/photos",
        "photos",
        r -> desk.view(r, Form.EMPTY, Form.EMPTY, desk.notice(r)),
        EDITOR,
        ADMIN);
    console.form("/console/photos", desk::upload, EDITOR, ADMIN);
    console.form("/console/photos/{id}/unpublish", desk::unpublish, EDITOR, ADMIN);
  }

  /**
   * Publishes the photo sent. A wrong field shows the form again; a form too large or malformed is
   * refused with the console's page for it (413, 400).
   */
  private void upload(Console.Request r) throws IOException {
    try {
      PhotoUpload.read(r.ctx(), campaigns).publish(photos, r.user().userId());
    } catch (ApiError refused) {
      if (refused.status() != 422) throw refused;
      Map<String, String> typed =
          PhotoUpload.FIELDS.stream()
              .collect(
                  Collectors.toMap(
                      Function.identity(),
                      name -> {
                        String value = MultipartForm.field(r.ctx(), name);
                        return value == null ? "" : value.strip();
                      }));
      r.ctx().status(422);
      r.render("photos", view(r, new Form(typed, r.errors(refused, "photos")), Form.EMPTY, null));
      return;
    }
    r.redirect("/console/photos?published=1");
  }

  private void unpublish(Console.Request r) {
    String id = r.param("id");
    Fields f = Fields.of(r.json("reason"));
    String reason = f.freeText("reason", 2000, true);
    try {
      f.done();
    } catch (ApiError refused) {
      Map<String, String> values = r.fields("reason");
      values.put("id", id);
      r.ctx().status(422);
      r.render("photos", view(r, Form.EMPTY, new Form(values, r.errors(refused, "photos")), null));
      return;
    }
    boolean done = photos.unpublish(id, reason, r.user().userId());
    r.redirect("/console/photos?" + (done ? "unpublished=1" : "gone=1"));
  }

  private PhotosView view(Console.Request r, Form form, Form unpublish, String notice) {
    String campaignId = campaigns.current().map(Campaign::id).orElse(null);
    String city = r.query("event_city");
    LocalDate day = r.queryDay("event_on");
    // A photo is mostly of the latest protest day; any other event is found by its city or day.
    if (campaignId != null && day == null && city.isEmpty()) {
      day = campaigns.latestDay(campaignId).orElse(null);
    }
    List<Event> events =
        campaignId == null
            ? new ArrayList<>()
            : new ArrayList<>(
                campaigns.events(campaignId, city.isEmpty() ? null : city, day, null, EVENTS));
    String chosen = form.value("event");
    if (!chosen.isEmpty() && events.stream().noneMatch(e -> e.id().equals(chosen))) {
      campaigns.event(chosen).ifPresent(events::add);
    }
    Map<String, String> labels = new HashMap<>();
    events.forEach(e -> labels.put(e.id(), label(e)));
    List<Choice> choices = events.stream().map(e -> new Choice(e.id(), label(e))).toList();
    List<Row> recent =
        photos.list(null, null).stream()
            .limit(RECENT)
            .map(
                p ->
                    new Row(
                        p,
                        p.eventId() == null
                            ? ""
                            : labels.computeIfAbsent(
                                p.eventId(),
                                id -> campaigns.event(id).map(PhotoDesk::label).orElse("")),
                        Shell.moscow(p.createdAt())))
            .toList();
    return new PhotosView(
        form, city, day == null ? "" : day.toString(), choices, recent, unpublish, notice);
  }

  /** An event as the console names it: its city, date and venue. */
  private static String label(Event e) {
    return e.city() + ", " + e.heldOn() + (e.venue() == null ? "" : " — " + e.venue());
  }

  private String notice(Console.Request r) {
    var t = r.texts();
    if (r.ctx().queryParam("published") != null) return t.get("photos.notice.published");
    if (r.ctx().queryParam("unpublished") != null) return t.get("photos.notice.unpublished");
    if (r.ctx().queryParam("gone") != null) return t.get("photos.notice.gone");
    return null;
  }
}
