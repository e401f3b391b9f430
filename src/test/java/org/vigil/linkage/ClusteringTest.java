package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ClusteringTest {
  private static final List<Generator.Labelled> DATA = new Generator(5).generate(400, 1_200);

  @Property(tries = 8)
  void shufflingTheInputGivesTheSamePersons(@ForAll @LongRange(min = 1) long seed) {
    List<ReportFacts> reports = generatedReports();
    Set<Set<String>> before = partition(reports);
    Collections.shuffle(reports, new Random(seed));
    assertThat(partition(reports)).isEqualTo(before);
  }

  @Property(tries = 8)
  void personIdsDoNotDependOnOrderEither(@ForAll @LongRange(min = 1) long seed) {
    List<ReportFacts> reports = generatedReports();
    Map<String, String> before = assignments(reports);
    Collections.shuffle(reports, new Random(seed));
    assertThat(assignments(reports)).isEqualTo(before);
  }

  @Test
  void beatsTheExactNameBaselineByFar() {
    List<ReportFacts> reports = DATA.stream().map(Generator.Labelled::report).toList();
    List<String> ids = reports.stream().map(ReportFacts::reportId).toList();
    Map<String, String> truth = new HashMap<>();
    DATA.forEach(l -> truth.put(l.report().reportId(), l.personId()));
    Quality vigil =
        Quality.of(ids, Clustering.personIds(reports, Clustering.cluster(reports)), truth);
    Quality baseline = Quality.of(ids, Baseline.personIds(reports), truth);
    assertThat(vigil.pairF1()).isGreaterThan(0.9);
    assertThat(vigil.bcubedF1()).isGreaterThan(0.9);
    assertThat(baseline.pairF1()).isLessThan(0.5);
  }

  @Test
  void everyReportGetsExactlyOnePerson() {
    List<ReportFacts> reports = DATA.stream().map(Generator.Labelled::report).toList();
    List<String> persons = Clustering.personIds(reports, Clustering.cluster(reports));
    assertThat(persons).hasSameSizeAs(reports).doesNotContainNull();
  }

  @Test
  void aSparseReportJoinsTheNamesakeDetainedThatDay() {
    List<ReportFacts> reports = generatedReports();
    for (int i = 0; i < 6; i++) {
      reports.add(
          named(
              "A" + i,
              i % 2 == 0 ? "Сергей Соколов" : "Соколов Сергей Петрович",
              1990,
              "2023-07-24",
              "ОВД Тверской"));
      reports.add(
          named(
              "B" + i,
              i % 2 == 0 ? "Сергей Соколов" : "Соколов Сергей Ильич",
              1975,
              "2021-01-23",
              "ОВД Басманный"));
    }
    reports.add(
        new ReportFacts(
            "S",
            "Серёжа Соколов",
            java.util.OptionalInt.empty(),
            "",
            java.util.Optional.of(java.time.LocalDate.parse("2023-07-24")),
            "",
            "relative"));
    Map<String, String> persons = assignments(reports);
    assertThat(persons.get("S")).isEqualTo(persons.get("A0"));
    assertThat(persons.get("A0")).isNotEqualTo(persons.get("B0"));
  }

  @Test
  void namesakesDetainedOnOneDayInTwoCitiesStayTwoPeople() {
    List<ReportFacts> reports = generatedReports();
    for (int i = 0; i < 4; i++) {
      // the same name, patronymic, birth year, day and station: only the city tells them apart
      reports.add(belyaev("M" + i, "Воронеж"));
      reports.add(belyaev("P" + i, "Пермь"));
    }
    Map<String, String> persons = assignments(reports);
    assertThat(persons.get("M0")).isEqualTo(persons.get("M3")).isNotEqualTo(persons.get("P0"));
    assertThat(persons.get("P0")).isEqualTo(persons.get("P3"));
  }

  @Test
  void oneCityWrittenThreeWaysOnOneDayIsNotTwoPlaces() {
    // issue 14: «Елена Жданых», Москва / Мск / г. Москва, one day, became several persons, as
    // "г. Москва" was taken for another city and two cities on one day rule one person out
    List<ReportFacts> reports = generatedReports();
    String[] cities = {"Москва", "Мск", "г. Москва", "Moscou"};
    for (int i = 0; i < cities.length; i++) {
      reports.add(report("Z" + i, "Елена Жданых", cities[i], "2018-05-14", ""));
    }
    Map<String, String> persons = assignments(reports);
    assertThat(persons.get("Z1")).isEqualTo(persons.get("Z0"));
    assertThat(persons.get("Z2")).isEqualTo(persons.get("Z0"));
    assertThat(persons.get("Z3")).isEqualTo(persons.get("Z0"));
  }

  @Test
  void aReportWithAMisspeltSurnameAndNeitherYearNorDayStillFindsItsPerson() {
    List<ReportFacts> reports = generatedReports();
    for (int i = 0; i < 6; i++) {
      reports.add(named("K" + i, "Моисеев Константин Павлович", 1988, "2018-12-24", ""));
    }
    // no blocking key survives a typo in the surname without a birth year or a day
    reports.add(report("T", "Константин Моиоеев", "Москва", null, ""));
    Map<String, String> persons = assignments(reports);
    assertThat(persons.get("T")).isEqualTo(persons.get("K0"));
  }

  @Test
  void aPoliceStationWithoutADayTellsNamesakesApart() {
    List<ReportFacts> reports = generatedReports();
    for (int i = 0; i < 6; i++) {
      reports.add(named("T" + i, "Вадим Ильин", 1990, "2023-04-29", "ОВД Таганский"));
      reports.add(named("K" + i, "Вадим Ильин", 1975, "2021-11-06", "ОВД Калининский"));
    }
    reports.add(report("S", "Вадим Ильин", "", null, "ОМВД Таганский район"));
    Map<String, String> persons = assignments(reports);
    assertThat(persons.get("T0")).isNotEqualTo(persons.get("K0"));
    assertThat(persons.get("S")).isEqualTo(persons.get("T0"));
  }

  @Test
  void reportsOfASecondDetentionNamingItsOwnPoliceStationJoinThePerson() {
    List<ReportFacts> reports = generatedReports();
    for (int i = 0; i < 8; i++) {
      reports.add(named("F" + i, "Вадим Ильин", 1990, "2023-04-29", "ОВД Таганский"));
    }
    // detained again on another day and taken elsewhere: the new day counts against, once; the
    // station of that other detention, named by all four reports, says nothing more
    for (int i = 0; i < 4; i++) {
      reports.add(report("S" + i, "Вадим Ильин", "", "2021-11-06", "ОВД Калининский"));
    }
    Map<String, String> persons = assignments(reports);
    assertThat(persons.get("S0")).isEqualTo(persons.get("S2")).isEqualTo(persons.get("F0"));
  }

  private static ReportFacts report(
      String id, String name, String city, String day, String station) {
    return new ReportFacts(
        id,
        name,
        java.util.OptionalInt.empty(),
        city,
        java.util.Optional.ofNullable(day).map(java.time.LocalDate::parse),
        station,
        "witness");
  }

  private static ReportFacts belyaev(String id, String city) {
    return new ReportFacts(
        id,
        "Беляев Иван Андреевич",
        java.util.OptionalInt.of(2005),
        city,
        java.util.Optional.of(java.time.LocalDate.parse("2018-12-24")),
        "ОВД Ленинский",
        "self");
  }

  private static ReportFacts named(String id, String name, int year, String day, String station) {
    return new ReportFacts(
        id,
        name,
        java.util.OptionalInt.of(year),
        "Москва",
        java.util.Optional.of(java.time.LocalDate.parse(day)),
        station,
        "self");
  }

  /**
   * The generated reports, in a list a test may add to: the background of other persons that gives
   * the names their frequencies.
   */
  private static List<ReportFacts> generatedReports() {
    return new ArrayList<>(DATA.stream().map(Generator.Labelled::report).toList());
  }

  private static Map<String, String> assignments(List<ReportFacts> reports) {
    List<String> persons = Clustering.personIds(reports, Clustering.cluster(reports));
    Map<String, String> byReport = new HashMap<>();
    for (int i = 0; i < reports.size(); i++) {
      byReport.put(reports.get(i).reportId(), persons.get(i));
    }
    return byReport;
  }

  private static Set<Set<String>> partition(List<ReportFacts> reports) {
    Map<String, Set<String>> byPerson = new HashMap<>();
    assignments(reports)
        .forEach(
            (report, person) -> byPerson.computeIfAbsent(person, p -> new HashSet<>()).add(report));
    return new HashSet<>(byPerson.values());
  }
}
