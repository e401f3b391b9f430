package org.vigil.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.SharedData;
import org.vigil.ovdinfo.EventRow;
import org.vigil.ovdinfo.OvdInfoTable;

/** The directory built from OVD-Info's 2013 table and map layer. */
class StationDirectoryTest {
  private static StationDirectory directory;

  @BeforeAll
  static void build() throws Exception {
    StationDirectory.Builder builder = StationDirectory.builder().layer(SharedData.stations2013());
    for (var row : OvdInfoTable.readAll(SharedData.detentions2013(), null)) {
      EventRow event = (EventRow) row;
      builder.event(
          event.naturalKey(), event.region(), event.policeStations(), event.unnamedDetentions());
    }
    directory = builder.build();
  }

  private static Station station(String region, String name) {
    return directory.find(region, name).orElseThrow();
  }

  @Test
  void stationsNamedAloneOrWithTheirCountsAgreeWithTheLayer() {
    assertThat(
            List.of(
                station("Москва", "ОВД Мещанский"),
                station("Москва", "ОВД Сокольники"),
                station("Москва", "ОВД Нагатинский затон"),
                station("Санкт-Петербург", "76"),
                station("Санкт-Петербург", "52"),
                station("Санкт-Петербург", "1"),
                station("Нижний Новгород", "ОП 2 (Дзержинск)"),
                station("Воронеж", "ОМВД по Новохоперскому району")))
        .extracting(Station::name, Station::detentions, s -> s.location().publishedDetentions())
        .containsExactly(
            tuple("ОВД Мещанский", 88L, 88L),
            tuple("ОВД Сокольники", 21L, 21L),
            tuple("ОВД Нагатинский затон", 17L, 17L),
            tuple("76 ОП", 89L, 89L),
            tuple("52 ОП", 91L, 91L),
            tuple("1 ОП", 4L, 4L),
            tuple("ОП 2 (Дзержинск)", 15L, 15L),
            tuple("ОМВД по Новохоперскому району", 28L, 28L));
  }

  @Test
  void eachStationCountsTheEventsThatNameIt() {
    assertThat(station("Москва", "ОВД Мещанский").events()).isEqualTo(16);
    assertThat(station("Москва", "ОВД Сокольники").events()).isEqualTo(2);
    assertThat(station("Санкт-Петербург", "76").events()).isEqualTo(9);
  }

  @Test
  void theLayerNeverShowsLessThanTheCellsState() {
    assertThat(directory.stations())
        .filteredOn(s -> s.location() != null)
        .allSatisfy(
            s ->
                assertThat(s.detentions()).isLessThanOrEqualTo(s.location().publishedDetentions()));
  }

  @Test
  void spellingVariantsAreOneStation() {
    assertThat(station("Москва", "ОВД Пресненсикй").variants())
        .containsExactlyInAnyOrder(
            "ОВД Пресненский", "ОВД Пресненсикй", "ОВД Пресненское", "ОВД Краснопресненское");
    assertThat(station("Москва", "ОВД Китай город").variants())
        .containsExactlyInAnyOrder(
            "ОВД Китай-город", "ОВД Китай-Город", "ОВД Китай город", "ОВД «Китай-город»");
    assertThat(station("Москва", "ОВД Тверкое").variants())
        .contains("ОВД Тверской", "ОВД Тверское", "ОВД Тверсокй", "ОВД Тверкое");
  }

  @Test
  void withoutTheLayerTheSameStationsForm() throws Exception {
    StationDirectory.Builder builder = StationDirectory.builder();
    for (var row : OvdInfoTable.readAll(SharedData.detentions2013(), null)) {
      EventRow event = (EventRow) row;
      builder.event(
          event.naturalKey(), event.region(), event.policeStations(), event.unnamedDetentions());
    }
    StationDirectory bare = builder.build();

    assertThat(bare.stations()).hasSameSizeAs(directory.stations());
    assertThat(bare.find("Москва", "ОВД Пресненский").orElseThrow().variants())
        .containsExactlyInAnyOrder(
            "ОВД Пресненский", "ОВД Пресненсикй", "ОВД Пресненское", "ОВД Краснопресненское");
    assertThat(bare.find("Москва", "ОВД Мещанский").orElseThrow().detentions()).isEqualTo(88);
  }

  @Test
  void coordinatorsMergeAndSeparateStations() throws Exception {
    StationDirectory.Builder builder =
        StationDirectory.builder()
            .layer(SharedData.stations2013())
            .merge("Москва", "ОВД Краснопресненское", "ОВД Тверской")
            .separate("Москва", "ОВД Тверкое");
    for (var row : OvdInfoTable.readAll(SharedData.detentions2013(), null)) {
      EventRow event = (EventRow) row;
      builder.event(
          event.naturalKey(), event.region(), event.policeStations(), event.unnamedDetentions());
    }
    StationDirectory decided = builder.build();

    assertThat(decided.find("Москва", "ОВД Тверской").orElseThrow().variants())
        .contains("ОВД Краснопресненское")
        .doesNotContain("ОВД Тверкое");
    assertThat(decided.find("Москва", "ОВД Тверкое").orElseThrow())
        .extracting(Station::name, Station::events)
        .containsExactly("ОВД Тверкое", 1L);
    assertThat(decided.stations()).hasSize(directory.stations().size() + 1);
    assertThatThrownBy(() -> builder.event("k", "Москва", "ОВД Арбат", 1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> StationDirectory.builder().merge("Москва", "A", "B").merge("Москва", "B", "C"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sameNumbersInDifferentRegionsAreDifferentStations() {
    Station petersburg = station("Санкт-Петербург", "1");
    Station nizhny = station("Нижний Новгород", "ОП 1 (Нижний Новгород)");

    assertThat(petersburg.key()).isNotEqualTo(nizhny.key());
    assertThat(nizhny.location().address()).startsWith("Нижний Новгород");
    assertThat(station("Нижний Новгород", "ОП 2 (Дзержинск)").key())
        .isNotEqualTo(directory.find("Нижний Новгород", "ОП 2").map(Station::key).orElse(""));
  }

  @Test
  void locationsAndAddressesComeFromTheLayer() {
    Location meshchansky = station("Москва", "ОВД Мещанское").location();

    assertThat(meshchansky.lat()).isEqualTo(55.768357);
    assertThat(meshchansky.lon()).isEqualTo(37.63153);
    assertThat(meshchansky.address()).isEqualTo("ул. Сретенка, 11");
    assertThat(directory.unlocated())
        .extracting(Station::key)
        .containsExactlyInAnyOrder("Санкт-Петербург:22", "Нижний Новгород:7");
  }

  @Test
  void countsThatDoNotAddUpAreFlagged() {
    assertThat(directory.discrepancies())
        .extracting(Discrepancy::eventKey, Discrepancy::total, Discrepancy::stated)
        .contains(
            tuple("ovdinfo:Москва:2013-07-18:id=91", 195, 185),
            tuple("ovdinfo:Санкт-Петербург:2013-02-04:id=173", 19, 17),
            tuple("ovdinfo:Санкт-Петербург:2013-09-21:id=199", 60, 60))
        .hasSize(6);
  }

  @Test
  void courtsAndVansAreRecognisedNotListed() {
    assertThat(directory.nonStations())
        .extracting(n -> n.mention().nonStation())
        .containsExactlyInAnyOrder(
            NonStationKind.COURT,
            NonStationKind.POLICE_VAN,
            NonStationKind.POLICE_VAN,
            NonStationKind.POLICE_VAN,
            NonStationKind.PROSECUTOR);
    assertThat(directory.stations())
        .extracting(Station::name)
        .noneMatch(n -> n.contains("автозак") || n.contains("суд"));
  }

  @Test
  void noTwoStationsOfARegionHaveCloseForms() {
    List<Station> stations = directory.stations();
    for (Station a : stations) {
      for (Station b : stations) {
        if (a != b && a.region().equals(b.region())) {
          assertThat(StationNames.close(form(a), form(b))).as(a.key() + " ~ " + b.key()).isFalse();
        }
      }
    }
  }

  private static String form(Station station) {
    return station.key().substring(station.region().length() + 1);
  }
}
