package org.vigil.ovdinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.SharedData;
import org.vigil.ovdinfo.Tally.Group;

/**
 * Every figure OVD-Info published for 2013 (data README), computed from its table and rounded
 * half-up to the published precision. Semantics, as the figures require them:
 *
 * <ul>
 *   <li>"Moscow" is the region `Москва`, which includes the oblast (Селятино, Барвиха…);
 *   <li>kinds and subjects match exactly: `пикет` excludes `одиночный пикет`, rallies are `митинг`,
 *       events about political prisoners have the subject `политзеки`;
 *   <li>May–August are the months 5 to 8 of the event's date, inclusive;
 *   <li>shares of detentions are of Moscow's 1462 (the report's 1463 is its own slip).
 * </ul>
 */
class TallyTest {
  private static final String MOSCOW = "Москва";
  private static List<EventRow> events;
  private static List<EventRow> moscow;
  private static Group moscowTotal;

  @BeforeAll
  static void importTable() throws Exception {
    InMemoryEvents sink = new InMemoryEvents();
    try (var reader = java.nio.file.Files.newBufferedReader(SharedData.detentions2013())) {
      ImportSummary summary = OvdInfoImport.run(reader, null, sink, rows -> {}, 100);
      assertThat(summary.rejected()).isEmpty();
    }
    events = sink.events();
    moscow = events.stream().filter(e -> e.region().equals(MOSCOW)).toList();
    moscowTotal = Tally.total(moscow);
  }

  private static Map<List<String>, Group> moscowBy(Dimension dimension) {
    return Tally.by(moscow, dimension);
  }

  private static Group moscowWhere(Predicate<EventRow> condition) {
    return Tally.total(moscow.stream().filter(condition).toList());
  }

  @Test
  void eventsAndDetentionsByRegion() {
    Map<List<String>, Group> byRegion = Tally.by(events, Dimension.REGION);

    assertThat(byRegion.get(List.of(MOSCOW))).isEqualTo(new Group(169, 1462));
    assertThat(byRegion.get(List.of("Санкт-Петербург"))).isEqualTo(new Group(42, 461));
    assertThat(byRegion.get(List.of("Нижний Новгород"))).isEqualTo(new Group(19, 81));
    assertThat(byRegion.get(List.of("Воронеж"))).isEqualTo(new Group(5, 33));
    assertThat(byRegion).hasSize(4);
  }

  @Test
  void moscowMeanDetentionsPerEvent() {
    assertThat(moscowTotal.meanDetentions(1)).isEqualByComparingTo("8.7");
  }

  @Test
  void moscowShareOfDetentionsInMayToAugust() {
    long mayToAugust =
        moscowBy(Dimension.MONTH).entrySet().stream()
            .filter(e -> e.getKey().getFirst().compareTo("2013-05") >= 0)
            .filter(e -> e.getKey().getFirst().compareTo("2013-08") <= 0)
            .mapToLong(e -> e.getValue().detentions())
            .sum();

    assertThat(Tally.percent(mayToAugust, moscowTotal.detentions(), 0)).isEqualByComparingTo("52");
  }

  @Test
  void moscowAuthorisedAndUnauthorisedEvents() {
    Map<List<String>, Group> byAgreement = moscowBy(Dimension.AGREEMENT);
    Group authorised = byAgreement.get(List.of(Agreement.AUTHORISED.name()));
    Group unauthorised = byAgreement.get(List.of(Agreement.UNAUTHORISED.name()));

    assertThat(authorised).isEqualTo(new Group(8, 46));
    assertThat(authorised.meanDetentions(1)).isEqualByComparingTo("5.8");
    assertThat(unauthorised.meanDetentions(1)).isEqualByComparingTo("8.8");
  }

  @Test
  void moscowSharesOfActionsAndPickets() {
    Map<List<String>, Group> byKind = moscowBy(Dimension.EVENT_TYPE);
    Group actions = byKind.get(List.of("акция"));
    Group pickets = byKind.get(List.of("пикет"));

    assertThat(Tally.percent(actions.events(), moscowTotal.events(), 0)).isEqualByComparingTo("29");
    assertThat(Tally.percent(actions.detentions(), moscowTotal.detentions(), 1))
        .isEqualByComparingTo("20.8");
    assertThat(Tally.percent(pickets.events(), moscowTotal.events(), 1))
        .isEqualByComparingTo("22.5");
    assertThat(Tally.percent(pickets.detentions(), moscowTotal.detentions(), 1))
        .isEqualByComparingTo("21.4");
  }

  @Test
  void moscowRallies() {
    Group rallies = moscowBy(Dimension.EVENT_TYPE).get(List.of("митинг"));

    assertThat(rallies.events()).isEqualTo(15);
    assertThat(rallies.meanDetentions(1)).isEqualByComparingTo("32.9");
  }

  @Test
  void moscowDetentionsAtEventsAboutPoliticalPrisoners() {
    assertThat(moscowBy(Dimension.SUBJECT).get(List.of("политзеки")).detentions()).isEqualTo(559);
    assertThat(moscowWhere(e -> "политзеки".equals(e.subject())).detentions()).isEqualTo(559);
  }

  @Test
  void petersburgRallies() {
    Group rallies =
        Tally.by(events, Dimension.REGION, Dimension.EVENT_TYPE)
            .get(List.of("Санкт-Петербург", "митинг"));

    assertThat(rallies).isEqualTo(new Group(13, 219));
  }

  @Test
  void theTableSumsToOneLessThanTheReportSays() {
    assertThat(moscowTotal.detentions()).isEqualTo(1462);
  }

  @Test
  void groupsOfEveryDimensionAddUpToTheWhole() {
    Group whole = Tally.total(events);
    assertThat(whole).isEqualTo(new Group(235, 2037));
    for (Dimension dimension : Dimension.values()) {
      Group sum =
          Tally.by(events, dimension).values().stream()
              .reduce(
                  new Group(0, 0),
                  (a, b) -> new Group(a.events() + b.events(), a.detentions() + b.detentions()));
      assertThat(sum).as(dimension.name()).isEqualTo(whole);
    }
    assertThat(Tally.by(events, Dimension.CITY)).containsOnlyKeys(List.of(Dimension.NOT_STATED));
    assertThat(Tally.by(events, Dimension.EVENT)).hasSize(235);
    assertThat(Tally.by(events, Dimension.YEAR)).containsOnlyKeys(List.of("2013"));
    assertThat(Tally.by(events, Dimension.DAY).get(List.of("2013-01-12")).events()).isEqualTo(2);
  }

  @Test
  void roundingIsHalfUp() {
    assertThat(new Group(8, 46).meanDetentions(1)).isEqualTo(new BigDecimal("5.8"));
    assertThat(Tally.percent(1, 8, 1)).isEqualTo(new BigDecimal("12.5"));
    assertThat(Tally.percent(1, 8, 0)).isEqualTo(new BigDecimal("13"));
  }
}
