package org.vigil.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.tally.Dimension.AGREEMENT;
import static org.vigil.tally.Dimension.CITY;
import static org.vigil.tally.Dimension.DAY;
import static org.vigil.tally.Dimension.EVENT;
import static org.vigil.tally.Dimension.EVENT_TYPE;
import static org.vigil.tally.Dimension.MONTH;
import static org.vigil.tally.Dimension.POLICE_STATION;
import static org.vigil.tally.Dimension.REGION;
import static org.vigil.tally.Dimension.SUBJECT;
import static org.vigil.tally.Dimension.YEAR;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vigil.SharedData;
import org.vigil.testing.Imports;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;
import picocli.CommandLine;

/**
 * Every figure OVD-Info published for 2013 (data README), from its table imported by `vigil import
 * ovdinfo` and counted by the database, rounded half-up to the published precision. Semantics, as
 * the figures require them:
 *
 * <ul>
 *   <li>"Moscow" is the region `Москва`, which includes the oblast (Селятино, Барвиха…);
 *   <li>kinds and subjects match exactly: `пикет` excludes `одиночный пикет`, rallies are `митинг`,
 *       events about political prisoners have the subject `политзеки`;
 *   <li>May–August are the months 5 to 8 of the event's date, inclusive;
 *   <li>shares of detentions are of Moscow's 1462 (the report's 1463 is its own slip).
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TallyContract {
  private static final String MOSCOW = "Москва";
  private Path dir;
  private TestDatabase db;
  private TestVigil server;
  private Tallies tallies;

  abstract TestDatabase.Kind kind();

  @BeforeAll
  void importThe2013Table() throws Exception {
    dir = Files.createTempDirectory("vigil-tally");
    db = TestDatabase.create(kind(), dir);
    Imports.ovdinfo(
        db.url(), SharedData.detentions2013(), "--stations", SharedData.stations2013().toString());
    server = TestVigil.start(db, dir.resolve("keyset.json"));
    tallies = new Tallies(server.vigil().database().jdbi());
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) server.close();
    if (db != null) db.close();
  }

  /** Groups by their values joined with `/`, events and detentions only. */
  private Map<String, List<Long>> by(TallyQuery query) {
    return tallies.tally(query).stream()
        .collect(
            Collectors.toMap(
                g -> g.values().stream().map(String::valueOf).collect(Collectors.joining("/")),
                g -> List.of(g.events(), g.detentions())));
  }

  private Map<String, List<Long>> moscowBy(Dimension dimension) {
    return by(TallyQuery.of(dimension).in(MOSCOW));
  }

  private Group moscowTotal() {
    return tallies.tally(TallyQuery.of().in(MOSCOW)).getFirst();
  }

  private static BigDecimal ratio(long numerator, long denominator, int decimals) {
    return BigDecimal.valueOf(numerator)
        .divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_UP);
  }

  private static BigDecimal percent(long part, long whole, int decimals) {
    return ratio(part * 100, whole, decimals);
  }

  @Test
  void eventsAndDetentionsByRegion() {
    assertThat(by(TallyQuery.of(REGION)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                MOSCOW,
                List.of(169L, 1462L),
                "Санкт-Петербург",
                List.of(42L, 461L),
                "Нижний Новгород",
                List.of(19L, 81L),
                "Воронеж",
                List.of(5L, 33L)));
  }

  @Test
  void moscowMeanDetentionsPerEvent() {
    Group moscow = moscowTotal();
    assertThat(ratio(moscow.detentions(), moscow.events(), 1)).isEqualByComparingTo("8.7");
  }

  @Test
  void moscowShareOfDetentionsInMayToAugust() {
    long mayToAugust =
        moscowBy(MONTH).entrySet().stream()
            .filter(e -> e.getKey().compareTo("2013-05") >= 0)
            .filter(e -> e.getKey().compareTo("2013-08") <= 0)
            .mapToLong(e -> e.getValue().get(1))
            .sum();
    var filtered =
        tallies
            .tally(TallyQuery.parse("", "2013-05-01", "2013-08-31", MOSCOW))
            .getFirst()
            .detentions();

    assertThat(filtered).isEqualTo(mayToAugust);
    assertThat(percent(mayToAugust, moscowTotal().detentions(), 0)).isEqualByComparingTo("52");
  }

  @Test
  void moscowAuthorisedAndUnauthorisedEvents() {
    Map<String, List<Long>> byAgreement = moscowBy(AGREEMENT);
    List<Long> authorised = byAgreement.get("AUTHORISED");
    List<Long> unauthorised = byAgreement.get("UNAUTHORISED");

    assertThat(authorised).containsExactly(8L, 46L);
    assertThat(ratio(authorised.get(1), authorised.get(0), 1)).isEqualByComparingTo("5.8");
    assertThat(ratio(unauthorised.get(1), unauthorised.get(0), 1)).isEqualByComparingTo("8.8");
  }

  @Test
  void moscowSharesOfActionsAndPickets() {
    Map<String, List<Long>> byKind = moscowBy(EVENT_TYPE);
    Group moscow = moscowTotal();
    List<Long> actions = byKind.get("акция");
    List<Long> pickets = byKind.get("пикет");

    assertThat(percent(actions.get(0), moscow.events(), 0)).isEqualByComparingTo("29");
    assertThat(percent(actions.get(1), moscow.detentions(), 1)).isEqualByComparingTo("20.8");
    assertThat(percent(pickets.get(0), moscow.events(), 1)).isEqualByComparingTo("22.5");
    assertThat(percent(pickets.get(1), moscow.detentions(), 1)).isEqualByComparingTo("21.4");
  }

  @Test
  void moscowRallies() {
    List<Long> rallies = moscowBy(EVENT_TYPE).get("митинг");

    assertThat(rallies.get(0)).isEqualTo(15);
    assertThat(ratio(rallies.get(1), rallies.get(0), 1)).isEqualByComparingTo("32.9");
  }

  @Test
  void moscowDetentionsAtEventsAboutPoliticalPrisoners() {
    assertThat(moscowBy(SUBJECT).get("политзеки").get(1)).isEqualTo(559);
  }

  @Test
  void petersburgRallies() {
    assertThat(by(TallyQuery.of(REGION, EVENT_TYPE)).get("Санкт-Петербург/митинг"))
        .containsExactly(13L, 219L);
  }

  @Test
  void theTableSumsToOneLessThanTheReportSays() {
    assertThat(moscowTotal().detentions()).isEqualTo(1462);
  }

  @Test
  void groupsOfEveryEventDimensionAddUpToTheWhole() {
    Group whole = tallies.tally(TallyQuery.of()).getFirst();
    assertThat(List.of(whole.events(), whole.detentions())).containsExactly(235L, 2037L);
    for (Dimension dimension : Dimension.values()) {
      if (dimension == POLICE_STATION) {
        continue; // one event may name several stations, another none
      }
      List<Group> groups = tallies.tally(TallyQuery.of(dimension));
      assertThat(groups.stream().mapToLong(Group::events).sum())
          .as(dimension.code())
          .isEqualTo(235);
      assertThat(groups.stream().mapToLong(Group::detentions).sum())
          .as(dimension.code())
          .isEqualTo(2037);
    }
    assertThat(by(TallyQuery.of(CITY)).keySet())
        .containsExactlyInAnyOrder(MOSCOW, "Санкт-Петербург", "Нижний Новгород", "Воронеж");
    assertThat(by(TallyQuery.of(EVENT))).hasSize(235);
    assertThat(by(TallyQuery.of(YEAR))).containsOnlyKeys("2013");
    assertThat(by(TallyQuery.of(DAY)).get("2013-01-12").get(0)).isEqualTo(2);
  }

  @Test
  void policeStationsGroupTheCountsTheCellsGiveThem() {
    Map<String, List<Long>> byName =
        tallies.tally(TallyQuery.of(POLICE_STATION).in(MOSCOW)).stream()
            .collect(
                Collectors.toMap(
                    g -> g.labels().getFirst(), g -> List.of(g.events(), g.detentions())));

    // single-station totals agree with OVD-Info's layer (data README)
    assertThat(byName.get("ОВД Мещанский").get(1)).isEqualTo(88);
    assertThat(byName.get("ОВД Сокольники").get(1)).isEqualTo(21);
  }

  @Test
  void theApiAnswersTalliesAndNamesAWrongParameter() {
    Response ok = server.get("/api/tally?by=region,event_type&region=Санкт-Петербург", null);
    Response unknown = server.get("/api/tally?by=region,colour", null);
    Response badDate = server.get("/api/tally?by=region&from=2013-13-01", null);
    Response backwards = server.get("/api/tally?from=2013-05-01&to=2013-04-01", null);

    assertThat(ok.status()).isEqualTo(200);
    var rally =
        Arrays.stream(ok.json().get("groups").toString().split("\\},\\{"))
            .filter(g -> g.contains("\"митинг\""))
            .findFirst()
            .orElseThrow();
    assertThat(rally)
        .contains("\"events\":13")
        .contains("\"named\":0")
        .contains("\"unnamed\":219")
        .contains("\"detentions\":219");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body()).contains("\"by\"").contains("unknown dimension 'colour'");
    assertThat(badDate.status()).isEqualTo(422);
    assertThat(badDate.body()).contains("\"from\"").contains("not a date: '2013-13-01'");
    assertThat(backwards.status()).isEqualTo(422);
    assertThat(backwards.body()).contains("\"to\"");
  }

  @Test
  void theCommandPrintsCsvTablesAndJsonAndNamesAWrongOption() {
    String csv = tallyCommand(0, "--by", "region", "--region", "Воронеж", "--format", "csv");
    String table = tallyCommand(0, "--by", "agreement", "--region", "Воронеж");
    String json = tallyCommand(0, "--by", "year", "--format", "json");
    String wrong = tallyCommand(2, "--by", "region,colour");

    assertThat(csv).isEqualTo("region,events,named,unnamed,detentions\r\nВоронеж,5,0,33,33\r\n");
    assertThat(table.lines().findFirst().orElseThrow())
        .matches("agreement +events +named +unnamed +detentions");
    assertThat(json).contains("\"year\" : \"2013\"").contains("\"detentions\" : 2037");
    assertThat(wrong).contains("--by unknown dimension 'colour'");
  }

  /** Runs `vigil tally` on this database; its output and errors, after checking its status. */
  private String tallyCommand(int status, String... args) {
    StringWriter out = new StringWriter();
    String[] all =
        Stream.concat(Stream.of(args), Stream.of("--db", db.url())).toArray(String[]::new);
    int exit =
        new CommandLine(new TallyCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(out))
            .execute(all);
    assertThat(exit).as(out.toString()).isEqualTo(status);
    return out.toString();
  }
}
