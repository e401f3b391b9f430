package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What makes two persons two people, whatever their reports score pair by pair. */
class ProfileTest {
  @Test
  void nobodyIsDetainedInTwoCitiesOnOneDay() {
    Profile moscow = profile(report("Иван Беляев", null, "Москва", "2018-12-24"));
    Profile petersburg = profile(report("Иван Беляев", null, "СПб", "2018-12-24"));
    Profile petersburgLater = profile(report("Иван Беляев", null, "СПб", "2019-08-04"));
    assertThat(moscow.contradicts(petersburg)).isTrue();
    assertThat(moscow.contradicts(petersburgLater)).isFalse();
    assertThat(moscow.contradicts(profile(report("Иван Беляев", null, "Мск", "2018-12-24"))))
        .isFalse();
  }

  @Test
  void birthYearsGivenThreeTimesEachSetNamesakesApart() {
    Profile born2005 = years(2005, 2005, 2005, 2006);
    assertThat(born2005.contradicts(years(2004, 2004, 2004))).isTrue();
    // twice is not enough: a year off by one twice would split one person
    assertThat(years(2005, 2005).contradicts(years(2004, 2004))).isFalse();
    assertThat(born2005.contradicts(years(2005, 2005, 2005))).isFalse();
  }

  @Test
  void aTypoNearThePatronymicsSuffixIsStillTheSameFather() {
    // the typo moves where the suffix seems to begin: Его|овна, Виатль|евич
    Profile right = profile(report("Нобоснова Татьяна Егоровна", null, "", ""));
    assertThat(right.contradicts(profile(report("Нобоснова Татьяна Егоовна", null, "", ""))))
        .isFalse();
    Profile vitalyevich = profile(report("Вяряскин Виталий Витальевич", null, "", ""));
    assertThat(
            vitalyevich.contradicts(profile(report("Вяряскин Виталий Виатльевич", null, "", ""))))
        .isFalse();
    assertThat(right.contradicts(profile(report("Нобоснова Татьяна Олеговна", null, "", ""))))
        .isTrue();
  }

  @Test
  void aMisspeltPatronymicIsStillTheSameFather() {
    Profile right = profile(report("Жямилцев Тимофей Иванович", null, "", ""));
    assertThat(right.contradicts(profile(report("Жямилцев Тимофей Иоанович", null, "", ""))))
        .isFalse();
    assertThat(right.contradicts(profile(report("Жямилцев Тимофей Петрович", null, "", ""))))
        .isTrue();
  }

  @Test
  void aMisspeltDiminutiveIsTheNameItShortens() {
    Profile mikhail = profile(report("Михаил Попов", null, "", ""));
    assertThat(mikhail.contradicts(profile(report("Мша Попов", null, "", "")))).isFalse();
    assertThat(mikhail.contradicts(profile(report("Денис Попов", null, "", "")))).isTrue();
  }

  @Test
  void fathersInitialsSetNamesakesApart() {
    Profile glebovich = profile(report("Петров Михаил Глебович", null, "", ""));
    assertThat(glebovich.contradicts(profile(report("Петров М. А.", null, "", "")))).isTrue();
    assertThat(glebovich.contradicts(profile(report("Петров М. Г.", null, "", "")))).isFalse();
    assertThat(glebovich.contradicts(profile(report("Миша Петров", null, "", "")))).isFalse();
  }

  @Test
  void aGivenNameInitialMustFitTheFullName() {
    Profile viktor = profile(report("Виктор Лебедев", null, "", ""));
    assertThat(viktor.contradicts(profile(report("Лебедев В. Н.", null, "", "")))).isFalse();
    assertThat(viktor.contradicts(profile(report("Лебедев А. Н.", null, "", "")))).isTrue();
    // Настя is Анастасия: her initial is А, not Н
    Profile nastya = profile(report("Настя Шарова", null, "", ""));
    assertThat(nastya.contradicts(profile(report("Шарова А. В.", null, "", "")))).isFalse();
  }

  @Test
  void anAmbiguousDiminutiveDoesNotBridgeTwoNames() {
    // Слава is Станислав, Вячеслав, Владислав or Ярослав: it must not make them one person
    Profile stanislav =
        profile(
            report("Слава Иванов", null, "", ""),
            report("Иванов Станислав Артемович", null, "", ""));
    assertThat(stanislav.contradicts(profile(report("Вячеслав Иванов", null, "", "")))).isTrue();
    assertThat(stanislav.contradicts(profile(report("Стасик Иванов", null, "", "")))).isFalse();
  }

  @Test
  void aGivenNameReadThroughATypoContradictsNothing() {
    // Нниа is one typo from Нина and from Ня: the correction may be wrong
    Profile nina = profile(report("Тилева Нина Васильевна", null, "", ""));
    assertThat(nina.contradicts(profile(report("Нниа Тилева", null, "", "")))).isFalse();
    assertThat(nina.contradicts(profile(report("Анна Тилева", null, "", "")))).isTrue();
  }

  private static Profile profile(Evidence... reports) {
    Profile profile = new Profile(reports[0]);
    for (int i = 1; i < reports.length; i++) {
      profile.absorb(new Profile(reports[i]));
    }
    return profile;
  }

  private static Profile years(int... years) {
    Evidence[] reports = new Evidence[years.length];
    for (int i = 0; i < years.length; i++) {
      reports[i] = report("Мария Ларионова", years[i], "", "");
    }
    return profile(reports);
  }

  private static Evidence report(String name, Integer year, String city, String day) {
    return Evidence.of(
        new ReportFacts(
            "R",
            name,
            year == null ? OptionalInt.empty() : OptionalInt.of(year),
            city,
            day.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(day)),
            "",
            "self"));
  }
}
