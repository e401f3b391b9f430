package org.vigil.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gazetteer against the table the build made from GeoNames: the names reports use resolve to
 * the right GeoNames id, and whatever is not one place resolves to nothing, without throwing.
 */
class GazetteerTest {
  private static final String MOSCOW = "524901";
  private static final String SAINT_PETERSBURG = "498817";
  private static final String YEKATERINBURG = "1486209";
  private static final String NIZHNY_NOVGOROD = "520555";
  private static final String YAKUTSK = "2013159";
  private static final String OKTYABRSKY_BASHKORTOSTAN = "515879";

  private final Gazetteer places = Gazetteer.russia();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Москва",
        "г. Москва",
        "г.Москва",
        "город Москва",
        "Москва г.",
        "Moscow",
        "city of Moscow",
        "Moskva",
        "МОСКВА",
        "москва",
        "Мск",
        "Москва, Россия",
        "Moscow, Russia"
      })
  void moscowInTheFormsReportsUse(String city) {
    assertThat(id(places.resolve(city))).isEqualTo(MOSCOW);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "МОСКВА\u200b", // zero-width space
        "\uFEFFМосква", // byte order mark
        "Мос\u00ADква", // soft hyphen
        "\u200Fмосква\u200E", // right-to-left and left-to-right marks
        "\u2066Москва\u2069", // bidi isolates
        "Моск\u200Dва", // zero-width joiner
        "Москва́", // a stress mark
        "  Москва \t\n",
        "Ｍｏｓｃｏｗ", // full-width letters
        "\u00A0Москва\u202F" // no-break spaces
      })
  void invisibleCharactersAndCaseAreNoise(String city) {
    assertThat(id(places.resolve(city))).isEqualTo(MOSCOW);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Санкт-Петербург",
        "Санкт–Петербург", // en dash
        "Санкт\u2011Петербург", // non-breaking hyphen
        "Санкт Петербург",
        "СПб",
        "спб",
        "Питер",
        "Петербург",
        "С.-Петербург",
        "г. Санкт-Петербург",
        "St Petersburg",
        "St. Petersburg",
        "Saint-Petersburg",
        "Saint Petersburg",
        "Sankt-Peterburg",
        "SPb",
        "Ленинград"
      })
  void saintPetersburg(String city) {
    assertThat(id(places.resolve(city))).isEqualTo(SAINT_PETERSBURG);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Екб|" + YEKATERINBURG,
        "Екатеринбург|" + YEKATERINBURG,
        "Yekaterinburg|" + YEKATERINBURG,
        "Ekaterinburg|" + YEKATERINBURG,
        "Jekaterinburg|" + YEKATERINBURG,
        "Нижний Новгород|" + NIZHNY_NOVGOROD,
        "Н. Новгород|" + NIZHNY_NOVGOROD,
        "Н.Новгород|" + NIZHNY_NOVGOROD,
        "Nizhny Novgorod|" + NIZHNY_NOVGOROD,
        "Nizhniy Novgorod|" + NIZHNY_NOVGOROD,
        "Nizhnij Novgorod|" + NIZHNY_NOVGOROD,
        "Nizhnii Novgorod|" + NIZHNY_NOVGOROD,
        "Nižnij Novgorod|" + NIZHNY_NOVGOROD,
        "N. Novgorod|" + NIZHNY_NOVGOROD,
        "Якутск|" + YAKUTSK,
        "Yakutsk|" + YAKUTSK,
        "Iakutsk|" + YAKUTSK,
        "Орёл|515012",
        "Орел|515012",
        "Oryol|515012",
        "Orel|515012",
        "Tver'|480060",
        "Tver|480060",
        "Тверь|480060",
        "Ростов-на-Дону|501175",
        "Rostov-on-Don|501175"
      })
  void namesAndRomanisations(String city, String id) {
    assertThat(id(places.resolve(city))).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Октябрьский", "Советский", "Первомайский", "Троицк", "Железногорск"})
  void aNameManyPlacesShareResolvesToNone(String city) {
    assertThat(places.resolve(city)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Башкортостан",
        "Республика Башкортостан",
        "Респ. Башкортостан",
        "Bashkortostan",
        "Republic of Bashkortostan",
        "Башкирия"
      })
  void aRegionSaysWhichOfTheNamesakes(String region) {
    assertThat(id(places.resolve("Октябрьский", region))).isEqualTo(OKTYABRSKY_BASHKORTOSTAN);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Троицк|Москва|481608",
        "Троицк|Челябинская обл.|1489246",
        "Троицк|Chelyabinsk Oblast|1489246",
        "Железногорск|Красноярский край|1538635",
        "Железногорск|Курская область|463343",
        "Химки|Московская обл.|550280",
        "Химки|Moscow Oblast|550280",
        "Химки|Moscow Region|550280",
        "Химки|Подмосковье|550280",
        "Зеленоград|Москва|463829",
        "Зеленоград|г. Москва|463829",
        "Москва|Москва|" + MOSCOW
      })
  void cityWithRegion(String city, String region, String id) {
    assertThat(id(places.resolve(city, region))).isEqualTo(id);
  }

  @Test
  void theRegionMayFollowTheCityAfterAComma() {
    assertThat(id(places.resolve("Октябрьский, Башкортостан"))).isEqualTo(OKTYABRSKY_BASHKORTOSTAN);
    assertThat(id(places.resolve("Октябрьский, Республика Башкортостан, Россия")))
        .isEqualTo(OKTYABRSKY_BASHKORTOSTAN);
  }

  @Test
  void aRegionThatContradictsTheCityLeavesItUnresolved() {
    assertThat(places.resolve("Химки", "Москва")).isEmpty(); // Khimki is in Moscow Oblast
    assertThat(places.resolve("Москва", "Новосибирская область")).isEmpty();
    assertThat(places.resolve("Октябрьский, Башкортостан", "Пермский край")).isEmpty();
  }

  @Test
  void aRegionThatDoesNotResolveIsIgnoredAndABlankOneIsNone() {
    assertThat(id(places.resolve("Москва", "ул. Тверская 13"))).isEqualTo(MOSCOW);
    assertThat(id(places.resolve("Москва", " "))).isEqualTo(MOSCOW);
    assertThat(id(places.resolve("Москва", null))).isEqualTo(MOSCOW);
    assertThat(places.resolve("Октябрьский", "нет такого края")).isEmpty();
  }

  @Test
  void aPlacesOwnNameOutweighsAnotherPlacesFormerName() {
    // Kuybyshev is a town in Novosibirsk Oblast; Samara was called Kuybyshev until 1991.
    assertThat(id(places.resolve("Куйбышев"))).isEqualTo("1501141");
    assertThat(id(places.resolve("Куйбышев", "Самарская область"))).isEqualTo("499099");
    // A curated alias outweighs a place's own name: "Ростов" is Rostov-on-Don unless the region
    // says it is Rostov in Yaroslavl Oblast.
    assertThat(id(places.resolve("Ростов"))).isEqualTo("501175");
    assertThat(id(places.resolve("Ростов", "Ярославская обл."))).isEqualTo("501183");
  }

  @Test
  void aFarMorePopulousNamesakeIsTheOneMeant() {
    // Pushkino in Moscow Oblast (about 100,000 people) against villages of a few hundred.
    Place pushkino = places.resolve("Пушкино").orElseThrow();
    assertThat(pushkino.regionRu()).isEqualTo("Московская область");
    assertThat(pushkino.population()).isGreaterThan(50_000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Москва, ул. Тверская 13, Иванов",
        "Москва ул. Тверская 13 Иванов",
        "Москва, ул. Тверская 13",
        "ул. Тверская, 13",
        "Иванов Иван Иванович",
        "Москва Иванов",
        "Петров",
        "",
        " ",
        "\t\n",
        "\u200B\u200B",
        "\uFEFF",
        ".",
        "—",
        "!!!",
        "?",
        "г.",
        "город",
        "asdfgh",
        "qwertyuiop",
        "Моксва",
        "=HYPERLINK(\"http://example.org\",\"Москва\")",
        "<script>alert(1)</script>",
        "🙂",
        "\uD800",
        "Москва1",
        "LED",
        "MOW"
      })
  void whatIsNotOnePlaceResolvesToNone(String city) {
    assertThat(places.resolve(city)).isEmpty();
    assertThat(places.resolve(city, city)).isEmpty();
  }

  @Test
  void hugeAndNullInputResolveToNoneWithoutThrowing() {
    String huge = "Москва ".repeat(1_500);
    assertThat(places.resolve("a".repeat(10_000))).isEmpty();
    assertThat(places.resolve(huge)).isEmpty();
    assertThat(id(places.resolve("Москва", huge))).isEqualTo(MOSCOW);
    assertThat(places.resolve(null)).isEmpty();
    assertThat(places.resolve(null, "Москва")).isEmpty();
    assertThat(places.find(null)).isEmpty();
  }

  @Test
  void findByGeoNamesId() {
    Place moscow = places.find(MOSCOW).orElseThrow();
    assertThat(moscow.nameRu()).isEqualTo("Москва");
    assertThat(moscow.nameEn()).isEqualTo("Moscow");
    assertThat(moscow.regionRu()).isEqualTo("Москва");
    assertThat(moscow.regionEn()).isEqualTo("Moscow");
    assertThat(moscow.latitude()).isBetween(55.7, 55.8);
    assertThat(moscow.longitude()).isBetween(37.5, 37.7);
    assertThat(moscow.population()).isGreaterThan(10_000_000);
    Place spb = places.find(SAINT_PETERSBURG).orElseThrow();
    assertThat(spb.nameRu()).isEqualTo("Санкт-Петербург");
    assertThat(spb.regionEn()).isEqualTo("Saint Petersburg");
    assertThat(places.find("0")).isEmpty();
    assertThat(places.find("Москва")).isEmpty();
  }

  @Test
  void theTableLoadsInBoundedTimeWithThousandsOfPlaces() {
    long start = System.nanoTime();
    Gazetteer table = Gazetteer.load();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    // GeoNames' cities500 has about 5,000 settlements in Russia, Moscow's districts left out.
    assertThat(table.size()).isBetween(4_000, 6_000);
    assertThat(took).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void districtsOfACityAreNotPlacesOfTheirOwn() {
    // Mar'ino is a district of Moscow (GeoNames PPLX 529237), not a settlement.
    assertThat(places.find("529237")).isEmpty();
  }

  @Test
  void everyPlaceResolvesByItsOwnNameInItsRegionToItselfOrANamesakeThere() {
    List<Place> all = allPlaces();
    int itself = 0;
    for (Place place : all) {
      Optional<Place> found = places.resolve(place.nameRu(), place.regionRu());
      if (found.isPresent()) {
        assertThat(found.get().regionRu()).isEqualTo(place.regionRu());
        assertThat(PlaceText.key(found.get().nameRu())).isEqualTo(PlaceText.key(place.nameRu()));
        if (found.get().equals(place)) itself++;
      }
    }
    // The rest share their name with another place of their region (GeoNames' own duplicates
    // among them): about one place in seventy.
    assertThat(itself).isGreaterThan(all.size() * 97 / 100);
  }

  @Test
  void everyCuratedAliasResolvesToItsPlace() throws IOException {
    for (String[] alias : tsv("aliases.tsv")) {
      assertThat(id(places.resolve(alias[0]))).as(alias[0]).isEqualTo(alias[1]);
    }
  }

  @Test
  void everyFederalSubjectResolvesByEachOfItsNames() throws IOException {
    List<String[]> regions = tsv("regions.tsv");
    assertThat(regions).hasSize(83);
    for (String[] region : regions) {
      List<String> names = new ArrayList<>(List.of(region[1], region[2]));
      if (region.length > 3 && !region[3].isBlank()) names.addAll(List.of(region[3].split(",")));
      for (String name : names) assertThat(places.region(name)).as(name).contains(region[1]);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Москва|Москва",
        "г. Москва|Москва",
        "Московская обл.|Московская область",
        "Московская обл|Московская область",
        "Московская|Московская область",
        "Moscow Oblast|Московская область",
        "Moscow Region|Московская область",
        "Moscow|Москва",
        "Bashkortostan|Республика Башкортостан",
        "Rep. Bashkortostan|Республика Башкортостан",
        "Свердловская обл.|Свердловская область",
        "Sverdlovskaya oblast|Свердловская область",
        "Краснодарский кр.|Краснодарский край",
        "ХМАО|Ханты-Мансийский автономный округ — Югра",
        "Ханты-Мансийский АО|Ханты-Мансийский автономный округ — Югра",
        "Якутия|Республика Саха (Якутия)",
        "Чувашия|Чувашская Республика",
        "Удмуртская респ.|Удмуртская Республика"
      })
  void regionsInTheFormsReportsUse(String text, String region) {
    assertThat(places.region(text)).contains(region);
  }

  @Test
  void placesAreResolvedConcurrently() {
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      for (int i = 0; i < 2_000; i++) {
                        assertThat(id(Gazetteer.russia().resolve("Питер")))
                            .isEqualTo(SAINT_PETERSBURG);
                      }
                    } catch (Throwable e) {
                      failures.add(e);
                    }
                  });
      threads.add(thread);
    }
    assertThatCode(
            () -> {
              for (Thread thread : threads) thread.join();
            })
        .doesNotThrowAnyException();
    assertThat(failures).isEmpty();
  }

  private List<Place> allPlaces() {
    List<Place> all = new ArrayList<>();
    try (var in = Gazetteer.class.getResourceAsStream(Gazetteer.TABLE)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("P\t")) all.add(places.find(line.split("\t")[1]).orElseThrow());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return all;
  }

  private static List<String[]> tsv(String name) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line :
        Files.readAllLines(Path.of("src/main/gazetteer", name), StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) rows.add(line.split("\t", -1));
    }
    return rows;
  }

  private static String id(Optional<Place> place) {
    return place.map(Place::id).orElse("(none)");
  }
}
