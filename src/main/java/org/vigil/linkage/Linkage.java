package org.vigil.linkage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
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

  /** A decision as recorded: who the report is about from then on, and why. */
  public record Decision(
      String reportId,
      String personId,
      String previousPersonId,
      String kind,
      Double score,
      List<LinkDecision.Candidate> candidates,
      Instant decidedAt,
      String decidedBy) {}

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
   */
  public Decision decide(String reportId, String personId, String userId) {
    long now = System.currentTimeMillis();
    Decision decision =
        jdbi.inTransaction(
            h -> {
              String previous =
                  h.createQuery("SELECT person_id FROM detentions WHERE report_id = :r")
                      .bind("r", reportId)
                      .mapTo(String.class)
                      .findOne()
                      .orElseThrow(
                          () ->
                              new IllegalArgumentException(
                                  "report " + reportId + " opened no case"));
              String target = personId != null ? personId : startPersonFor(h, reportId);
              cases.movePerson(h, reportId, target);
              h.createUpdate(
                      """
                      INSERT INTO link_decisions (id, report_id, person_id, previous_person_id,
                        kind, decided_at, decided_by)
                      VALUES (:id, :report, :person, :previous, 'REVIEWED', :now, :user)""")
                  .bind("id", Ids.next())
                  .bind("report", reportId)
                  .bind("person", target)
                  .bind("previous", previous)
                  .bind("now", now)
                  .bind("user", userId)
                  .execute();
              h.execute("DELETE FROM review_queue WHERE report_id = ?", reportId);
              return new Decision(
                  reportId,
                  target,
                  previous,
                  "REVIEWED",
                  null,
                  List.of(),
                  Instant.ofEpochMilli(now),
                  userId);
            });
    // After the commit: the linker must never know of a decision the database does not hold.
    linker.resolve(reportId, decision.personId());
    return decision;
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
    return reports.stream().map(report -> decide(report, into, userId)).toList();
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

  /** Reports waiting for a coordinator, oldest first, with the candidates linkage saw. */
  public List<Decision> reviewQueue(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT d.* FROM review_queue q
                    JOIN link_decisions d ON d.report_id = q.report_id AND d.kind = 'NEEDS_REVIEW'
                    ORDER BY q.opened_at, q.report_id LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> decision(rs))
                .list());
  }

  /** What a report in review says about its person, beside the persons it may be about. */
  public record ReviewItem(
      String reportId, Reported report, String provisionalPersonId, List<Weighed> candidates) {}

  /** What a report says of the detainee, decrypted for the coordinator. */
  public record Reported(
      String name,
      Integer birthYear,
      String city,
      OffsetDateTime detainedAt,
      String policeStation,
      String source) {}

  /** A candidate person with linkage's score (log2 likelihood ratio). */
  public record Weighed(double score, Person person) {}

  /** The review queue with each report's content and its candidates' persons, decrypted. */
  public List<ReviewItem> reviewItems(int limit) {
    List<Decision> queue = reviewQueue(limit);
    Map<String, Person> persons =
        cases.persons(
            queue.stream()
                .flatMap(d -> d.candidates().stream().map(LinkDecision.Candidate::personId))
                .collect(Collectors.toSet()));
    return queue.stream()
        .map(
            d ->
                new ReviewItem(
                    d.reportId(),
                    reported(d.reportId()),
                    d.personId(),
                    d.candidates().stream()
                        .filter(c -> persons.containsKey(c.personId()))
                        .map(c -> new Weighed(c.score(), persons.get(c.personId())))
                        .toList()))
        .toList();
  }

  private Reported reported(String reportId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT name_enc, birth_year_enc, city, detained_at, police_station, reporter
                    FROM reports WHERE id = :id""")
                .bind("id", reportId)
                .map(
                    (rs, ctx) -> {
                      String birthYear =
                          vault.open(rs.getBytes(2), "reports.birth_year/" + reportId);
                      String at = rs.getString(4);
                      return new Reported(
                          vault.open(rs.getBytes(1), "reports.name/" + reportId),
                          birthYear == null ? null : Integer.valueOf(birthYear),
                          rs.getString(3),
                          at == null ? null : OffsetDateTime.parse(at),
                          rs.getString(5),
                          rs.getString(6).toLowerCase(java.util.Locale.ROOT));
                    })
                .one());
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
        rs.getString("report_id"),
        rs.getString("person_id"),
        rs.getString("previous_person_id"),
        rs.getString("kind"),
        Rows.doubleOrNull(rs, "score"),
        candidates == null ? List.of() : parse(candidates),
        Instant.ofEpochMilli(rs.getLong("decided_at")),
        rs.getString("decided_by"));
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
