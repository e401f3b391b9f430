package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlacesTest {

  @ParameterizedTest(name = "{0} is Санкт-Петербург")
  @ValueSource(
      strings = {
        "СПб",
        "Петербург",
        "St Petersburg",
        "St. Petersburg",
        "Saint Petersburg",
        "Питер",
        "Санкт-Петербург",
        "санкт петербург",
        "Ленинград",
        "Sankt-Peterburg"
      })
  void saintPetersburgUnderAllItsNames(String name) {
    assertThat(Places.cityKey(name)).isEqualTo(Places.cityKey("Санкт-Петербург"));
  }

  @Test
  void citiesOutsideTheTableStillMatchTheirRomanisation() {
    assertThat(Places.cityKey("Сыктывкар")).isEqualTo(Places.cityKey("Syktyvkar"));
    assertThat(Places.cityKey("Москва")).isNotEqualTo(Places.cityKey("Санкт-Петербург"));
  }

  @ParameterizedTest(name = "{0} is Москва")
  @ValueSource(strings = {"г. Москва", "город Москва", "Москва г.", "Moscou", "Moskau", "Мск"})
  void settlementWordsAndForeignNamesAreOneCity(String name) {
    assertThat(Places.cityKey(name)).isEqualTo(Places.cityKey("Москва"));
    assertThat(Places.isKnownCity(Places.cityKey(name))).isTrue();
  }

  @Test
  void onlyRecognisedCitiesAreKnown() {
    // a misspelling may be any city: it must not count as a second place on one day
    assertThat(Places.isKnownCity(Places.cityKey("Мсква"))).isFalse();
    assertThat(Places.isKnownCity(Places.cityKey("Сыктывкар"))).isTrue();
  }

  @ParameterizedTest(name = "{0} is the Тверской station")
  @ValueSource(
      strings = {
        "ОВД Тверской",
        "ОВД «Тверской»",
        "ОВД по району Тверской",
        "OVD Tverskoy",
        "отдел полиции Тверской",
        "ОМВД по Тверскому району"
      })
  void policeStationSpellings(String name) {
    assertThat(Places.stationKey(name)).isEqualTo(Places.stationKey("ОВД Тверской"));
  }

  @Test
  void bgnMiddleDotStaysInsideTheWord() {
    // BGN/PCGN writes Арбатский as Arbat·skiy, so that ts is not read as ц
    assertThat(Places.stationKey("OVD Arbat·skiy")).isEqualTo(Places.stationKey("ОВД Арбатский"));
    assertThat(Places.stationKey("OVD Sovet·skiy")).isEqualTo(Places.stationKey("ОВД Советский"));
  }

  @Test
  void differentStationsStayApart() {
    assertThat(Places.stationKey("ОВД Тверской")).isNotEqualTo(Places.stationKey("ОВД Басманный"));
    assertThat(Places.stationKey("ОП № 5")).isNotEqualTo(Places.stationKey("ОП № 6"));
  }
}
