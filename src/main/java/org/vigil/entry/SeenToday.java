package org.vigil.entry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.vigil.cases.Cases;
import org.vigil.cases.Person;
import org.vigil.linkage.LinkDecision;
import org.vigil.linkage.Linkage;

/**
 * Whether the person a caller names seems to be reported already today, so that the operator can
 * say "we know, we are on it": the persons linkage would weigh a report of this name, year and city
 * against, counted by their reports received since midnight in Moscow (rejected ones not counted).
 */
final class SeenToday {
  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  /** Persons weighed at most: a common name without year or city resembles many. */
  private static final int MAX_PERSONS = 10;

  private final Jdbi jdbi;
  private final Linkage linkage;
  private final Cases cases;
  private final Clock clock;

  SeenToday(Jdbi jdbi, Linkage linkage, Cases cases, Clock clock) {
    this.jdbi = jdbi;
    this.linkage = linkage;
    this.cases = cases;
    this.clock = clock;
  }

  /**
   * The answer: whether seen, the number of today's reports about the persons found and whether any
   * of their detentions is confirmed. {@code persons} (who they are) only for a role that may read
   * personal data; null otherwise, and then nothing of any person is in the answer.
   */
  record Answer(boolean seen, int reports, boolean confirmed, List<Seen> persons) {}

  /** One person reported today, for a role that may read personal data. */
  record Seen(String id, String name, Integer birthYear, int reports, boolean confirmed) {}

  Answer ask(String name, Integer birthYear, String city, boolean mayReadPersons) {
    LocalDate today = LocalDate.now(clock.withZone(MOSCOW));
    List<String> like =
        linkage.personsLike(name, birthYear, city, today).stream()
            .limit(MAX_PERSONS)
            .map(LinkDecision.Candidate::personId)
            .toList();
    Map<String, int[]> byPerson = reportedSince(like, today.atStartOfDay(MOSCOW).toInstant());
    int reports = byPerson.values().stream().mapToInt(c -> c[0]).sum();
    boolean confirmed = byPerson.values().stream().anyMatch(c -> c[1] > 0);
    if (!mayReadPersons) return new Answer(reports > 0, reports, confirmed, null);
    Map<String, Person> persons = cases.persons(byPerson.keySet());
    List<Seen> seen = new ArrayList<>();
    byPerson.forEach(
        (id, counts) -> {
          Person p = persons.get(id);
          if (p != null) {
            seen.add(new Seen(id, p.name(), p.birthYear(), counts[0], counts[1] > 0));
          }
        });
    return new Answer(reports > 0, reports, confirmed, seen);
  }

  /** Per person (in linkage's order): reports received since {@code since}, and confirmed ones. */
  private Map<String, int[]> reportedSince(List<String> personIds, Instant since) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    if (personIds.isEmpty()) return counts;
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT d.person_id, d.confirmed_at FROM detentions d
                    JOIN reports r ON r.id = d.report_id
                    WHERE d.person_id IN (<persons>) AND r.received_at >= :since
                      AND d.rejected_at IS NULL""")
                .bindList("persons", personIds)
                .bind("since", since.toEpochMilli())
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getObject(2) != null))
                .forEach(
                    row -> {
                      int[] c = counts.computeIfAbsent(row.getKey(), k -> new int[2]);
                      c[0]++;
                      if (row.getValue()) c[1]++;
                    }));
    // keep linkage's order: best match first
    Map<String, int[]> ordered = new LinkedHashMap<>();
    personIds.stream().filter(counts::containsKey).forEach(p -> ordered.put(p, counts.get(p)));
    return ordered;
  }
}
