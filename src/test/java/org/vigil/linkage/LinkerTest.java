package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Named examples of each kind of variation, linked against a background of generated reports so
 * that term frequencies are realistic (Иванов and Иван common, Навальный rare).
 */
class LinkerTest {
  private static final String DAY = "2021-01-23";
  private static final AtomicInteger IDS = new AtomicInteger();

  private Linker linker;

  @BeforeEach
  void linkBackground() {
    linker = new Linker();
    for (Generator.Labelled labelled : new Generator(11).generate(1_500, 4_000)) {
      linker.link(labelled.report());
    }
  }

  @Test
  void diminutiveJoinsTheFullName() {
    String alexey = linkNew("Алексей Навальный", 1976, "Москва", DAY, "ОВД Тверской");
    assertMatches(link("Лёша Навальный", null, "Москва", DAY, ""), alexey);
  }

  @Test
  void passportCapitalsJoinTheFullRussianName() {
    String person = linkNew("Навальный Алексей Анатольевич", 1976, "Москва", DAY, "");
    assertMatches(link("NAVALNYY ALEKSEI", 1976, "Moscow", DAY, ""), person);
  }

  @Test
  void everyRomanisationJoinsOnePerson() {
    String person = linkNew("Алексей Навальный", 1976, "Москва", DAY, "ОВД Тверской");
    assertMatches(link("Alexey Navalny", 1976, "Moscow", DAY, ""), person);
    assertMatches(link("Aleksei Navalnyi", null, "Moskva", DAY, "OVD Tverskoy"), person);
    assertMatches(link("Naval'nyy Aleksey", 1976, "", DAY, ""), person);
    assertMatches(link("Naval'nyj Aleksej", 1976, "", "", ""), person);
  }

  @Test
  void initialsAndPatronymicTogetherWithTheStation() {
    String person = linkNew("Навальный Алексей Анатольевич", 1976, "Москва", DAY, "ОВД Тверской");
    assertMatches(link("Навальный А. А.", null, "Мск", DAY, "ОВД по району Тверской"), person);
  }

  @Test
  void birthYearOffByOne() {
    String person = linkNew("Навальный Алексей Анатольевич", 1976, "Москва", DAY, "");
    assertMatches(link("Алексей Навальный", 1977, "Москва", DAY, ""), person);
  }

  @Test
  void typoInTheSurname() {
    String person = linkNew("Алексей Навальный", 1976, "Москва", DAY, "");
    assertMatches(link("Алексей Навальнй", 1976, "Москва", DAY, ""), person);
  }

  @Test
  void yoWrittenAsYe() {
    String person = linkNew("Пётр Ёлкин", 1990, "Санкт-Петербург", DAY, "");
    assertMatches(link("Петр Елкин", 1990, "СПб", DAY, ""), person);
  }

  @Test
  void feminineSurnameInLatinAndCyrillic() {
    String yulia = linkNew("Юлия Навальная", 1976, "Москва", DAY, "");
    assertMatches(link("Yulia Navalnaya", 1976, "Moscow", DAY, ""), yulia);
  }

  @Test
  void sashaPetrovaIsNotAlexanderPetrov() {
    String alexander = linkNew("Александр Петров", 1995, "Москва", DAY, "ОВД Тверской");
    assertNotLinkedTo(link("Саша Петрова", 1995, "Москва", DAY, "ОВД Тверской"), alexander);
  }

  @Test
  void spousesSharingASurnameStayApart() {
    String timofey = linkNew("Тимофей Смирнов", 1985, "Москва", DAY, "ОВД Тверской");
    assertNotLinkedTo(link("Мария Смирнова", 1985, "Москва", DAY, "ОВД Тверской"), timofey);
  }

  @Test
  void alexeyAndYuliaNavalnyStayApart() {
    String alexey = linkNew("Алексей Навальный", 1976, "Москва", DAY, "");
    assertNotLinkedTo(link("Юлия Навальная", 1976, "Москва", DAY, ""), alexey);
  }

  @Test
  void commonNamesakesBornFifteenYearsApartStayApart() {
    String older = linkNew("Иван Иванов", 1975, "Москва", DAY, "");
    LinkDecision younger = link("Иван Иванов", 1990, "Москва", DAY, "");
    assertThat(younger).isNotInstanceOf(LinkDecision.Matched.class);
    assertThat(younger.personId()).isNotEqualTo(older);
  }

  @Test
  void aCommonNameAloneGoesToReviewWhereARareOneMerges() {
    String ivan = linkNew("Иван Иванов", 1975, "Москва", DAY, "");
    LinkDecision common = link("Иванов Иван", null, "", "", "");
    assertThat(common).isInstanceOf(LinkDecision.NeedsReview.class);
    assertThat(((LinkDecision.NeedsReview) common).candidates())
        .extracting(LinkDecision.Candidate::personId)
        .contains(ivan);

    String rare = linkNew("Евстигней Навальный", 1975, "Москва", DAY, "");
    assertMatches(link("Навальный Евстигней", null, "", "", ""), rare);
  }

  @Test
  void aReviewerVerdictMovesTheReportAndCanBeUndone() {
    String ivan = linkNew("Иван Иванов", 1975, "Москва", DAY, "");
    LinkDecision held = link("Иванов Иван", null, "", "", "");
    LinkDecision.Reviewed verdict = linker.resolve(held.reportId(), ivan);
    assertThat(linker.personOf(held.reportId())).contains(ivan);
    assertThat(verdict.previousPersonId()).isEqualTo(held.personId());

    linker.resolve(held.reportId(), verdict.previousPersonId());
    assertThat(linker.personOf(held.reportId())).contains(held.personId());
    assertThat(linker.journal()).endsWith(held, verdict, linker.journal().getLast());
  }

  @Test
  void aReportIsLinkedOnlyOnce() {
    ReportFacts report = facts("Алексей Навальный", 1976, "Москва", DAY, "");
    linker.link(report);
    assertThatThrownBy(() -> linker.link(report)).isInstanceOf(IllegalArgumentException.class);
  }

  private String linkNew(String name, Integer year, String city, String day, String station) {
    LinkDecision decision = link(name, year, city, day, station);
    assertThat(decision).isInstanceOf(LinkDecision.NewPerson.class);
    return decision.personId();
  }

  private LinkDecision link(String name, Integer year, String city, String day, String station) {
    return linker.link(facts(name, year, city, day, station));
  }

  /** Neither merged into the person nor offered to a reviewer as that person. */
  private static void assertNotLinkedTo(LinkDecision decision, String personId) {
    assertThat(decision.personId()).isNotEqualTo(personId);
    if (decision instanceof LinkDecision.NeedsReview review) {
      assertThat(review.candidates())
          .extracting(LinkDecision.Candidate::personId)
          .doesNotContain(personId);
    }
  }

  private static void assertMatches(LinkDecision decision, String personId) {
    assertThat(decision).isInstanceOf(LinkDecision.Matched.class);
    assertThat(decision.personId()).isEqualTo(personId);
  }

  static ReportFacts facts(String name, Integer year, String city, String day, String station) {
    return new ReportFacts(
        "X" + IDS.incrementAndGet(),
        name,
        year == null ? OptionalInt.empty() : OptionalInt.of(year),
        city,
        day.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(day)),
        station,
        "test");
  }
}
