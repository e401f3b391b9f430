package org.vigil.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vigil.cases.ConsentStatement.Giver;
import org.vigil.security.Vault;
import org.vigil.storage.Ids;

/**
 * Consent to publication: what coordinators verified ({@code consent_statements}) and what reports
 * about a person said, weighed by {@link ConsentRule}. Nothing is stored as "the" consent of a
 * person: it is worked out when a name is about to be shown, so a withdrawal arriving in any report
 * hides the name from the next page rendered, and a report moved to another person takes its words
 * with it.
 */
public final class Consents {
  /**
   * Reporters who may speak for a detainee's publication: the detainee, and those who represent
   * them. A witness or a journalist may not.
   */
  private static final Map<String, Giver> GIVERS =
      Map.of("SELF", Giver.SELF, "RELATIVE", Giver.REPRESENTATIVE, "LAWYER", Giver.REPRESENTATIVE);

  /**
   * A birth year alone cannot tell a 17-year-old from an 18-year-old born in the same year: anyone
   * whose year could make them a minor on the day is treated as one.
   */
  private static final int ADULT_YEARS = 18;

  private final Jdbi jdbi;
  private final Vault vault;

  Consents(Jdbi jdbi, Vault vault) {
    this.jdbi = jdbi;
    this.vault = vault;
  }

  /** A consent a coordinator verified with the detainee or their representative. */
  public ConsentStatement record(
      String personId,
      Consent consent,
      Giver givenBy,
      String reportId,
      String note,
      String recordedBy) {
    String id = Ids.next();
    long now = System.currentTimeMillis();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO consent_statements (id, person_id, report_id, consent, given_by,
                      stated_at, note_enc, recorded_by, recorded_at)
                    VALUES (:id, :person, :report, :consent, :givenBy, :now, :note, :by, :now)""")
                .bind("id", id)
                .bind("person", personId)
                .bind("report", reportId)
                .bind("consent", consent)
                .bind("givenBy", givenBy)
                .bind("now", now)
                .bind("note", vault.seal(note, "consent_statements.note/" + id))
                .bind("by", recordedBy)
                .execute());
    return new ConsentStatement(
        id, reportId, consent, givenBy, Instant.ofEpochMilli(now), true, recordedBy, note);
  }

  /** Everything said about publishing a person's name, verified or not, oldest first. */
  public List<ConsentStatement> statements(String personId) {
    return jdbi.withHandle(h -> statements(h, List.of(personId)).getOrDefault(personId, List.of()));
  }

  /** How far a person's name may be published now. */
  public Consent published(String personId) {
    return jdbi.withHandle(h -> published(h, List.of(personId)).get(personId));
  }

  /** How far each person's name may be published now. */
  Map<String, Consent> published(Handle h, Collection<String> personIds) {
    Map<String, List<ConsentStatement>> said = statements(h, personIds);
    Set<String> minors = minors(h, personIds);
    Map<String, Consent> published = new HashMap<>();
    for (String person : personIds) {
      published.put(
          person,
          ConsentRule.published(said.getOrDefault(person, List.of()), minors.contains(person)));
    }
    return published;
  }

  private Map<String, List<ConsentStatement>> statements(Handle h, Collection<String> personIds) {
    if (personIds.isEmpty()) return Map.of();
    Map<String, List<ConsentStatement>> said = new HashMap<>();
    h.createQuery(
            """
            SELECT id, person_id, report_id, consent, given_by, stated_at, note_enc, recorded_by
            FROM consent_statements WHERE person_id IN (<persons>)""")
        .bindList("persons", List.copyOf(personIds))
        .map(
            (rs, ctx) -> {
              String id = rs.getString("id");
              return Map.entry(
                  rs.getString("person_id"),
                  new ConsentStatement(
                      id,
                      rs.getString("report_id"),
                      Consent.valueOf(rs.getString("consent")),
                      Giver.valueOf(rs.getString("given_by")),
                      Instant.ofEpochMilli(rs.getLong("stated_at")),
                      true,
                      rs.getString("recorded_by"),
                      vault.open(rs.getBytes("note_enc"), "consent_statements.note/" + id)));
            })
        .forEach(e -> said.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    // What the person's reports (and corrections of them) said, unchecked: a rejected report says
    // nothing, and a report that left publication unmentioned is no statement.
    for (String join : List.of("r.id = d.report_id", "r.corrects = d.report_id")) {
      h.createQuery(
              """
              SELECT d.person_id, r.id, r.consent, r.reporter, r.received_at
              FROM detentions d JOIN reports r ON %s
              WHERE d.person_id IN (<persons>) AND d.rejected_at IS NULL
                AND r.reporter IN ('SELF', 'RELATIVE', 'LAWYER')
                AND (r.consent_stated IS NULL OR r.consent_stated)"""
                  .formatted(join))
          .bindList("persons", List.copyOf(personIds))
          .map(
              (rs, ctx) ->
                  Map.entry(
                      rs.getString(1),
                      new ConsentStatement(
                          null,
                          rs.getString(2),
                          Consent.valueOf(rs.getString(3)),
                          GIVERS.get(rs.getString(4)),
                          Instant.ofEpochMilli(rs.getLong(5)),
                          false,
                          null,
                          null)))
          .forEach(e -> said.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    }
    said.values().forEach(list -> list.sort(Comparator.comparing(ConsentStatement::statedAt)));
    return said;
  }

  /**
   * Persons who were or may have been minors when detained: a detention says so, or their birth
   * year is too close to the day of a detention to rule it out.
   */
  private Set<String> minors(Handle h, Collection<String> personIds) {
    if (personIds.isEmpty()) return Set.of();
    record Row(String personId, boolean minor, String day, byte[] birthYear) {}
    Set<String> minors = new HashSet<>();
    h.createQuery(
            """
            SELECT d.person_id, d.minor, COALESCE(e.held_on, d.detained_at), p.birth_year_enc
            FROM detentions d JOIN persons p ON p.id = d.person_id
              LEFT JOIN events e ON e.id = d.event_id
            WHERE d.person_id IN (<persons>) AND d.rejected_at IS NULL""")
        .bindList("persons", List.copyOf(personIds))
        .map(
            (rs, ctx) ->
                new Row(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getBytes(4)))
        .forEach(
            row -> {
              if (row.minor() || youngOnTheDay(row.personId(), row.day(), row.birthYear()))
                minors.add(row.personId());
            });
    return minors;
  }

  /** Whether the birth year leaves open that the person was under 18 on the day. */
  private boolean youngOnTheDay(String personId, String day, byte[] birthYearEnc) {
    String birthYear = vault.open(birthYearEnc, "persons.birth_year/" + personId);
    if (birthYear == null) return false;
    LocalDate on = day == null ? LocalDate.now() : LocalDate.parse(day.substring(0, 10));
    int yearsOld = on.getYear() - Integer.parseInt(birthYear);
    return yearsOld <= ADULT_YEARS;
  }
}
