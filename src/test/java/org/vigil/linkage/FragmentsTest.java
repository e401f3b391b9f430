package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The last step of batch linkage on its own: persons as the earlier steps left them, one report
 * placed with the wrong namesake, and what moving misplaced reports makes of them.
 */
class FragmentsTest {
  private static final String DAY = "2018-01-25";

  private final List<ReportFacts> reports = new ArrayList<>();
  private final List<String> personOf = new ArrayList<>();

  FragmentsTest() {
    // the background of other persons, linked as the truth says, gives names their frequencies
    new Generator(5).generate(400, 1_200).forEach(l -> add(l.personId(), l.report()));
    for (int i = 0; i < 6; i++) {
      add("A", report("A" + i, "Морозов Дмитрий Сергеевич", 1990, "ОВД Ленинский"));
      add("B", report("B" + i, "Морозов Дмитрий Игоревич", 1985, "ОВД Кировский"));
    }
  }

  @Test
  void aReportWithItsNamesakeMovesToThePersonItFits() {
    // his birth year and police station are B's; the earlier steps left him with A
    add("A", report("M", "Дмитрий Морозов", 1985, "ОВД Кировский"));
    Map<String, String> persons = moved();
    assertThat(persons.get("M")).isEqualTo(persons.get("B0"));
    assertThat(persons.get("A0")).isEqualTo(persons.get("A5")).isNotEqualTo(persons.get("B0"));
    assertThat(persons.get("B0")).isEqualTo(persons.get("B5"));
  }

  @Test
  void aReportThatFitsItsOwnPersonStays() {
    add("A", report("S", "Дима Морозов", 1990, "ОВД Ленинский"));
    Map<String, String> persons = moved();
    assertThat(persons.get("S")).isEqualTo(persons.get("A0"));
  }

  @Test
  void aReportThatFitsTwoNamesakesEquallyStaysWhereItIs() {
    // name, city and day only: nothing tells A from B, so a move would be a guess
    add("A", report("T", "Дмитрий Морозов", 0, ""));
    Map<String, String> persons = moved();
    assertThat(persons.get("T")).isEqualTo(persons.get("A0"));
  }

  @Test
  void personsNotMisplacedStayAsTheyWere() {
    Map<String, String> before = new HashMap<>();
    Map<String, String> after = moved();
    for (int i = 0; i < reports.size(); i++) {
      before.put(reports.get(i).reportId(), personOf.get(i));
    }
    assertThat(partition(after)).isEqualTo(partition(before));
  }

  /** Moves misplaced reports among the persons given, and names each report's person after. */
  private Map<String, String> moved() {
    List<Evidence> evidence = reports.stream().map(Evidence::of).toList();
    Frequencies frequencies = new Frequencies();
    evidence.forEach(frequencies::add);
    List<String> ids = reports.stream().map(ReportFacts::reportId).toList();
    int[] component = new int[reports.size()];
    Map<String, Integer> firstReport = new HashMap<>();
    for (int i = 0; i < component.length; i++) {
      int report = i;
      component[i] = firstReport.computeIfAbsent(personOf.get(i), p -> report);
    }
    int[] moved =
        Fragments.moveMisplacedReports(
            evidence,
            new Scorer(frequencies),
            Clustering.ranks(ids),
            Blocks.of(evidence),
            component);
    Map<String, String> persons = new HashMap<>();
    for (int i = 0; i < moved.length; i++) {
      persons.put(ids.get(i), "P" + moved[i]);
    }
    return persons;
  }

  private static Set<Set<String>> partition(Map<String, String> persons) {
    Map<String, Set<String>> byPerson = new HashMap<>();
    persons.forEach(
        (report, person) -> byPerson.computeIfAbsent(person, p -> new HashSet<>()).add(report));
    return new HashSet<>(byPerson.values());
  }

  private void add(String person, ReportFacts report) {
    reports.add(report);
    personOf.add(person);
  }

  private static ReportFacts report(String id, String name, int year, String station) {
    return new ReportFacts(
        id,
        name,
        year == 0 ? OptionalInt.empty() : OptionalInt.of(year),
        "Омск",
        Optional.of(LocalDate.parse(DAY)),
        station,
        "witness");
  }
}
