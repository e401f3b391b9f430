package org.vigil.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.vigil.Vigil;
import org.vigil.campaign.Event;
import org.vigil.cases.Cases;
import org.vigil.cases.Consent;
import org.vigil.linkage.BenchData;
import org.vigil.linkage.Linkage;
import org.vigil.linkage.ReportFacts;
import org.vigil.place.Gazetteer;
import org.vigil.place.Place;
import org.vigil.security.Invitations;
import org.vigil.security.Principal;
import org.vigil.security.Role;
import org.vigil.security.Totp;
import org.vigil.security.Vault;
import org.vigil.storage.Database;

/**
 * The database behind {@code bench/console.sh}: the linkage generator's reports (persons reported
 * several times each, in the spellings of real reports) stored as intake stores them — encrypted by
 * {@link Intake#seal}, written with the writer's own statements ({@link ReportWriter#insert}), each
 * linked to a person inside its transaction, with its detention and first timeline entry — 1,000
 * reports per transaction, without HTTP. A third came through the public form, the rest were typed
 * by twenty operators and one coordinator; all in one campaign, each on the event of its day and
 * city. Then staff users who can sign in (a password and a TOTP secret, written to {@code
 * staff.tsv}) and a sample of ids and names for the URL list's placeholders ({@code ids.tsv}).
 *
 * <p>Usage: {@code ConsoleData DB_URL KEYSET REPORTS PERSONS OUT_DIR}
 */
public final class ConsoleData {
  private static final int BATCH = 1000;
  private static final int OPERATORS = 20;
  private static final int SAMPLE = 100;
  private static final long SEED = 13;
  private static final String PASSWORD = "bench console password 1913";
  private static final ZoneOffset MOSCOW = ZoneOffset.ofHours(3);

  public static void main(String[] args) throws Exception {
    String url = args[0];
    Path keyset = Path.of(args[1]);
    int reports = Integer.parseInt(args[2]);
    int persons = Integer.parseInt(args[3]);
    Path out = Path.of(args[4]);
    long start = System.nanoTime();
    List<ReportFacts> facts = BenchData.reports(persons, reports, SEED);
    System.out.printf("generated %,d reports in %.1f s%n", reports, seconds(start));
    try (Vigil vigil = Vigil.open(url, keyset)) {
      load(vigil, Vault.openOrCreate(keyset), facts, out);
      if (vigil.database().dialect() == Database.Dialect.POSTGRESQL) {
        // what autovacuum does a little later after a bulk load
        vigil.database().analyze("reports", "persons", "detentions", "link_decisions");
      }
    }
    System.out.printf("loaded %,d reports in %.1f s%n", reports, seconds(start));
  }

  /** Stores {@code facts} as reports, then writes {@code staff.tsv} and {@code ids.tsv}. */
  public static void load(Vigil vigil, Vault vault, List<ReportFacts> facts, Path out)
      throws Exception {
    Files.createDirectories(out);
    Map<Role, String> staff = staff(vigil);
    List<Principal> operators = new ArrayList<>();
    for (int i = 1; i <= OPERATORS; i++) {
      operators.add(vigil.accounts().addUser("bench-operator-%02d".formatted(i), Role.OPERATOR));
    }
    Principal desk = vigil.accounts().addUser("bench-coordinator-desk", Role.COORDINATOR);
    String campaign =
        vigil
            .campaigns()
            .create("Bench: a million reports", LocalDate.of(2017, 1, 1), null, "generated")
            .id();
    Map<String, String> events = events(vigil, campaign, facts);
    stations(vigil, facts);
    var jdbi = vigil.database().jdbi();
    Linkage linkage = new Linkage(jdbi, vault, new Cases(jdbi, vault));
    SplittableRandom random = new SplittableRandom(SEED);
    long start = System.nanoTime();
    for (int from = 0; from < facts.size(); from += BATCH) {
      List<Pending> batch = new ArrayList<>(BATCH);
      for (int i = from; i < Math.min(facts.size(), from + BATCH); i++) {
        ReportFacts f = facts.get(i);
        int channel = random.nextInt(30);
        Principal by =
            channel < 10 ? null : channel < 12 ? desk : operators.get(channel % OPERATORS);
        batch.add(
            received(
                vigil
                    .intake()
                    .seal(
                        content(f, campaign, events, random),
                        by == null ? Channel.PUBLIC : Channel.OPERATOR,
                        by,
                        null,
                        null,
                        null),
                f,
                random));
      }
      jdbi.inTransaction(h -> ReportWriter.insert(h, linkage, batch));
      int done = Math.min(facts.size(), from + BATCH);
      if (done % 50_000 == 0) {
        System.out.printf(
            "%,d reports, %.0f reports/s%n", done, done / ((System.nanoTime() - start) / 1e9));
      }
    }
    write(out.resolve("staff.tsv"), staffLines(staff));
    write(out.resolve("ids.tsv"), sample(vigil, facts, random));
  }

  /**
   * A user of every staff role, signed up as at the console (an invitation accepted with a password
   * and a code from the TOTP secret): role to "name TAB password TAB base32 secret".
   */
  public static Map<Role, String> staff(Vigil vigil) throws Invitations.Refused {
    Map<Role, String> staff = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      String name = "bench-" + role.code();
      Invitations.Invited invited = vigil.invitations().invite(name, role, null, null);
      byte[] secret = vigil.invitations().find(invited.token()).orElseThrow().secret();
      String code = Totp.code(secret, Totp.step(java.time.Instant.now()));
      vigil.invitations().accept(invited.token(), PASSWORD, PASSWORD, code);
      staff.put(role, name + '\t' + PASSWORD + '\t' + Totp.base32(secret));
    }
    return staff;
  }

  /** The lines of {@code staff.tsv}: role, name, password, TOTP secret. */
  public static List<String> staffLines(Map<Role, String> staff) {
    return staff.entrySet().stream().map(e -> e.getKey().code() + '\t' + e.getValue()).toList();
  }

  /** One event per day and city (as the gazetteer reads the city) the reports name. */
  private static Map<String, String> events(Vigil vigil, String campaign, List<ReportFacts> facts) {
    Map<String, String> events = new LinkedHashMap<>();
    Gazetteer places = Gazetteer.russia();
    for (ReportFacts f : facts) {
      if (f.detainedOn().isEmpty()) continue;
      String key = eventKey(places, f);
      if (key == null || events.containsKey(key)) continue;
      Event event =
          vigil
              .campaigns()
              .createEvent(
                  new Event.Input(
                      campaign,
                      f.detainedOn().get(),
                      f.city(),
                      null,
                      "Центральная площадь",
                      "rally",
                      false,
                      "generated",
                      null,
                      null,
                      null,
                      null,
                      null));
      events.put(key, event.id());
    }
    return events;
  }

  /** A police station in the directory for each way the reports spell one. */
  private static void stations(Vigil vigil, List<ReportFacts> facts) {
    Set<String> seen = new HashSet<>();
    for (ReportFacts f : facts) {
      if (!f.policeStation().isEmpty()
          && seen.add(f.policeStation().strip().toLowerCase(Locale.ROOT))) {
        vigil.stations().create(f.policeStation(), f.city(), null, null, null);
      }
    }
  }

  private static String eventKey(Gazetteer places, ReportFacts f) {
    return f.detainedOn().isEmpty()
        ? null
        : places
            .resolve(f.city())
            .map(Place::id)
            .map(id -> f.detainedOn().get() + " " + id)
            .orElse(null);
  }

  private static final ThreadLocal<Gazetteer> PLACES = ThreadLocal.withInitial(Gazetteer::russia);

  private static ReportContent content(
      ReportFacts f, String campaign, Map<String, String> events, SplittableRandom random) {
    OffsetDateTime at =
        f.detainedOn()
            .map(
                day ->
                    OffsetDateTime.of(
                        day, LocalTime.of(12 + random.nextInt(8), random.nextInt(60)), MOSCOW))
            .orElse(null);
    int consent = random.nextInt(10);
    return new ReportContent(
        f.name(),
        f.birthYear().isPresent() ? f.birthYear().getAsInt() : null,
        f.city().isEmpty() ? null : f.city(),
        at,
        null,
        f.policeStation().isEmpty() ? null : f.policeStation(),
        switch (f.source()) {
          case "self" -> Reporter.SELF;
          case "relative" -> Reporter.RELATIVE;
          case "witness" -> Reporter.WITNESS;
          case "lawyer" -> Reporter.LAWYER;
          case "press" -> Reporter.MEDIA;
          default -> Reporter.OTHER;
        },
        "+7 900 %03d-%02d-%02d".formatted(random.nextInt(1000), random.nextInt(100), consent),
        "free text from the caller",
        campaign,
        events.get(eventKey(PLACES.get(), f)),
        null,
        consent < 7 ? null : consent < 9 ? Consent.NONE : Consent.INITIALS,
        random.nextInt(20) == 0,
        random.nextInt(50) == 0,
        random.nextInt(100) == 0);
  }

  /** The report as received some minutes to hours after the detention it tells of. */
  private static Pending received(Pending p, ReportFacts f, SplittableRandom random) {
    long at =
        p.content().detainedAt() == null
            ? p.receivedAt()
            : p.content().detainedAt().toInstant().toEpochMilli()
                + 60_000L * (5 + random.nextInt(600));
    return new Pending(
        p.id(),
        p.receiptCode(),
        at,
        p.channel(),
        p.enteredBy(),
        p.content(),
        p.policeStationId(),
        p.nameEnc(),
        p.birthYearEnc(),
        p.contactEnc(),
        p.textEnc(),
        p.idempotencyScope(),
        p.idempotencyKey(),
        p.requestHashEnc(),
        p.newCase(),
        p.stored());
  }

  /**
   * Placeholder to values for the URL list, one "placeholder TAB value" a line: ids drawn at random
   * from the stored rows, names and cities as reports spell them.
   */
  private static List<String> sample(
      Vigil vigil, List<ReportFacts> facts, SplittableRandom random) {
    List<String> lines = new ArrayList<>();
    Map<String, String> queries =
        Map.of(
            "report", "SELECT id FROM reports",
            "review", "SELECT report_id FROM review_queue",
            "person", "SELECT id FROM persons",
            "detention", "SELECT id FROM detentions",
            "station", "SELECT id FROM police_stations",
            "event", "SELECT id FROM events",
            "campaign", "SELECT id FROM campaigns");
    queries.forEach(
        (placeholder, query) -> {
          List<String> ids =
              vigil
                  .database()
                  .jdbi()
                  .withHandle(
                      h ->
                          h.createQuery(query + " ORDER BY random() LIMIT " + SAMPLE)
                              .mapTo(String.class)
                              .list());
          ids.forEach(id -> lines.add(placeholder + '\t' + id));
        });
    for (int i = 0; i < SAMPLE; i++) {
      ReportFacts f = facts.get(random.nextInt(facts.size()));
      lines.add("name\t" + f.name());
      lines.add("prefix\t" + f.name().substring(0, Math.min(4, f.name().length())));
      if (!f.city().isEmpty()) lines.add("city\t" + f.city());
      if (!f.policeStation().isEmpty()) lines.add("station_name\t" + f.policeStation());
    }
    return lines;
  }

  private static void write(Path file, List<String> lines) {
    try {
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
