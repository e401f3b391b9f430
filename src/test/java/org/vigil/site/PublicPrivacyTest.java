package org.vigil.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.EDITOR;
import static org.vigil.security.Role.OPERATOR;

import com.ibm.icu.text.Transliterator;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.http.Api;
import org.vigil.security.Role;
import org.vigil.testing.PublicFixture;
import org.vigil.testing.SseStream;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/**
 * A detainee who did not consent is planted in every way Vigil takes reports, and no public page,
 * feed, export, widget, stream or API response may contain their name in any script, their contact
 * or their words. Nor may a minor whose consent was verified, a detainee who withdrew the consent a
 * relative gave, or a person named in the free-text city of an anonymous report. Every public GET
 * route the server has is read, so a route added later is covered or fails this test.
 */
class PublicPrivacyTest {
  private static final String HIDDEN = "Серафима Вышеславцева";
  private static final String HIDDEN_MALE_FORM = "Вышеславцев";
  private static final String CONTACT = "+7 913 555-01-23";
  private static final String WORDS = "сказала о пытках в автозаке";
  private static final String FULL = "Ростислав Окуджавов";
  private static final String INITIALS_ONLY = "Любомира Кржижановская";
  private static final String MINOR = "Ярослава Несовершеннолетняя";
  private static final String WITHDRAWN = "Всеволод Передумавший";
  private static final String IN_THE_ADDRESS = "Аграфена Подъездова";

  @TempDir Path dir;

  @Test
  void nobody_who_did_not_consent_appears_in_anything_public() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      PublicFixture f = new PublicFixture(server);
      String campaign = f.campaign("23 января 2021", "2021-01-23");
      String event = f.event(campaign, "2021-01-23", "Москва", 55.7656, 37.6055);
      String station = f.station("ОВД Тверской", "Москва", 55.76, 37.61);
      for (var role : List.of(OPERATOR, COORDINATOR)) {
        report(server, role, campaign, HIDDEN, "none");
      }
      reportByPublic(server, campaign, HIDDEN);
      verified(server, report(server, COORDINATOR, campaign, FULL, "full"), "full");
      verified(
          server, report(server, COORDINATOR, campaign, INITIALS_ONLY, "initials"), "initials");
      // A minor, with a consent a coordinator verified all the same.
      String minor =
          created(
              server.post(
                  "/api/public/reports",
                  """
                  {"campaign": "%s", "name": "%s", "city": "Москва", "source": "self",
                   "detained_at": "2021-01-23T14:05:00+03:00", "consent": "full", "minor": true}"""
                      .formatted(campaign, MINOR),
                  null));
      confirmAndVerify(server, minor, "full");
      // A relative's consent, verified, then withdrawn by the detainee themself.
      verified(server, report(server, COORDINATOR, campaign, WITHDRAWN, "full"), "full");
      report(server, OPERATOR, campaign, WITHDRAWN, "none", "self");
      // A "city" that is an address with a neighbour's name in it.
      created(
          server.post(
              "/api/public/reports",
              """
              {"campaign": "%s", "name": "Иван Прохожий", "source": "witness",
               "city": "Москва, Петровка 38, у дома %s", "detained_at": "2021-01-23T15:00:00+03:00"}"""
                  .formatted(campaign, IN_THE_ADDRESS),
              null));
      server.post(
          "/api/updates",
          "{\"campaign\": \"%s\", \"language\": \"ru\", \"text\": \"В Москве задержаны трое\"}"
              .formatted(campaign),
          EDITOR);
      PublicFixture.eventually(
          () -> server.get("/api/public/tally?campaign=" + campaign, null).json(),
          t -> t.get("total").get("confirmed").asLong() >= 4);

      Map<String, String> seen = readEverythingPublic(server, campaign, event, station);

      Set<String> forbidden =
          spellings(HIDDEN, HIDDEN_MALE_FORM, INITIALS_ONLY, MINOR, WITHDRAWN, IN_THE_ADDRESS);
      forbidden.add("петровка");
      forbidden.add(CONTACT);
      forbidden.add("913 555");
      forbidden.add(WORDS);
      for (var page : seen.entrySet()) {
        String text = page.getValue().toLowerCase(Locale.ROOT);
        for (String word : forbidden) {
          assertThat(text).as("%s must not contain %s", page.getKey(), word).doesNotContain(word);
        }
      }
      // The ones who consented are there, as far as they consented: the test can see names.
      String eventPage = seen.get("/ru/events/" + event);
      assertThat(eventPage).contains(FULL).contains("Л. К.");
      assertThat(seen.get("/api/public/tally?campaign=" + campaign)).contains("\"cities\":1");
      assertThat(
              server
                  .get("/api/public/tally.csv?campaign=" + campaign + "&by=city", null)
                  .body()
                  .lines())
          .as("Moscow is the one city: the address never became a row")
          .hasSize(2);
    }
  }

  private static String report(
      TestVigil server, Role role, String campaign, String name, String consent) {
    return report(server, role, campaign, name, consent, "relative");
  }

  private static String report(
      TestVigil server, Role role, String campaign, String name, String consent, String source) {
    return created(
        server.post(
            "/api/reports",
            """
            {"campaign": "%s", "name": "%s", "birth_year": 1999, "city": "Москва",
             "detained_at": "2021-01-23T14:05:00+03:00", "police_station": "ОВД Тверской",
             "source": "%s", "contact": "%s", "text": "%s", "consent": "%s"}"""
                .formatted(campaign, name, source, CONTACT, WORDS, consent),
            role));
  }

  /** A coordinator verified with the relative who reported it the consent the report states. */
  private static void verified(TestVigil server, String report, String consent) {
    confirmAndVerify(server, report, consent);
  }

  private static void confirmAndVerify(TestVigil server, String report, String consent) {
    String detention = null;
    String person = null;
    boolean confirmed = false;
    for (var d : server.get("/api/detentions?limit=1000", COORDINATOR).json().get("items")) {
      if (d.get("report_id").asText().equals(report)) {
        detention = d.get("id").asText();
        person = d.get("person").get("id").asText();
        confirmed = !d.get("confirmed_at").isNull();
      }
    }
    // A report a coordinator typed is confirmed already; confirming it again is a conflict.
    assertThat(server.post("/api/detentions/" + detention + "/confirm", "", COORDINATOR).status())
        .isEqualTo(confirmed ? 409 : 200);
    var r =
        server.post(
            "/api/persons/" + person + "/consent",
            "{\"consent\": \"%s\", \"given_by\": \"representative\", \"report\": \"%s\"}"
                .formatted(consent, report),
            COORDINATOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  private static String created(TestVigil.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private static void reportByPublic(TestVigil server, String campaign, String name) {
    var r =
        server.post(
            "/api/public/reports",
            """
            {"campaign": "%s", "name": "%s", "city": "Москва", "source": "witness",
             "contact": "%s", "text": "%s", "consent": "none"}"""
                .formatted(campaign, name, CONTACT, WORDS),
            null);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  /** Every public GET route, with each of its path parameters filled in. */
  private static Map<String, String> readEverythingPublic(
      TestVigil server, String campaign, String event, String station) throws Exception {
    Map<String, List<String>> values =
        Map.of(
            "id",
            List.of(event, campaign, station),
            "file",
            List.of("none.jpg"),
            "token",
            List.of("no-such-invitation"));
    Map<String, String> seen = new LinkedHashMap<>();
    List<String> urls = new ArrayList<>();
    for (Api.Route route : server.vigil().routes()) {
      if (!route.method().equals("GET") || !route.roles().isEmpty()) continue;
      urls.addAll(expand(route.path(), values));
    }
    assertThat(urls).contains("/ru", "/en", "/feed.atom", "/api/public/tally");
    for (String by : List.of("city", "day", "hour", "station")) {
      urls.add("/api/public/tally?campaign=" + campaign + "&by=" + by);
      urls.add("/api/public/tally.csv?campaign=" + campaign + "&by=" + by);
    }
    urls.add("/api/public/tally?campaign=" + campaign);
    urls.add("/api/public/export.csv?table=police_stations");
    urls.add("/api/events?campaign=" + campaign);
    urls.add("/api/claims?campaign=" + campaign);
    urls.add("/feed.atom?campaign=" + campaign);
    for (String url : urls) {
      if (url.equals("/api/public/live")) continue;
      HttpResponse<String> r = server.send(server.request(url, null).GET().build()).raw();
      seen.put(url, r.body() + " " + r.headers().map());
    }
    try (SseStream live =
        SseStream.open(server.base() + "/api/public/live?campaign=" + campaign, "-")) {
      StringBuilder events = new StringBuilder();
      for (var e = live.next(Duration.ofSeconds(5));
          e != null;
          e = live.next(Duration.ofMillis(500))) {
        events.append(e.data()).append('\n');
        if (e.type().equals("count")) break;
      }
      assertThat(events.toString()).contains("В Москве задержаны трое");
      seen.put("/api/public/live", events.toString());
    }
    return seen;
  }

  private static List<String> expand(String path, Map<String, List<String>> values) {
    int open = path.indexOf('{');
    if (open < 0) return List.of(path);
    int close = path.indexOf('}', open);
    String name = path.substring(open + 1, close);
    assertThat(values).as("a value for {%s} in %s", name, path).containsKey(name);
    List<String> urls = new ArrayList<>();
    for (String value : values.get(name)) {
      urls.addAll(expand(path.substring(0, open) + value + path.substring(close + 1), values));
    }
    return urls;
  }

  /** A name as it may be written: Cyrillic, and Latin as BGN, ISO 9 and plain ASCII render it. */
  private static Set<String> spellings(String... names) {
    Set<String> all = new LinkedHashSet<>();
    List<Transliterator> scripts =
        List.of(
            Transliterator.getInstance("Russian-Latin/BGN; Latin-ASCII"),
            Transliterator.getInstance("Cyrillic-Latin"),
            Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    for (String name : names) {
      for (String word : name.split(" ")) {
        if (word.length() < 5) continue;
        all.add(word.toLowerCase(Locale.ROOT));
        for (Transliterator t : scripts) {
          all.add(t.transliterate(word).toLowerCase(Locale.ROOT));
        }
      }
    }
    assertThat(all).contains("вышеславцева", "vysheslavtseva", "kržižanovskaâ");
    return all;
  }
}
