package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Names written in the German (Duden), French and Polish transcriptions of Russian are read back:
 * the spellings the press of those countries uses for well-known Russians, and for made-up names.
 */
class TranscriptionTest {

  private static Set<String> surnames(String raw) {
    return PersonName.readings(raw).stream().map(PersonName::surname).collect(Collectors.toSet());
  }

  private static Set<String> givenNames(String raw) {
    return PersonName.readings(raw).stream()
        .flatMap(r -> r.given().stream())
        .collect(Collectors.toSet());
  }

  private static void sameSurname(String cyrillic, String... latin) {
    String key = PersonName.parse(cyrillic).surname();
    for (String spelling : latin) {
      assertThat(surnames(spelling)).as(spelling + " read as " + cyrillic).contains(key);
    }
  }

  @Test
  void readsGermanFrenchAndPolishSurnamesOfKnownRussians() {
    sameSurname(
        "Михаил Горбачёв",
        "Michail Gorbatschow",
        "Mikhaïl Gorbatchev",
        "Michaił Gorbaczow",
        "Mikhail Gorbachev");
    sameSurname(
        "Никита Хрущёв",
        "Nikita Chruschtschow",
        "Nikita Khrouchtchev",
        "Nikita Chruszczow",
        "Nikita Khrushchev");
    sameSurname("Борис Ельцин", "Boris Jelzin", "Boris Eltsine", "Borys Jelcyn", "Boris Yeltsin");
    sameSurname("Илья Ильин", "Ilja Iljin", "Ilia Iline");
    sameSurname(
        "Дмитрий Шостакович",
        "Dmitri Schostakowitsch",
        "Dmitri Chostakovitch",
        "Dmitrij Szostakowicz");
  }

  @Test
  void readsAWomansSurnameInEachSystem() {
    sameSurname(
        "Дарья Жданова",
        "Dascha Schdanowa",
        "Dacha Jdanova",
        "Daria Żdanowa",
        "Darya Zhdanova",
        "ZDANOVA, DARIA".replace("ZDANOVA", "ZHDANOVA"));
  }

  @Test
  void readsGivenNamesAndTheirDiminutives() {
    String daria = PersonName.parse("Дарья Жданова").given().iterator().next();
    assertThat(givenNames("Dascha Schdanowa")).contains(daria);
    assertThat(givenNames("Dacha Jdanova")).contains(daria);
    assertThat(givenNames("Daria Żdanowa")).contains(daria);
    assertThat(givenNames("Jelena Kowalewa"))
        .containsAll(PersonName.parse("Елена Ковалёва").given());
    assertThat(givenNames("Sergueï Ivanov")).containsAll(PersonName.parse("Сергей Иванов").given());
  }

  @Test
  void aCyrillicNameHasExactlyOneReadingAndALatinOneFew() {
    assertThat(PersonName.readings("Дарья Жданова")).hasSize(1);
    assertThat(PersonName.readings("Ivan Chernov")).hasSize(1);
    assertThat(PersonName.readings("Nikita Chruschtschow")).hasSizeBetween(2, 3);
    assertThat(PersonName.readings("Dascha Schdanowa"))
        .hasSizeLessThanOrEqualTo(PersonName.MAX_READINGS);
  }

  @Test
  void germanSchIsReadAsBothShAndZh() {
    assertThat(surnames("Schdanowa Dascha"))
        .contains(PersonName.parse("Жданова").surname(), PersonName.parse("Шданова").surname());
  }

  @Test
  void englishSpellingsReadAsBefore() {
    assertThat(PersonName.readings("Aleksey Navalny").getFirst())
        .isEqualTo(PersonName.parse("Aleksey Navalny"));
    assertThat(PersonName.parse("Алексей Навальный").surname()).isEqualTo("navalni");
  }

  private static Evidence report(String name) {
    return new Evidence(PersonName.readings(name), 1990, "moskva", 18000, "");
  }

  @Test
  void reportsInTwoTranscriptionsMeetInABlockAndScoreAsOnePerson() {
    Evidence german = report("KOWALEWA, Dascha");
    Evidence russian = report("Дарья Егоровна Ковалёва");
    assertThat(Blocking.keys(german)).containsAnyElementsOf(Blocking.keys(russian));
    Frequencies frequencies = new Frequencies();
    List.of(german, russian).forEach(frequencies::add);
    for (int i = 0; i < 50; i++) {
      frequencies.add(
          new Evidence(PersonName.readings("Иван Петров"), 1950 + i, "kazan", 17000 + i, ""));
    }
    assertThat(new Scorer(frequencies).score(german, russian))
        .isGreaterThan(Thresholds.BATCH.merge());
  }

  @Test
  void aNameReadSeveralWaysCountsOnceInTheTermFrequencies() {
    Frequencies once = new Frequencies();
    once.add(report("Дарья Жданова"));
    Frequencies german = new Frequencies();
    german.add(report("Dascha Schdanowa"));
    String zhdanov = PersonName.parse("Жданова").surname();
    assertThat(PersonName.readings("Dascha Schdanowa")).hasSizeGreaterThan(1);
    assertThat(german.share(Frequencies.Field.SURNAME, zhdanov))
        .isLessThan(once.share(Frequencies.Field.SURNAME, zhdanov))
        .isGreaterThan(new Frequencies().share(Frequencies.Field.SURNAME, zhdanov));
  }
}
