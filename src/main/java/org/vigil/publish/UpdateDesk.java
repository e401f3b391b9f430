package org.vigil.publish;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.EDITOR;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.campaign.Campaign;
import org.vigil.campaign.Campaigns;
import org.vigil.console.Console;
import org.vigil.console.Form;
import org.vigil.console.Shell;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.http.Fields;
import org.vigil.site.Language;
import org.vigil.site.Texts;

/**
 * The editor's live updates in the console ({@code /console/updates}): one form for the Russian and
 * the English text, a preview drawn with the public home page's own template for an update ({@code
 * update.jte}), and the latest updates, each of which can be retracted with a reason.
 */
public final class UpdateDesk {
  /** As the API's {@code POST /api/updates} allows. */
  static final int MAX_TEXT = 5000;

  private static final int RECENT = 30;
  private static final int PREVIEW_CONTEXT = 3;
  private static final String[] TEXTS = {"text_ru", "text_en"};

  private final LiveUpdates updates;
  private final Campaigns campaigns;

  private UpdateDesk(LiveUpdates updates, Campaigns campaigns) {
    this.updates = updates;
    this.campaigns = campaigns;
  }

  /**
   * The page.
   *
   * @param placement where an update goes: the campaign going on now, as the API places one
   * @param previews the draft in each language it was written in, above that language's latest
   * @param retract the retraction form shown again (its {@code id} and what was wrong), or empty
   */
  public record UpdatesView(
      Form form,
      String placement,
      List<Preview> previews,
      List<Row> recent,
      Form retract,
      String notice) {}

  /**
   * The draft as the public home page of its language will show it: under that page's heading, on
   * top of the updates published there.
   */
  public record Preview(
      String lang, String heading, LiveUpdate draft, List<LiveUpdate> published) {}

  /** A published update in the list. */
  public record Row(
      String id, String lang, String language, String author, String time, String text) {}

  public static void register(Console console, LiveUpdates updates, Campaigns campaigns) {
    UpdateDesk desk = new UpdateDesk(updates, campaigns);
    console.page(
        "/console/updates",
        "updates",
        r -> desk.view(r, Form.EMPTY, List.of(), Form.EMPTY, desk.notice(r)),
        EDITOR,
        ADMIN);
    console.form("/console/updates", desk::write, EDITOR, ADMIN);
    console.form("/console/updates/{id}/unpublish", desk::retract, EDITOR, ADMIN);
  }

  /** Previews the texts ({@code do=preview}) or publishes them, one update per language. */
  private void write(Console.Request r) {
    Map<String, String> typed = r.fields(TEXTS);
    Fields f = Fields.of(r.json(TEXTS));
    String ru = f.freeText("text_ru", MAX_TEXT, false);
    String en = f.freeText("text_en", MAX_TEXT, false);
    if (ru == null && en == null && !f.has("text_ru") && !f.has("text_en")) {
      f.reject("text", "write the update in at least one language");
    }
    try {
      f.done();
    } catch (ApiError refused) {
      r.ctx().status(422);
      r.render(
          "updates",
          view(r, new Form(typed, r.errors(refused, "updates")), List.of(), Form.EMPTY, null));
      return;
    }
    String campaignId = campaign().map(Campaign::id).orElse(null);
    if ("preview".equals(r.field("do"))) {
      List<Preview> previews = new ArrayList<>();
      if (ru != null) previews.add(preview(r, Language.RU, campaignId, ru));
      if (en != null) previews.add(preview(r, Language.EN, campaignId, en));
      r.render("updates", view(r, Form.of(typed), previews, Form.EMPTY, null));
      return;
    }
    String author = r.user().userId();
    if (ru != null) updates.publish(campaignId, LiveUpdate.Language.RU, ru, author);
    if (en != null) updates.publish(campaignId, LiveUpdate.Language.EN, en, author);
    r.redirect("/console/updates?published=" + ((ru != null ? 1 : 0) + (en != null ? 1 : 0)));
  }

  /** Takes an update off the public pages, the feed and the live stream, with a reason. */
  private void retract(Console.Request r) {
    String id = r.param("id");
    Fields f = Fields.of(r.json("reason"));
    String reason = f.freeText("reason", 2000, true);
    try {
      f.done();
    } catch (ApiError refused) {
      Map<String, String> values = r.fields("reason");
      values.put("id", id);
      r.ctx().status(422);
      r.render(
          "updates",
          view(r, Form.EMPTY, List.of(), new Form(values, r.errors(refused, "updates")), null));
      return;
    }
    boolean retracted = updates.unpublish(id, reason, r.user().userId()).isPresent();
    r.redirect("/console/updates?" + (retracted ? "retracted=1" : "gone=1"));
  }

  private Preview preview(Console.Request r, Language lang, String campaignId, String text) {
    var session = Api.session(r.ctx());
    LiveUpdate draft =
        new LiveUpdate(
            "preview",
            campaignId,
            LiveUpdate.Language.valueOf(lang.name()),
            text,
            updates.byline(session == null ? null : session.displayName()),
            Instant.now());
    List<LiveUpdate> published =
        campaignId == null
            ? List.of()
            : updates.latest(campaignId, PREVIEW_CONTEXT * 4).stream()
                .filter(u -> u.language() == draft.language())
                .limit(PREVIEW_CONTEXT)
                .toList();
    return new Preview(lang.code(), lang.texts().get("home.updates"), draft, published);
  }

  private UpdatesView view(
      Console.Request r, Form form, List<Preview> previews, Form retract, String notice) {
    Texts t = r.texts();
    String placement =
        campaign()
            .map(c -> t.format("updates.placement", Map.of("campaign", c.title())))
            .orElse(t.get("updates.placement.none"));
    List<Row> recent =
        updates.latest(null, RECENT).stream()
            .map(
                u ->
                    new Row(
                        u.id(),
                        u.language().name().toLowerCase(Locale.ROOT),
                        t.get("updates.language." + u.language().name().toLowerCase(Locale.ROOT)),
                        u.author(),
                        Shell.moscow(u.publishedAt()),
                        u.text()))
            .toList();
    return new UpdatesView(form, placement, previews, recent, retract, notice);
  }

  /**
   * The campaign an update written now goes to, as the API's {@code POST /api/updates} places it.
   */
  private Optional<Campaign> campaign() {
    return campaigns.campaignFor(OffsetDateTime.now());
  }

  private String notice(Console.Request r) {
    Texts t = r.texts();
    String published = r.ctx().queryParam("published");
    if (published != null && published.matches("[0-9]{1,2}")) {
      return t.format("updates.notice.published", Map.of("n", Integer.parseInt(published)));
    }
    if (r.ctx().queryParam("retracted") != null) return t.get("updates.notice.retracted");
    if (r.ctx().queryParam("gone") != null) return t.get("updates.notice.gone");
    return null;
  }
}
