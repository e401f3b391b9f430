package org.vigil.linkage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.vigil.cases.AlreadyDecided;
import org.vigil.cases.Cases;
import org.vigil.cases.Person;
import org.vigil.http.Json;
import org.vigil.security.Vault;
import org.vigil.storage.Batch;
import org.vigil.storage.Ids;
import org.vigil.storage.Rows;

/**
 * Linkage in the intake path: the in-memory {@link Linker} kept in step with the database. Each new
 * report is linked inside the transaction that stores it, every decision is written to {@code
 * link_decisions}, and grey-zone reports wait in {@code review_queue} for a coordinator.
 *
 * <p>The linker lives in this process; at start it is rebuilt from the stored reports and the
 * persons they are linked to. Several nodes on one PostgreSQL would each hold their own, so intake
 * is meant to run on one node (the others serve reads).
 */
public final class Linkage {
  private final Jdbi jdbi;
  private final Vault vault;
  private final Cases cases;
  private volatile Linker linker;

  public Linkage(Jdbi jdbi, Vault vault, Cases cases) {
    this.jdbi = jdbi;
    this.vault = vault;
    this.cases = cases;
    this.linker = load();
  }

  /** A report arriving at intake: what it says about the person, and its sealed case. */
  public record Arrival(ReportFacts facts, Cases.SealedCase sealed) {}

  /**
   * A decision as recorded: who the report is about from then on, and why. {@code replaces} is the
   * decision it took the place of (null for linkage's first decision and for decisions made before
   * it was recorded); only one decision can replace a given one.
   */
  public record Decision(
      String id,
      String reportId,
      String personId,
      String previousPersonId,
      String kind,
      Double score,
      List<LinkDecision.Candidate> candidates,
      Instant decidedAt,
      String decidedBy,
      String replaces) {}

  /**
   * Links new reports and opens their cases, in the caller's transaction. A report that starts a
   * person (new, or provisional while in review) gets the person sealed with its case.
   */
  public void link(Handle h, List<Arrival> arrivals, long now) throws SQLException {
    List<Cases.Opening> openings = new ArrayList<>(arrivals.size());
    List<LinkDecision> decisions = new ArrayList<>(arrivals.size());
    for (Arrival arrival : arrivals) {
      LinkDecision decision = linker.link(arrival.facts(), arrival.sealed().personId());
      decisions.add(decision);
      openings.add(new Cases.Opening(arrival.sealed(), decision.personId()));
    }
    cases.open(h, openings, now);
    record(h, decisions, now);
  }

  private void record(Handle h, List<LinkDecision> decisions, long now) throws SQLException {
    try (var rows =
            new Batch(
                h,
                """
                INSERT INTO link_decisions (id, report_id, person_id, kind, score, candidates,
                  decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)""");
        var queue = new Batch(h, "INSERT INTO review_queue (report_id, opened_at) VALUES (?, ?)")) {
      for (LinkDecision d : decisions) {
        switch (d) {
          case LinkDecision.Matched m ->
              rows.add(Ids.next(), m.reportId(), m.personId(), "MATCHED", m.score(), null, now);
          case LinkDecision.NewPerson n ->
              rows.add(Ids.next(), n.reportId(), n.personId(), "NEW_PERSON", null, null, now);
          case LinkDecision.NeedsReview r -> {
            rows.add(
                Ids.next(),
                r.reportId(),
                r.personId(),
                "NEEDS_REVIEW",
                null,
                json(r.candidates()),
                now);
            queue.add(r.reportId(), now);
          }
          case LinkDecision.Reviewed r ->
              throw new IllegalStateException("a new report cannot arrive reviewed: " + r);
        }
      }
      rows.execute();
      queue.execute();
    }
  }

  /**
   * A coordinator's verdict: the report is about {@code personId}, or about a new person when it is
   * null. It closes the report's review, moves its detention, and is itself reversible by deciding
   * again for the previous person.
   *
   * @param replaces the decision the coordinator saw in force (the review queue's item names it);
   *     null: whichever is in force now (scripts, merges)
   * @throws AlreadyDecided if another decision replaced {@code replaces} first, or, without it, a
   *     coordinator deciding at the same moment won
   */
  public Decision decide(String reportId, String personId, String replaces, String userId) {
    long now = System.currentTimeMillis();
    Decision decision;
    try {
      decision = jdbi.inTransaction(h -> decide(h, reportId, personId, replaces, userId, now));
    } catch (UnableToExecuteStatementException e) {
      if (!uniqueViolation(e)) throw e;
      // Another transaction replaced the same decision and committed first.
      throw jdbi.withHandle(h -> decidedFirst(h, latest(h, reportId).orElseThrow()));
    }
    // After the commit: the linker must never know of a decision the database does not hold.
    linker.resolve(reportId, decision.personId());
    return decision;
  }

  private Decision decide(
      Handle h, String reportId, String personId, String replaces, String userId, long now) {
    String previous =
        h.createQuery("SELECT person_id FROM detentions WHERE report_id = :r")
            .bind("r", reportId)
            .mapTo(String.class)
            .findOne()
            .orElseThrow(
                () -> new IllegalArgumentException("report " + reportId + " opened no case"));
    Decision inForce = latest(h, reportId).orElseThrow();
    if (replaces != null && !replaces.equals(inForce.id())) throw decidedFirst(h, inForce);
    String target = personId != null ? personId : startPersonFor(h, reportId);
    cases.movePerson(h, reportId, target);
    String id = Ids.next();
    // The unique index on supersedes lets only one of two concurrent deciders through.
    h.createUpdate(
            """
            INSERT INTO link_decisions (id, report_id, person_id, previous_person_id,
              kind, decided_at, decided_by, supersedes)
            VALUES (:id, :report, :person, :previous, 'REVIEWED', :now, :user, :supersedes)""")
        .bind("id", id)
        .bind("report", reportId)
        .bind("person", target)
        .bind("previous", previous)
        .bind("now", now)
        .bind("user", userId)
        .bind("supersedes", inForce.id())
        .execute();
    h.execute("DELETE FROM review_queue WHERE report_id = ?", reportId);
    return new Decision(
        id,
        reportId,
        target,
        previous,
        "REVIEWED",
        null,
        List.of(),
        Instant.ofEpochMilli(now),
        userId,
        inForce.id());
  }

  /** The decision about a report in force: its latest. */
  private static Optional<Decision> latest(Handle h, String reportId) {
    return h.createQuery(
            """
            SELECT * FROM link_decisions WHERE report_id = :r
            ORDER BY decided_at DESC, id DESC LIMIT 1""")
        .bind("r", reportId)
        .map((rs, ctx) -> decision(rs))
        .findOne();
  }

  private static AlreadyDecided decidedFirst(Handle h, Decision winner) {
    if (winner.decidedBy() == null) {
      return new AlreadyDecided("linkage", winner.decidedAt(), "the report was linked");
    }
    return AlreadyDecided.by(
        h,
        winner.decidedBy(),
        winner.decidedAt().toEpochMilli(),
        "the report was linked to a person");
  }

  private static boolean uniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && ("23505".equals(sql.getSQLState())
              || String.valueOf(sql.getMessage()).contains("UNIQUE constraint failed"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Merges one person into another: every report about {@code personId} is decided for {@code
   * into}, each decision recorded on its own, so any of them can be undone.
   */
  public List<Decision> merge(String personId, String into, String userId) {
    List<String> reports =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT report_id FROM detentions WHERE person_id = :p ORDER BY report_id")
                    .bind("p", personId)
                    .mapTo(String.class)
                    .list());
    return reports.stream().map(report -> decide(report, into, null, userId)).toList();
  }

  private String startPersonFor(Handle h, String reportId) {
    return h.createQuery("SELECT name_enc, birth_year_enc FROM reports WHERE id = :id")
        .bind("id", reportId)
        .map(
            (rs, ctx) -> {
              String birthYear = vault.open(rs.getBytes(2), "reports.birth_year/" + reportId);
              return cases.startPerson(
                  h,
                  vault.open(rs.getBytes(1), "reports.name/" + reportId),
                  birthYear == null ? null : Integer.valueOf(birthYear));
            })
        .one();
  }

  /**
   * The persons linkage would weigh a report of this name, birth year and city on {@code day}
   * against, best first, without linking anything: for "is this person already reported?" while a
   * report is typed. Absent values are unknown, as in a report.
   */
  public List<LinkDecision.Candidate> personsLike(
      String name, Integer birthYear, String city, LocalDate day) {
    return linker.candidatesFor(
        new ReportFacts(
            "query",
            name,
            birthYear == null ? OptionalInt.empty() : OptionalInt.of(birthYear),
            city == null ? "" : city,
            Optional.ofNullable(day),
            "",
            ""));
  }

  /**
   * Persons found by name in any script or spelling, best first (see {@link Linker#search}): from
   * the linker's memory, since no name is searchable on disk.
   */
  public List<Linker.Found> search(String query, int limit) {
    return linker.search(query, limit);
  }

  /**
   * A name written in Cyrillic, in Latin letters (BGN/PCGN) for a reader who does not read
   * Cyrillic; null for a name without Cyrillic letters.
   */
  public static String inLatin(String name) {
    return PhoneticKey.hasCyrillic(name) ? Romanisation.BGN.write(name.strip()) : null;
  }

  /** Whether a person with this id exists. */
  public boolean personExists(String personId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT 1 FROM persons WHERE id = :id")
                .bind("id", personId)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
  }

  /**
   * Reports waiting for a coordinator, oldest (or newest) opened first, with the candidates linkage
   * saw. Reads the queue's index first and only then the decisions of the reports it holds, so its
   * cost follows the page, not the number of reports stored.
   */
  public List<Decision> reviewQueue(int limit, boolean newestFirst) {
    return jdbi.withHandle(
        h ->
            h.createQuery(queueQuery(newestFirst))
                .bind("limit", limit)
                .map((rs, ctx) -> decision(rs))
                .list());
  }

  /** The review queue's query (its plan is checked by a test on both databases). */
  static String queueQuery(boolean newestFirst) {
    return """
        SELECT d.* FROM (
          SELECT report_id, opened_at FROM review_queue
          ORDER BY opened_at %1$s, report_id %1$s LIMIT :limit) q
        JOIN link_decisions d ON d.report_id = q.report_id AND d.kind = 'NEEDS_REVIEW'
        ORDER BY q.opened_at %1$s, q.report_id %1$s"""
        .formatted(newestFirst ? "DESC" : "ASC");
  }

  /**
   * A report in review: what it says about its person (its name in every script), the decision it
   * waits under (what a verdict replaces), and the persons it may be about.
   */
  public record ReviewItem(
      String reportId,
      String decision,
      Instant openedAt,
      Reported report,
      List<String> spellings,
      String provisionalPersonId,
      List<Weighed> candidates,
      int candidatesTotal) {}

  /** What a report says of the detainee, decrypted for the coordinator. */
  public record Reported(
      String reportId,
      String name,
      Integer birthYear,
      String city,
      OffsetDateTime detainedAt,
      String policeStation,
      String source) {}

  /**
   * A candidate person with linkage's score (log2 likelihood ratio), every spelling of their name
   * (as reported, and Cyrillic ones also in Latin letters) and what each report about them said.
   */
  public record Weighed(
      double score, Person person, List<String> spellings, List<Reported> reports) {}

  /** At most this many of a candidate's reports are shown beside a report in review. */
  private static final int REPORTS_SHOWN = 20;

  /**
   * At most this many candidates, the best scores first, are shown beside a report in review: the
   * review page picks one with the keys 1–9, and a common name can have hundreds above the review
   * threshold (204 for one report of the million-report benchmark), which nobody compares side by
   * side and which cost a decryption each.
   */
  static final int CANDIDATES_SHOWN = 9;

  /** The review queue, oldest first. */
  public List<ReviewItem> reviewItems(int limit) {
    return reviewItems(limit, false);
  }

  /** The review queue with each report's content and its candidates' persons, decrypted. */
  public List<ReviewItem> reviewItems(int limit, boolean newestFirst) {
    List<Decision> queue = reviewQueue(limit, newestFirst);
    if (queue.isEmpty()) return List.of();
    Set<String> candidateIds =
        queue.stream()
            .flatMap(d -> shown(d).map(LinkDecision.Candidate::personId))
            .collect(Collectors.toCollection(LinkedHashSet::new));
    Map<String, Person> persons = cases.persons(candidateIds);
    return jdbi.withHandle(
        h -> {
          Map<String, Reported> reported =
              reported(h, queue.stream().map(Decision::reportId).toList());
          Map<String, List<Reported>> byPerson =
              candidateIds.isEmpty() ? Map.of() : personReports(h, candidateIds);
          Map<String, Instant> opened = opened(h, queue.stream().map(Decision::reportId).toList());
          return queue.stream()
              .map(
                  d -> {
                    Reported report = reported.get(d.reportId());
                    List<Weighed> candidates =
                        shown(d)
                            .filter(c -> persons.containsKey(c.personId()))
                            .map(
                                c -> {
                                  Person p = persons.get(c.personId());
                                  List<Reported> theirs = byPerson.getOrDefault(p.id(), List.of());
                                  List<String> names = new ArrayList<>();
                                  names.add(p.name());
                                  theirs.forEach(r -> names.add(r.name()));
                                  return new Weighed(c.score(), p, spellings(names), theirs);
                                })
                            .toList();
                    return new ReviewItem(
                        d.reportId(),
                        d.id(),
                        opened.get(d.reportId()),
                        report,
                        spellings(report == null ? List.of() : List.of(report.name())),
                        d.personId(),
                        candidates,
                        d.candidates().size());
                  })
              .toList();
        });
  }

  /** The candidates a review item shows, the best scores first. */
  static Stream<LinkDecision.Candidate> shown(Decision d) {
    return d.candidates().stream()
        .sorted(Comparator.comparingDouble(LinkDecision.Candidate::score).reversed())
        .limit(CANDIDATES_SHOWN);
  }

  /** Every distinct spelling, and each Cyrillic one also in Latin letters (as the press writes). */
  static List<String> spellings(Collection<String> names) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : names) {
      if (name == null || name.isBlank()) continue;
      out.add(name);
      if (name.codePoints()
          .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)) {
        out.add(Romanisation.PRESS.write(name.strip().replaceAll("\\s+", " ")));
      }
    }
    return List.copyOf(out);
  }

  private static Map<String, Instant> opened(Handle h, List<String> reportIds) {
    Map<String, Instant> opened = new HashMap<>();
    h.createQuery("SELECT report_id, opened_at FROM review_queue WHERE report_id IN (<ids>)")
        .bindList("ids", reportIds)
        .map((rs, ctx) -> Map.entry(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))))
        .forEach(e -> opened.put(e.getKey(), e.getValue()));
    return opened;
  }

  /** What the reports about each of these persons said, oldest first, at most a screenful each. */
  private Map<String, List<Reported>> personReports(Handle h, Collection<String> personIds) {
    Map<String, List<Reported>> byPerson = new HashMap<>();
    h.createQuery(
            """
            SELECT d.person_id, r.id, r.name_enc, r.birth_year_enc, r.city, r.detained_at,
              r.police_station, r.reporter
            FROM detentions d JOIN reports r ON r.id = d.report_id
            WHERE d.person_id IN (<ids>) ORDER BY d.id""")
        .bindList("ids", List.copyOf(personIds))
        .map(
            (rs, ctx) -> {
              // Only the reports shown are decrypted: a person of a common name can have dozens.
              List<Reported> list =
                  byPerson.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
              if (list.size() < REPORTS_SHOWN) list.add(reported(rs, 2));
              return list;
            })
        .forEach(list -> {});
    return byPerson;
  }

  private Map<String, Reported> reported(Handle h, List<String> reportIds) {
    Map<String, Reported> out = new HashMap<>();
    h.createQuery(
            """
            SELECT r.id, r.name_enc, r.birth_year_enc, r.city, r.detained_at, r.police_station,
              r.reporter FROM reports r WHERE r.id IN (<ids>)""")
        .bindList("ids", reportIds)
        .map((rs, ctx) -> reported(rs, 1))
        .forEach(r -> out.put(r.reportId(), r));
    return out;
  }

  /** A report's facts from the columns starting at {@code first}: id, name, year, city, … */
  private Reported reported(java.sql.ResultSet rs, int first) throws SQLException {
    String reportId = rs.getString(first);
    String birthYear = vault.open(rs.getBytes(first + 2), "reports.birth_year/" + reportId);
    String at = rs.getString(first + 4);
    return new Reported(
        reportId,
        vault.open(rs.getBytes(first + 1), "reports.name/" + reportId),
        birthYear == null ? null : Integer.valueOf(birthYear),
        rs.getString(first + 3),
        at == null ? null : OffsetDateTime.parse(at),
        rs.getString(first + 5),
        rs.getString(first + 6).toLowerCase(java.util.Locale.ROOT));
  }

  /** Every decision about a report, oldest first. */
  public List<Decision> history(String reportId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM link_decisions WHERE report_id = :r ORDER BY decided_at, id")
                .bind("r", reportId)
                .map((rs, ctx) -> decision(rs))
                .list());
  }

  /** Rebuilds the linker from storage, after a write it had already seen was rolled back. */
  public void reload() {
    linker = load();
  }

  private Linker load() {
    Linker fresh = new Linker();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT r.id, r.name_enc, r.birth_year_enc, r.city, r.detained_at,
                      r.police_station, r.reporter, d.person_id
                    FROM reports r JOIN detentions d ON d.report_id = r.id
                    ORDER BY r.received_at, r.id""")
                .map(
                    (rs, ctx) -> {
                      String id = rs.getString(1);
                      String birthYear = vault.open(rs.getBytes(3), "reports.birth_year/" + id);
                      String detainedAt = rs.getString(5);
                      ReportFacts facts =
                          facts(
                              id,
                              vault.open(rs.getBytes(2), "reports.name/" + id),
                              birthYear == null ? null : Integer.valueOf(birthYear),
                              rs.getString(4),
                              detainedAt == null ? null : OffsetDateTime.parse(detainedAt),
                              rs.getString(6),
                              rs.getString(7));
                      fresh.restore(facts, rs.getString(8));
                      return id;
                    })
                .forEach(id -> {}));
    return fresh;
  }

  /** What linkage needs of a report; absent text becomes empty, as {@link ReportFacts} wants. */
  public static ReportFacts facts(
      String reportId,
      String name,
      Integer birthYear,
      String city,
      OffsetDateTime detainedAt,
      String policeStation,
      String source) {
    return new ReportFacts(
        reportId,
        name == null ? "" : name,
        birthYear == null ? OptionalInt.empty() : OptionalInt.of(birthYear),
        city == null ? "" : city,
        Optional.ofNullable(detainedAt).map(OffsetDateTime::toLocalDate),
        policeStation == null ? "" : policeStation,
        source == null ? "" : source);
  }

  private static Decision decision(java.sql.ResultSet rs) throws SQLException {
    String candidates = rs.getString("candidates");
    return new Decision(
        rs.getString("id"),
        rs.getString("report_id"),
        rs.getString("person_id"),
        rs.getString("previous_person_id"),
        rs.getString("kind"),
        Rows.doubleOrNull(rs, "score"),
        candidates == null ? List.of() : parse(candidates),
        Instant.ofEpochMilli(rs.getLong("decided_at")),
        rs.getString("decided_by"),
        rs.getString("supersedes"));
  }

  private static String json(List<LinkDecision.Candidate> candidates) {
    try {
      return Json.mapper().writeValueAsString(candidates);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<LinkDecision.Candidate> parse(String json) {
    try {
      return Json.mapper().readValue(json, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable candidates: " + json, e);
    }
  }
}
