package org.vigil.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vigil.cases.PublicDetainees.StationCount;
import org.vigil.security.Vault;
import org.vigil.storage.Batch;
import org.vigil.storage.Ids;
import org.vigil.storage.Rows;

/** Persons, their detentions and each detention's status timeline. */
public final class Cases {
  private static final String DETENTION_COLUMNS =
      """
      SELECT d.*, p.name_enc, p.birth_year_enc, p.contact_enc, p.public_figure
      FROM detentions d JOIN persons p ON p.id = d.person_id
      """;
  private final Jdbi jdbi;
  private final Vault vault;
  private final Consents consents;
  private final Custody custody;

  public Cases(Jdbi jdbi, Vault vault) {
    this.jdbi = jdbi;
    this.vault = vault;
    this.consents = new Consents(jdbi, vault);
    this.custody = new Custody(jdbi, vault);
  }

  /** Who is held at a police station now. */
  public Custody custody() {
    return custody;
  }

  /** Consent to publication: verified statements and what reports said. */
  public Consents consents() {
    return consents;
  }

  /** A new case with its personal data already encrypted, ready for {@link #open}. */
  public record SealedCase(
      String personId,
      String detentionId,
      byte[] nameEnc,
      byte[] birthYearEnc,
      byte[] contactEnc,
      NewDetention detention) {}

  /**
   * Encrypts a new case's personal data. Intake calls it on the request's thread, so the single
   * writer thread spends its time writing.
   */
  public SealedCase seal(NewDetention d) {
    String personId = Ids.next();
    String birthYear = d.birthYear() == null ? null : d.birthYear().toString();
    return new SealedCase(
        personId,
        Ids.next(),
        vault.seal(d.name(), "persons.name/" + personId),
        vault.seal(birthYear, "persons.birth_year/" + personId),
        vault.seal(d.contact(), "persons.contact/" + personId),
        d);
  }

  /**
   * A sealed case and the person linkage says it is about: the person sealed with it (who is then
   * new) or a person already known.
   */
  public record Opening(SealedCase sealed, String personId) {
    boolean startsPerson() {
      return personId.equals(sealed.personId());
    }
  }

  /**
   * Opens the cases inside the caller's transaction, so a report and its detention are stored
   * together or not at all.
   */
  public void open(Handle h, List<Opening> openings, long now) throws SQLException {
    if (openings.isEmpty()) return;
    try (var persons =
            new Batch(
                h,
                """
                INSERT INTO persons (id, created_at, name_enc, birth_year_enc, contact_enc,
                  public_figure) VALUES (?, ?, ?, ?, ?, ?)""");
        var detentions =
            new Batch(
                h,
                """
                INSERT INTO detentions (id, person_id, campaign_id, event_id, report_id, detained_at,
                  place_id, place, police_station, police_station_id, force_used, minor,
                  journalist, status, confirmed_at, confirmed_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        var statuses =
            new Batch(
                h,
                """
                INSERT INTO detention_statuses (id, detention_id, status, happened_at, recorded_at,
                  source, author) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
      for (Opening opening : openings) {
        SealedCase c = opening.sealed();
        NewDetention d = c.detention();
        if (opening.startsPerson()) {
          persons.add(c.personId(), now, c.nameEnc(), c.birthYearEnc(), c.contactEnc(), false);
        }
        detentions.add(
            c.detentionId(),
            opening.personId(),
            d.campaignId(),
            d.eventId(),
            d.reportId(),
            d.detainedAt(),
            d.placeId(),
            d.place(),
            d.policeStation(),
            d.policeStationId(),
            d.forceUsed(),
            d.minor(),
            d.journalist(),
            DetentionStatus.DETAINED,
            d.confirmedBy() == null ? null : now,
            d.confirmedBy(),
            now,
            now);
        OffsetDateTime happened =
            d.detainedAt() != null
                ? d.detainedAt()
                : Instant.ofEpochMilli(now).atOffset(ZoneOffset.UTC);
        statuses.add(
            Ids.next(),
            c.detentionId(),
            DetentionStatus.DETAINED,
            happened,
            now,
            d.reportedBy(),
            d.enteredBy());
      }
      persons.execute();
      detentions.execute();
      statuses.execute();
    }
  }

  /** The persons with these ids, decrypted, for a coordinator weighing who a report is about. */
  public Map<String, Person> persons(Collection<String> ids) {
    if (ids.isEmpty()) return Map.of();
    return jdbi.withHandle(
        h ->
            h
                .createQuery("SELECT * FROM persons WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> person(rs, rs.getString("id")))
                .stream()
                .collect(Collectors.toMap(Person::id, p -> p)));
  }

  /**
   * An event's detainees as the public may see them: distinct people, confirmed and unconfirmed
   * apart, the police stations the confirmed ones were taken to, and the names of confirmed
   * detainees whose consent a coordinator verified, as far as it goes. Nobody else's name is even
   * decrypted. Rejected and merged detentions count nowhere.
   */
  public PublicDetainees publicDetainees(String eventId) {
    return jdbi.withHandle(
        h -> {
          record Row(String personId, boolean confirmed, String stationId, String station) {}
          List<Row> rows =
              h.createQuery(
                      """
                      SELECT d.person_id, d.confirmed_at IS NOT NULL, d.police_station_id, ps.name
                      FROM detentions d LEFT JOIN police_stations ps ON ps.id = d.police_station_id
                      WHERE d.event_id = :event AND d.rejected_at IS NULL AND d.merged_into IS NULL""")
                  .bind("event", eventId)
                  .map(
                      (rs, ctx) ->
                          new Row(
                              rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4)))
                  .list();
          Map<String, Boolean> people = new HashMap<>();
          rows.forEach(row -> people.merge(row.personId(), row.confirmed(), Boolean::logicalOr));
          Map<String, Set<String>> atStation = new TreeMap<>();
          Map<String, String> stationNames = new HashMap<>();
          for (Row row : rows) {
            if (row.stationId() != null && row.confirmed()) {
              atStation.computeIfAbsent(row.stationId(), k -> new HashSet<>()).add(row.personId());
              stationNames.put(row.stationId(), row.station());
            }
          }
          Map<String, Long> counts = new HashMap<>();
          atStation.forEach((id, persons) -> counts.put(id, (long) persons.size()));
          h.createQuery(
                  """
                  SELECT m.police_station_id, ps.name, m.detentions
                  FROM event_station_mentions m JOIN police_stations ps ON ps.id = m.police_station_id
                  WHERE m.event_id = :event AND m.detentions > 0""")
              .bind("event", eventId)
              .map((rs, ctx) -> new StationCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
              .forEach(
                  m -> {
                    counts.merge(m.stationId(), m.people(), Long::sum);
                    stationNames.put(m.stationId(), m.name());
                  });
          List<StationCount> stations =
              counts.entrySet().stream()
                  .map(
                      e -> new StationCount(e.getKey(), stationNames.get(e.getKey()), e.getValue()))
                  .sorted(
                      Comparator.comparingLong((StationCount c) -> -c.people())
                          .thenComparing(StationCount::name))
                  .toList();
          long confirmed = people.values().stream().filter(c -> c).count();
          return new PublicDetainees(
              confirmed, people.size() - confirmed, stations, publishedNames(h, eventId));
        });
  }

  /** The names of an event's confirmed detainees as far as their verified consent lets them out. */
  private List<String> publishedNames(Handle h, String eventId) {
    List<String> candidates =
        h.createQuery(
                """
                SELECT DISTINCT d.person_id FROM detentions d
                JOIN consent_statements s ON s.person_id = d.person_id AND s.consent <> 'NONE'
                WHERE d.event_id = :event AND d.confirmed_at IS NOT NULL
                  AND d.rejected_at IS NULL AND d.merged_into IS NULL""")
            .bind("event", eventId)
            .mapTo(String.class)
            .list();
    Map<String, Consent> published = consents.published(h, candidates);
    List<String> shown = candidates.stream().filter(p -> published.get(p) != Consent.NONE).toList();
    if (shown.isEmpty()) return List.of();
    return h
        .createQuery("SELECT id, name_enc FROM persons WHERE id IN (<ids>)")
        .bindList("ids", shown)
        .map(
            (rs, ctx) -> {
              String id = rs.getString(1);
              String name = vault.open(rs.getBytes(2), "persons.name/" + id);
              return published.get(id) == Consent.FULL ? name : initials(name);
            })
        .stream()
        .filter(name -> name != null && !name.isBlank())
        .sorted()
        .toList();
  }

  /** "Анна Смирнова" → "А. С.": what a detainee who consented to initials only is shown as. */
  static String initials(String name) {
    if (name == null) return null;
    return Arrays.stream(name.strip().split("\\s+"))
        .filter(word -> !word.isEmpty())
        .map(
            word ->
                word.codePoints()
                        .limit(1)
                        .collect(
                            StringBuilder::new,
                            StringBuilder::appendCodePoint,
                            StringBuilder::append)
                    + ".")
        .collect(Collectors.joining(" "));
  }

  /** Starts a person for a report a coordinator says is about nobody known yet. */
  public String startPerson(Handle h, String name, Integer birthYear) {
    String id = Ids.next();
    h.createUpdate(
            """
            INSERT INTO persons (id, created_at, name_enc, birth_year_enc, public_figure)
            VALUES (:id, :now, :name, :birthYear, false)""")
        .bind("id", id)
        .bind("now", System.currentTimeMillis())
        .bind("name", vault.seal(name, "persons.name/" + id))
        .bind(
            "birthYear",
            vault.seal(birthYear == null ? null : birthYear.toString(), "persons.birth_year/" + id))
        .execute();
    return id;
  }

  /**
   * Moves the detention a report opened to another person, with the consent a coordinator verified
   * from that report.
   */
  public void movePerson(Handle h, String reportId, String personId) {
    long now = System.currentTimeMillis();
    h.createUpdate(
            "UPDATE detentions SET person_id = :person, updated_at = :now WHERE report_id = :report")
        .bind("person", personId)
        .bind("now", now)
        .bind("report", reportId)
        .execute();
    h.createUpdate("UPDATE consent_statements SET person_id = :person WHERE report_id = :report")
        .bind("person", personId)
        .bind("report", reportId)
        .execute();
  }

  /** The person a report (or the report it corrects) is about, if it opened a detention. */
  public Optional<String> personOf(String reportId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT d.person_id FROM reports r JOIN detentions d
                      ON d.report_id = r.id OR d.report_id = r.corrects
                    WHERE r.id = :report""")
                .bind("report", reportId)
                .mapTo(String.class)
                .findFirst());
  }

  /** Whether a report with this id is stored. */
  public boolean reportExists(String reportId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT 1 FROM reports WHERE id = :id")
                .bind("id", reportId)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
  }

  /** Whether a report (or a correction of one) opened a detention of this person. */
  public boolean reportIsAbout(String reportId, String personId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT 1 FROM reports r JOIN detentions d
                      ON d.report_id = r.id OR d.report_id = r.corrects
                    WHERE r.id = :report AND d.person_id = :person""")
                .bind("report", reportId)
                .bind("person", personId)
                .mapTo(Integer.class)
                .findFirst()
                .isPresent());
  }

  /** A page of an event's detentions, oldest first; {@code after} is the last id seen. */
  public List<Detention> byEvent(String eventId, String after, int limit) {
    return jdbi.withHandle(
        h -> {
          // Conditions are written only when given: "(:event IS NULL OR d.event_id = :event)"
          // kept SQLite from the (event_id, id) index, so one event's page read the whole table
          // in id order (2 s at a million detentions; docs/benchmarks.md).
          List<String> where = new ArrayList<>();
          if (eventId != null) where.add("d.event_id = :event");
          if (after != null) where.add("d.id > :after");
          var query =
              h.createQuery(
                      DETENTION_COLUMNS
                          + (where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where))
                          + " ORDER BY d.id LIMIT :limit")
                  .bind("limit", limit);
          if (eventId != null) query.bind("event", eventId);
          if (after != null) query.bind("after", after);
          List<Detention> page = query.map((rs, ctx) -> detention(rs)).list();
          return withTimelines(h, page);
        });
  }

  public Optional<Detention> find(String id) {
    return jdbi.withHandle(h -> find(h, id));
  }

  Optional<Detention> find(Handle h, String id) {
    return h.createQuery(DETENTION_COLUMNS + " WHERE d.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> detention(rs))
        .findOne()
        .map(d -> withTimelines(h, List.of(d)).getFirst());
  }

  /** The detentions of one person, oldest first. */
  public List<Detention> ofPerson(String personId) {
    return jdbi.withHandle(
        h ->
            withTimelines(
                h,
                h.createQuery(DETENTION_COLUMNS + " WHERE d.person_id = :person ORDER BY d.id")
                    .bind("person", personId)
                    .map((rs, ctx) -> detention(rs))
                    .list()));
  }

  /**
   * Adds a timeline entry; the detention's status becomes that of its latest entry not superseded.
   * An entry that {@code supersedes} another corrects it: the other stays, marked.
   */
  public StatusChange addStatus(String detentionId, StatusChange change) {
    String id = Ids.next();
    long now = System.currentTimeMillis();
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  """
                  INSERT INTO detention_statuses (id, detention_id, status, happened_at, recorded_at,
                    source, author, police_station_id, article, article_part, court, hearing_at,
                    hearing_ms, judge_enc, case_number, fine_rub, arrest_days, service_hours,
                    appeal_outcome, note_enc, supersedes, reason_enc)
                  VALUES (:id, :detention, :status, :happenedAt, :now, :source, :author,
                    :policeStationId, :article, :articlePart, :court, :hearingAt, :hearingMs,
                    :judgeEnc, :caseNumber, :fineRub, :arrestDays, :serviceHours, :appealOutcome,
                    :noteEnc, :supersedes, :reasonEnc)""")
              .bind("id", id)
              .bind("detention", detentionId)
              .bind("now", now)
              .bindMethods(change)
              .bind(
                  "hearingMs",
                  change.hearingAt() == null ? null : change.hearingAt().toInstant().toEpochMilli())
              .bind("judgeEnc", vault.seal(change.judge(), "detention_statuses.judge/" + id))
              .bind("noteEnc", vault.seal(change.note(), "detention_statuses.note/" + id))
              .bind("reasonEnc", vault.seal(change.reason(), "detention_statuses.reason/" + id))
              .execute();
          refreshStatus(h, detentionId, now);
        });
    return change.recorded(id, detentionId, Instant.ofEpochMilli(now), null);
  }

  /** Whether the police-station directory has a station with this id. */
  public boolean stationExists(String stationId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT 1 FROM police_stations WHERE id = :id")
                .bind("id", stationId)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
  }

  /**
   * Sets a detention's status to that of its timeline's latest entry in force, the entries of
   * detentions merged into it included.
   */
  void refreshStatus(Handle h, String detentionId, long now) {
    List<StatusChange> timeline = timelines(h, List.of(detentionId)).get(detentionId);
    DetentionStatus latest =
        timeline.stream()
            .filter(c -> c.supersededBy() == null)
            .reduce((first, second) -> second)
            .map(StatusChange::status)
            .orElse(DetentionStatus.DETAINED);
    h.createUpdate("UPDATE detentions SET status = :s, updated_at = :now WHERE id = :id")
        .bind("s", latest)
        .bind("now", now)
        .bind("id", detentionId)
        .execute();
    // The station the latest entry in force delivered the person to is where they are held: the
    // custody and dispatch pages read it from the detention.
    timeline.stream()
        .filter(c -> c.supersededBy() == null && c.policeStationId() != null)
        .reduce((first, second) -> second)
        .ifPresent(
            c ->
                h.createUpdate("UPDATE detentions SET police_station_id = :station WHERE id = :id")
                    .bind("station", c.policeStationId())
                    .bind("id", detentionId)
                    .execute());
  }

  private List<Detention> withTimelines(Handle h, List<Detention> detentions) {
    if (detentions.isEmpty()) return detentions;
    Map<String, List<StatusChange>> timelines =
        timelines(h, detentions.stream().map(Detention::id).toList());
    return detentions.stream()
        .map(d -> d.withTimeline(timelines.getOrDefault(d.id(), List.of())))
        .toList();
  }

  /**
   * The timelines of detentions, each with the entries of the detentions merged into it, ordered by
   * when things happened (entries arrive out of order: a court date learnt before the release),
   * each superseded entry marked with the entry that corrects it.
   */
  private Map<String, List<StatusChange>> timelines(Handle h, List<String> detentionIds) {
    Map<String, List<StatusChange>> timelines = new HashMap<>();
    h.createQuery(
            """
            SELECT s.*, s.detention_id AS shown_on FROM detention_statuses s
            WHERE s.detention_id IN (<ids>)
            UNION ALL
            SELECT s.*, m.merged_into AS shown_on FROM detention_statuses s
            JOIN detentions m ON m.id = s.detention_id WHERE m.merged_into IN (<ids>)""")
        .bindList("ids", detentionIds)
        .map((rs, ctx) -> Map.entry(rs.getString("shown_on"), statusChange(rs)))
        .forEach(
            e -> timelines.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<String, List<StatusChange>> ordered = new HashMap<>();
    timelines.forEach((detention, entries) -> ordered.put(detention, inForce(entries)));
    return ordered;
  }

  private static List<StatusChange> inForce(List<StatusChange> entries) {
    Map<String, String> correctedBy = new HashMap<>();
    entries.forEach(
        c -> {
          if (c.supersedes() != null) correctedBy.put(c.supersedes(), c.id());
        });
    return entries.stream()
        .map(c -> correctedBy.containsKey(c.id()) ? c.withSupersededBy(correctedBy.get(c.id())) : c)
        .sorted(
            Comparator.comparing((StatusChange c) -> c.happenedAt().toInstant())
                .thenComparing(StatusChange::recordedAt)
                .thenComparing(StatusChange::id))
        .toList();
  }

  StatusChange statusChange(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    String hearing = rs.getString("hearing_at");
    String outcome = rs.getString("appeal_outcome");
    return new StatusChange(
        id,
        rs.getString("detention_id"),
        DetentionStatus.valueOf(rs.getString("status")),
        OffsetDateTime.parse(rs.getString("happened_at")),
        Instant.ofEpochMilli(rs.getLong("recorded_at")),
        rs.getString("source"),
        rs.getString("author"),
        rs.getString("police_station_id"),
        rs.getString("article"),
        Rows.intOrNull(rs, "article_part"),
        rs.getString("court"),
        hearing == null ? null : OffsetDateTime.parse(hearing),
        vault.open(rs.getBytes("judge_enc"), "detention_statuses.judge/" + id),
        rs.getString("case_number"),
        Rows.longOrNull(rs, "fine_rub"),
        Rows.intOrNull(rs, "arrest_days"),
        Rows.intOrNull(rs, "service_hours"),
        outcome == null ? null : AppealOutcome.valueOf(outcome),
        vault.open(rs.getBytes("note_enc"), "detention_statuses.note/" + id),
        rs.getString("supersedes"),
        vault.open(rs.getBytes("reason_enc"), "detention_statuses.reason/" + id),
        null);
  }

  private Person person(ResultSet rs, String personId) throws SQLException {
    String birthYear = vault.open(rs.getBytes("birth_year_enc"), "persons.birth_year/" + personId);
    return new Person(
        personId,
        vault.open(rs.getBytes("name_enc"), "persons.name/" + personId),
        birthYear == null ? null : Integer.valueOf(birthYear),
        vault.open(rs.getBytes("contact_enc"), "persons.contact/" + personId),
        rs.getBoolean("public_figure"));
  }

  private Detention detention(ResultSet rs) throws SQLException {
    Person person = person(rs, rs.getString("person_id"));
    String detainedAt = rs.getString("detained_at");
    return new Detention(
        rs.getString("id"),
        person,
        rs.getString("campaign_id"),
        rs.getString("event_id"),
        rs.getString("report_id"),
        detainedAt == null ? null : OffsetDateTime.parse(detainedAt),
        rs.getString("place_id"),
        rs.getString("place"),
        rs.getString("police_station"),
        rs.getString("police_station_id"),
        rs.getBoolean("force_used"),
        rs.getBoolean("minor"),
        rs.getBoolean("journalist"),
        DetentionStatus.valueOf(rs.getString("status")),
        Rows.instantOrNull(rs, "confirmed_at"),
        rs.getString("confirmed_by"),
        Rows.instantOrNull(rs, "rejected_at"),
        rs.getString("merged_into"),
        List.of(),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }
}
