package org.vigil.station;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StationNamesTest {

  @Test
  void spellingsOfOneStationHaveCloseForms() {
    String presnensky = StationNames.form("ОВД Пресненский");
    assertThat(StationNames.form("ОВД Пресненское")).isEqualTo(presnensky);
    assertThat(StationNames.form("ОВД Краснопресненское")).isEqualTo(presnensky);
    assertThat(StationNames.close(StationNames.form("ОВД Пресненсикй"), presnensky)).isTrue();
    String tverskoy = StationNames.form("ОВД Тверской");
    assertThat(StationNames.close(StationNames.form("ОВД Тверкое"), tverskoy)).isTrue();
    assertThat(StationNames.close(StationNames.form("ОВД Тверсокй "), tverskoy)).isTrue();
  }

  @Test
  void theFormsOfKitaiGorodAreOne() {
    assertThat(
            java.util.stream.Stream.of(
                    "ОВД Китай-город",
                    "ОВД Китай-Город",
                    "ОВД Китай город",
                    "ОВД Китай-город ",
                    " ОВД «Китай-город»")
                .map(StationNames::form)
                .distinct())
        .containsExactly("китай город");
  }

  @Test
  void differentNumbersAreDifferentStations() {
    assertThat(StationNames.close(StationNames.form("28"), StationNames.form("38 ОП"))).isFalse();
    assertThat(StationNames.form("76 ОП")).isEqualTo(StationNames.form("76"));
    assertThat(StationNames.form("ОП 1 УПП №4")).isEqualTo(StationNames.form("1 ОП"));
  }

  @Test
  void differentStationsAreNotClose() {
    assertThat(
            StationNames.close(
                StationNames.form("ОВД Тверской"), StationNames.form("ОВД Таганский")))
        .isFalse();
    assertThat(
            StationNames.close(
                StationNames.form("ОВД Щукинское"), StationNames.form("ОВД Жуковский")))
        .isFalse();
  }

  @Test
  void aSwapOfNeighboursIsOneEdit() {
    assertThat(StationNames.distance("пресненсикй", "пресненский")).isEqualTo(1);
    assertThat(StationNames.distance("", "абв")).isEqualTo(3);
  }
}
