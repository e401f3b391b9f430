package org.vigil.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.testing.ConsoleUser.form;
import static org.vigil.testing.PublicFixture.eventually;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.security.Role;
import org.vigil.testing.ConsoleUser;
import org.vigil.testing.Jpegs;
import org.vigil.testing.PublicFixture;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;

/**
 * The editor's desk over HTTP, signed in with a session as a browser is: updates in two languages
 * previewed and published to the public pages, photos uploaded through the console's form and
 * served without their metadata, an event's venue, conditions and sourced figures edited; and none
 * of it open to an operator.
 */
class EditorDeskTest {
  static final String PASSWORD = "long evening train to Tver 17";
  private static final Pattern UPDATE_ITEM =
      Pattern.compile(
          "<li data-id=\"([^\"]+)\"><time datetime=\"[^\"]+\">\\d\\d:\\d\\d UTC</time> ([^<]*)</li>");
  private static final long MIB = 1024 * 1024;

  @TempDir Path dir;

  /** A user of this role who has accepted an invitation, signed in. */
  private static ConsoleUser member(TestVigil server, String name, Role role, String display) {
    String token = server.vigil().invitations().invite(name, role, display, null).token();
    ConsoleUser user = new ConsoleUser(server).header("Accept-Language", "en");
    Response accepted = user.accept(token, PASSWORD, Clock.systemUTC());
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(303);
    return user;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void an_update_in_both_languages_is_previewed_then_published_to_the_public_pages(
      TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      new PublicFixture(server).campaign("23 января", "2021-01-23");
      ConsoleUser editor = member(server, "vera", Role.EDITOR, "Редакция");
      Response page = editor.get("/console/updates");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("«23 января»", "name=\"text_ru\"", "name=\"text_en\"");
      String csrf = editor.csrf();
      String ru = "На Пушкинской площади <b>задержаны</b> первые участники";
      String en = "The first protesters were detained on Pushkin Square";

      // the preview: each text drawn as the public home page draws an update, nothing published
      Response preview =
          editor.post(
              "/console/updates",
              form("_csrf", csrf, "text_ru", ru, "text_en", en, "do", "preview"),
              "same-origin");
      assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
      List<String[]> drafts = items(preview.body());
      assertThat(drafts)
          .extracting(i -> i[0] + " " + i[1])
          .contains(
              "preview На Пушкинской площади &lt;b&gt;задержаны&lt;/b&gt; первые участники",
              "preview " + en);
      assertThat(preview.body())
          .contains("lang=\"ru\"", "<h3>Новости</h3>", "<h3>Live updates</h3>");
      assertThat(preview.body()).contains(ru.replace("<", "&lt;").replace(">", "&gt;"));
      assertThat(server.get("/api/updates", null).json().get("items")).isEmpty();

      Response published =
          editor.post(
              "/console/updates",
              form("_csrf", csrf, "text_ru", ru, "text_en", en, "do", "publish"),
              "same-origin");
      assertThat(published.status()).as(published.toString()).isEqualTo(303);
      assertThat(published.header("Location")).isEqualTo("/console/updates?published=2");
      JsonNode items = server.get("/api/updates", null).json().get("items");
      assertThat(items).hasSize(2);
      assertThat(items.findValuesAsText("author")).containsOnly("Редакция");
      assertThat(items.findValuesAsText("text")).containsExactlyInAnyOrder(ru, en);
      assertThat(editor.get("/console/updates?published=2").body())
          .contains("2 updates are published", en);

      // on each public home page in its own language, drawn as the preview drew it
      String home = eventually(() -> server.get("/ru/", null).body(), b -> b.contains("первые"));
      assertThat(items(home))
          .extracting(i -> i[1])
          .containsExactly("На Пушкинской площади &lt;b&gt;задержаны&lt;/b&gt; первые участники");
      String english = eventually(() -> server.get("/en/", null).body(), b -> b.contains(en));
      assertThat(english).doesNotContain("первые");

      // nothing written, or a text a reader would be fooled by: the form again, the field named
      Response empty =
          editor.post(
              "/console/updates",
              form("_csrf", csrf, "text_ru", " ", "text_en", "", "do", "publish"),
              "same-origin");
      assertThat(empty.status()).isEqualTo(422);
      assertThat(empty.header("Content-Type")).startsWith("text/html");
      assertThat(empty.body()).contains("Write the update in at least one language");
      Response bidi =
          editor.post(
              "/console/updates",
              form("_csrf", csrf, "text_ru", "", "text_en", "fake \u202e news", "do", "publish"),
              "same-origin");
      assertThat(bidi.status()).isEqualTo(422);
      assertThat(bidi.body()).contains("The English text is too long", "fake \u202e news");
      assertThat(server.get("/api/updates", null).json().get("items")).hasSize(2);

      // retracted with a reason: off the public page
      String ruId = items.get(items.findValuesAsText("text").indexOf(ru)).get("id").asText();
      Response noReason =
          editor.post(
              "/console/updates/" + ruId + "/unpublish", form("_csrf", csrf), "same-origin");
      assertThat(noReason.status()).isEqualTo(422);
      assertThat(noReason.body()).contains("Give the reason");
      Response retracted =
          editor.post(
              "/console/updates/" + ruId + "/unpublish",
              form("_csrf", csrf, "reason", "wrong square"),
              "same-origin");
      assertThat(retracted.status()).isEqualTo(303);
      assertThat(retracted.header("Location")).isEqualTo("/console/updates?retracted=1");
      assertThat(eventually(() -> server.get("/ru/", null).body(), b -> !b.contains("первые")))
          .doesNotContain("первые");
      assertThat(
              editor
                  .post(
                      "/console/updates/" + ruId + "/unpublish",
                      form("_csrf", csrf, "reason", "again"),
                      "same-origin")
                  .header("Location"))
          .isEqualTo("/console/updates?gone=1");
    }
  }

  @Test
  void a_photo_uploaded_with_caption_and_credit_is_served_without_its_gps() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      PublicFixture fixture = new PublicFixture(server);
      String campaign = fixture.campaign("23 января", "2021-01-23");
      String event = fixture.event(campaign, "2021-01-23", "Москва", 55.76, 37.61);
      ConsoleUser editor = member(server, "vera", Role.EDITOR, null);
      String csrf = editor.csrf();
      Response page = editor.get("/console/photos");
      assertThat(page.body())
          .contains("enctype=\"multipart/form-data\"", "value=\"" + event + "\"");

      byte[] upload = Jpegs.tagged(Jpegs.photo(64, 48), 1);
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("_csrf", csrf);
      fields.put("caption", "Пушкинская площадь, 23 января");
      fields.put("credit", "Фотограф / Агентство");
      fields.put("event", event);
      Response sent = upload(editor, fields, upload);
      assertThat(sent.status()).as(sent.toString()).isEqualTo(303);
      assertThat(sent.header("Location")).isEqualTo("/console/photos?published=1");

      JsonNode photo = server.get("/api/media", null).json().get("items").get(0);
      assertThat(photo.get("caption").asText()).isEqualTo("Пушкинская площадь, 23 января");
      assertThat(photo.get("credit").asText()).isEqualTo("Фотограф / Агентство");
      assertThat(photo.get("event_id").asText()).isEqualTo(event);
      assertThat(photo.get("campaign_id").asText()).isEqualTo(campaign);
      byte[] served = bytes(server, photo.get("url").asText());
      Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload));
      assertThat(before.getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();
      Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(served));
      assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
      List<String> kinds = new ArrayList<>();
      for (Directory d : after.getDirectories()) kinds.add(d.getName());
      assertThat(kinds).doesNotContain("GPS", "Exif IFD0", "XMP", "IPTC");
      assertThat(new String(served, java.nio.charset.StandardCharsets.ISO_8859_1))
          .doesNotContain(Jpegs.CANARIES);
      assertThat(editor.get("/console/photos?published=1").body())
          .contains("Пушкинская площадь, 23 января", photo.get("url").asText(), "Москва");

      // a missing credit: the form again, as a page, with what was typed
      fields.put("credit", "");
      Response noCredit = upload(editor, fields, upload);
      assertThat(noCredit.status()).isEqualTo(422);
      assertThat(noCredit.header("Content-Type")).startsWith("text/html");
      assertThat(noCredit.body()).contains("Write the credit", "Пушкинская площадь, 23 января");

      // too large, whether Jetty or Vigil finds it so: the console's page, not a problem document
      fields.put("credit", "Фотограф");
      for (long size : new long[] {25 * MIB + 1, 26 * MIB + 1}) {
        Response tooLarge = upload(editor, fields, new byte[(int) size]);
        assertThat(tooLarge.status()).as("%d bytes", size).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).startsWith("text/html");
        assertThat(tooLarge.body()).contains("data-status=\"413\"", "at most 25 MiB");
      }
      // the form without its CSRF token is refused as a page
      fields.remove("_csrf");
      Response forged = upload(editor, fields, upload);
      assertThat(forged.status()).isEqualTo(403);
      assertThat(forged.header("Content-Type")).startsWith("text/html");
      assertThat(server.get("/api/media", null).json().get("items")).hasSize(1);

      String id = photo.get("id").asText();
      Response off =
          editor.post(
              "/console/photos/" + id + "/unpublish",
              form("_csrf", csrf, "reason", "a face is recognisable"),
              "same-origin");
      assertThat(off.status()).isEqualTo(303);
      assertThat(server.get("/api/media", null).json().get("items")).isEmpty();
      assertThat(server.get(photo.get("url").asText(), null).status()).isEqualTo(404);
    }
  }

  /**
   * Issue 13: a campaign imported from a published table has thousands of events; the list shows a
   * page and the next, and any event is found by its city or day, on the list and for a photo.
   */
  @Test
  void the_events_list_is_paged_and_any_event_is_found_by_city_or_day() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      PublicFixture fixture = new PublicFixture(server);
      String campaign = fixture.campaign("23 января", "2021-01-01");
      Set<String> created = new HashSet<>();
      for (int i = 0; i < 55; i++) { // a page of the list holds 50
        String day = "2021-01-%02d".formatted(1 + i % 28);
        created.add(fixture.event(campaign, day, "Город " + i, 55.0, 37.0));
      }
      String kazan = fixture.event(campaign, "2021-01-01", "Казань", 55.79, 49.12);
      created.add(kazan);
      ConsoleUser editor = member(server, "vera", Role.EDITOR, null);

      Set<String> listed = new HashSet<>();
      String page = "/console/events?campaign=" + campaign;
      int pages = 0;
      while (page != null && pages++ < 5) {
        String body = editor.get(page).body();
        Matcher rows = Pattern.compile("<tr data-event=\"([^\"]+)\">").matcher(body);
        while (rows.find()) assertThat(listed.add(rows.group(1))).as("listed once").isTrue();
        Matcher next =
            Pattern.compile(
                    "id=\"events-next\" href=\"([^\"]+)\"|href=\"([^\"]+)\" id=\"events-next\"")
                .matcher(body);
        page = next.find() ? next.group(2).replace("&amp;", "&") : null;
      }
      assertThat(listed).isEqualTo(created);
      assertThat(pages).isEqualTo(2);

      assertThat(editor.get("/console/events?campaign=" + campaign + "&city=казань").body())
          .contains("data-event=\"" + kazan + "\"")
          .doesNotContain("Город 1<");
      String photos = editor.get("/console/photos?event_city=казань").body();
      assertThat(photos).contains("<option value=\"" + kazan + "\"");
      assertThat(Pattern.compile("<option value=\"[^\"]").matcher(photos).results().count())
          .as("the events of Kazan only")
          .isEqualTo(1);
      String latestDay = editor.get("/console/photos").body();
      assertThat(Pattern.compile("<option value=\"[^\"]").matcher(latestDay).results().count())
          .as("by default the events of the campaign's latest day")
          .isEqualTo(1);
      assertThat(latestDay).contains("Город 27", "value=\"2021-01-28\"");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void an_event_is_edited_and_given_a_sourced_crowd_estimate(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      PublicFixture fixture = new PublicFixture(server);
      String campaign = fixture.campaign("23 января", "2021-01-23");
      String event = fixture.event(campaign, "2021-01-23", "Якутск", 62.03, 129.73);
      ConsoleUser editor = member(server, "vera", Role.EDITOR, null);
      String csrf = editor.csrf();
      assertThat(editor.get("/console/events").body())
          .contains("href=\"/console/events/" + event + "\"", "Якутск");
      Response page = editor.get("/console/events/" + event);
      assertThat(page.status()).isEqualTo(200);
      String version = version(page.body());

      Response saved =
          editor.post(
              "/console/events/" + event,
              form(
                  "_csrf",
                  csrf,
                  "version",
                  version,
                  "venue",
                  "площадь Ленина",
                  "kind",
                  "митинг",
                  "authorised",
                  "no",
                  "temperature_c",
                  "−50,5",
                  "conditions",
                  "мороз, туман"),
              "same-origin");
      assertThat(saved.status()).as(saved.toString()).isEqualTo(303);
      JsonNode stored = server.get("/api/events/" + event, null).json().get("event");
      assertThat(stored.get("venue").asText()).isEqualTo("площадь Ленина");
      assertThat(stored.get("authorised").asBoolean()).isFalse();
      assertThat(stored.get("temperature_c").asDouble()).isEqualTo(-50.5);
      assertThat(stored.get("conditions").asText()).isEqualTo("мороз, туман");
      assertThat(
              eventually(
                  () -> server.get("/ru/events/" + event, null).body(), b -> b.contains("туман")))
          .contains("площадь Ленина", "мороз, туман");

      // a second editor's save from the page as it was before: refused, nothing overwritten
      Response stale =
          editor.post(
              "/console/events/" + event,
              form("_csrf", csrf, "version", version, "venue", "другая площадь", "authorised", ""),
              "same-origin");
      assertThat(stale.status()).isEqualTo(409);
      assertThat(stale.body()).contains("Someone else saved this event", "площадь Ленина");
      assertThat(server.get("/api/events/" + event, null).json().at("/event/venue").asText())
          .isEqualTo("площадь Ленина");
      Response cold =
          editor.post(
              "/console/events/" + event,
              form("_csrf", csrf, "version", version(stale.body()), "temperature_c", "cold"),
              "same-origin");
      assertThat(cold.status()).isEqualTo(422);
      assertThat(cold.body()).contains("The temperature must be a number");

      // a crowd estimate with its source, on the public page at once
      Response claim =
          editor.post(
              "/console/events/" + event + "/claims",
              form(
                  "_csrf",
                  csrf,
                  "subject",
                  "crowd",
                  "qualifier",
                  "about",
                  "value",
                  "1 500",
                  "source",
                  "организаторы",
                  "quote",
                  "",
                  "url",
                  "https://example.org/yakutsk"),
              "same-origin");
      assertThat(claim.status()).as(claim.toString()).isEqualTo(303);
      JsonNode claims = server.get("/api/events/" + event, null).json().get("claims");
      assertThat(claims).hasSize(1);
      assertThat(claims.get(0).get("value").asLong()).isEqualTo(1500);
      assertThat(claims.get(0).get("source").asText()).isEqualTo("организаторы");
      assertThat(
              eventually(
                  () -> server.get("/en/events/" + event, null).body(),
                  b -> b.contains("организаторы")))
          .contains("1,500 (about), according to организаторы");
      assertThat(editor.get("/console/events/" + event).body())
          .contains("1,500 (about), according to организаторы");
      Response badClaim =
          editor.post(
              "/console/events/" + event + "/claims",
              form(
                  "_csrf",
                  csrf,
                  "subject",
                  "crowd",
                  "qualifier",
                  "about",
                  "value",
                  "many",
                  "source",
                  "",
                  "url",
                  "javascript:alert(1)"),
              "same-origin");
      assertThat(badClaim.status()).isEqualTo(422);
      assertThat(badClaim.body())
          .contains("Enter a whole number", "Name the source", "full http or https address")
          // the language switch leads to the event's page, not to the form's address
          .contains("href=\"/console/events/" + event + "?lang=ru\"");
      assertThat(server.get("/api/events/" + event, null).json().get("claims")).hasSize(1);

      // the API's PATCH is open to editors too
      Response patched =
          server.patch("/api/events/" + event, "{\"venue\": \"у памятника\"}", Role.EDITOR);
      assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
      assertThat(editor.get("/console/events/nothing").status()).isEqualTo(404);
    }
  }

  @Test
  void an_operator_may_open_none_of_it() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      PublicFixture fixture = new PublicFixture(server);
      String campaign = fixture.campaign("23 января", "2021-01-23");
      String event = fixture.event(campaign, "2021-01-23", "Москва", 55.76, 37.61);
      ConsoleUser operator = member(server, "oleg", Role.OPERATOR, null);
      String csrf = operator.csrf();
      for (String path :
          List.of(
              "/console/updates",
              "/console/photos",
              "/console/events",
              "/console/events/" + event)) {
        Response r = operator.get(path);
        assertThat(r.status()).as(path).isEqualTo(403);
        assertThat(r.body()).as(path).contains("Your role may not");
      }
      Response post =
          operator.post(
              "/console/updates",
              form("_csrf", csrf, "text_en", "not mine to write", "do", "publish"),
              "same-origin");
      assertThat(post.status()).isEqualTo(403);
      Response edit =
          operator.post(
              "/console/events/" + event,
              form("_csrf", csrf, "version", "0", "venue", "x"),
              "same-origin");
      assertThat(edit.status()).isEqualTo(403);
      assertThat(server.get("/api/updates", null).json().get("items")).isEmpty();
      assertThat(operator.get("/console/").body())
          .doesNotContain("/console/updates", "/console/photos", "/console/events");
      // signed out: to the sign-in page
      ConsoleUser stranger = new ConsoleUser(server);
      assertThat(stranger.get("/console/updates").status()).isEqualTo(303);
      assertThat(stranger.get("/console/updates").header("Location")).isEqualTo("/console/login");
    }
  }

  /** The public update items of a page: each one's id and text. */
  private static List<String[]> items(String html) {
    List<String[]> found = new ArrayList<>();
    Matcher m = UPDATE_ITEM.matcher(html);
    while (m.find()) found.add(new String[] {m.group(1), m.group(2)});
    return found;
  }

  private static String version(String html) {
    Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
    assertThat(m.find()).as("the form's version").isTrue();
    return m.group(1);
  }

  /** Posts the console's photo form: the fields in order, then the file. */
  private static Response upload(ConsoleUser user, Map<String, String> fields, byte[] file) {
    String boundary = "vigil-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                "--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                    .formatted(boundary, name, value)
                    .getBytes(UTF_8)));
    body.writeBytes(
        ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n")
            .formatted(boundary)
            .getBytes(UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(UTF_8));
    return user.postBody(
        "/console/photos", "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  private static byte[] bytes(TestVigil server, String path) throws Exception {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.base() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
