package org.vigil.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StationCellTest {

  @Test
  void dashCountsAddTheirTermsAndFlagATotalTheyMiss() {
    StationCell cell =
        StationCell.parse(
            "ОВД Пресненский - 21+8, ОВД Тверской - 14+5, ОВД Замоскворечье -3.", "Москва");

    assertThat(cell.mentions())
        .extracting(StationMention::name, StationMention::count)
        .containsExactly(
            tuple("ОВД Пресненский", OptionalInt.of(29)),
            tuple("ОВД Тверской", OptionalInt.of(19)),
            tuple("ОВД Замоскворечье", OptionalInt.of(3)));
    assertThat(cell.attribution(51)).isEqualTo(Attribution.EXACT);
    assertThat(cell.attribution(60)).isEqualTo(Attribution.MISMATCH);
  }

  @Test
  void bracketedNumbersAreCountsOfNumberedStations() {
    StationCell cell = StationCell.parse("38 (8), 77 (7), 2 (2)", "Санкт-Петербург");

    assertThat(cell.mentions())
        .extracting(StationMention::name, StationMention::count)
        .containsExactly(
            tuple("38", OptionalInt.of(8)),
            tuple("77", OptionalInt.of(7)),
            tuple("2", OptionalInt.of(2)));
    assertThat(cell.statedCount()).isEqualTo(17);
    assertThat(cell.attribution(19)).isEqualTo(Attribution.MISMATCH);
  }

  @Test
  void bracketedNotesAreKeptAndTheirVerdictCounts() {
    StationCell cell =
        StationCell.parse("10 (30), 24 (15), 32, 75 (15) [не сходится]", "Санкт-Петербург");

    assertThat(cell.notes()).containsExactly("не сходится");
    assertThat(cell.mentions())
        .extracting(StationMention::name)
        .containsExactly("10", "24", "32", "75");
    assertThat(cell.attribution(60)).isEqualTo(Attribution.MISMATCH);
  }

  @Test
  void missingCountsWithinTheTotalLeaveTheSplitOpen() {
    StationCell cell =
        StationCell.parse("45 (5), 32,10 [окончательно не ясно, сколько где]", "Санкт-Петербург");

    assertThat(cell.mentions()).extracting(StationMention::name).containsExactly("45", "32", "10");
    assertThat(cell.attribution(24)).isEqualTo(Attribution.UNSPLIT);
  }

  @Test
  void lineBreaksSeparateStationsAndStraySpacesGo() {
    StationCell cell =
        StationCell.parse(" ОВД Китай-город\nОВД Якиманка \nОВД Замоскворечье", "Москва");

    assertThat(cell.mentions())
        .extracting(StationMention::name)
        .containsExactly("ОВД Китай-город", "ОВД Якиманка", "ОВД Замоскворечье");
    assertThat(cell.attribution(5)).isEqualTo(Attribution.UNSPLIT);
  }

  @Test
  void aNamedDetaineeCountsAsOnePerson() {
    StationCell cell =
        StationCell.parse(
            "ОВД Пресненский - 14, ОВД Басманный - 13, Лимонов -ОВД Тверской", "Москва");

    assertThat(cell.mentions().get(2))
        .extracting(StationMention::name, StationMention::person, StationMention::count)
        .containsExactly("ОВД Тверской", "Лимонов", OptionalInt.of(1));
    assertThat(cell.attribution(28)).isEqualTo(Attribution.EXACT);
  }

  @Test
  void courtsVansAndProsecutorsAreNotStations() {
    assertThat(
            StationCell.parse("Тверской районный суд", "Москва").mentions().getFirst().nonStation())
        .isEqualTo(NonStationKind.COURT);
    assertThat(StationCell.parse("автозак??", "Москва").mentions().getFirst())
        .extracting(StationMention::name, StationMention::nonStation)
        .containsExactly("автозак", NonStationKind.POLICE_VAN);
    StationCell arzamas =
        StationCell.parse(
            "Арзамасская городская прокуратура; Управление внутренних дел г. Арзамаса, дежурная часть",
            "Нижний Новгород");
    assertThat(arzamas.mentions())
        .extracting(StationMention::name, StationMention::isStation)
        .containsExactly(
            tuple("Арзамасская городская прокуратура", false),
            tuple("Управление внутренних дел г. Арзамаса, дежурная часть", true));
  }

  @Test
  void aBracketedPlaceThatIsTheRegionOnlyRepeatsIt() {
    assertThat(
            StationCell.parse(
                    "ОП 5, ОП 7 (Нижний Новогород) [непонятно, сколько где]", "Нижний Новгород")
                .mentions())
        .extracting(StationMention::name)
        .containsExactly("ОП 5", "ОП 7");
    assertThat(StationCell.parse("ОП 2 (Дзержинск)", "Нижний Новгород").mentions())
        .extracting(StationMention::name)
        .containsExactly("ОП 2 (Дзержинск)");
  }

  @Test
  void anEmptyCellAttributesNothingAndOneStationTakesAll() {
    assertThat(StationCell.parse("  ", "Москва").attribution(3)).isEqualTo(Attribution.NONE);
    assertThat(StationCell.parse("ОВД Мещанское ", "Москва").attribution(9))
        .isEqualTo(Attribution.SINGLE);
    assertThat(StationCell.parse("ОВД Мещанское - 4", "Москва").attribution(9))
        .isEqualTo(Attribution.MISMATCH);
  }

  @Test
  void theRawCellIsKeptAsWritten() {
    String raw = "ОВД Таганский - 4, ОВД Арбат - 4, ОВД Замоскворечье -3,  ОВД Хамовники - 4.";
    StationCell cell = StationCell.parse(raw, "Москва");

    assertThat(cell.raw()).isEqualTo(raw);
    assertThat(cell.mentions())
        .extracting(StationMention::rawText)
        .contains("ОВД Замоскворечье -3");
  }
}
