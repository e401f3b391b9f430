package org.vigil.linkage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.vigil.place.Gazetteer;

/**
 * Comparable keys for cities and police stations as reports write them: "СПб", "Петербург" and "St
 * Petersburg" are one city; "ОВД Тверской", "ОМВД по Тверскому району" and "OVD Tverskoy" are one
 * police station.
 */
final class Places {
  /** A city with the variant names reports use for it, for the test data generator. */
  record City(String name, List<String> variants) {}

  private static final Pattern WORD_SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Words that say "police station" in its many forms, not which one. */
  private static final Set<String> STATION_WORDS =
      Stream.of(
              "ОВД",
              "ОМВД",
              "УМВД",
              "ГУВД",
              "МВД",
              "ОП",
              "отдел",
              "отделение",
              "полиции",
              "police",
              "station",
              "department",
              "dept",
              "по",
              "району",
              "района",
              "район",
              "district",
              "России",
              "Russia",
              "г",
              "города",
              "городу",
              "city",
              "of",
              "the",
              "no",
              "nomer")
          .map(PhoneticKey::of)
          .collect(Collectors.toUnmodifiableSet());

  /** Stations are named after districts, declined in Russian; the stem is what stays put. */
  private static final int STATION_STEM = 5;

  /** Few distinct places occur in many reports; each spelling is keyed once. */
  private static final Cache<String, String> KEYS =
      Caffeine.newBuilder().maximumSize(100_000).build();

  private static final List<City> CITIES = loadCities();
  private static final Set<String> KNOWN_CITY_KEYS = ConcurrentHashMap.newKeySet();
  private static final Map<String, String> CITY_BY_KEY = indexCities();

  private Places() {}

  static List<City> cities() {
    return CITIES;
  }

  /**
   * The canonical city for any of its spellings, or the folded spelling of a city that neither the
   * gazetteer nor Vigil's table recognises. The gazetteer knows the settlement type words ("г.
   * Москва"), GeoNames' foreign names ("Moscou", "Sankt Petersburg") and inflections, so reports
   * that name one city in different words get one key; such a key is {@linkplain #isKnownCity
   * known}.
   */
  static String cityKey(String city) {
    return KEYS.get("c" + city, k -> canonicalCity(city));
  }

  /**
   * Whether a city key names a city that was recognised, not merely folded. Only two recognised
   * cities are surely two places: two unrecognised spellings ("Moscou", "Мсква") may well be one.
   */
  static boolean isKnownCity(String key) {
    return KNOWN_CITY_KEYS.contains(key);
  }

  private static String canonicalCity(String city) {
    String key = foldWords(city);
    String listed = CITY_BY_KEY.get(key);
    if (listed != null) {
      return listed;
    }
    return Gazetteer.russia()
        .resolve(city)
        .map(
            place -> {
              String canonical = foldWords(place.nameRu());
              KNOWN_CITY_KEYS.add(canonical);
              return canonical;
            })
        .orElse(key);
  }

  /** The police station's district stem and number, in a fixed order, without generic words. */
  static String stationKey(String station) {
    return KEYS.get("s" + station, k -> stationParts(station));
  }

  private static String stationParts(String station) {
    Set<String> parts = new TreeSet<>();
    for (String word : WORD_SEPARATOR.split(PhoneticKey.joinWordParts(station.strip()))) {
      String key = word.chars().allMatch(Character::isDigit) ? word : PhoneticKey.of(word);
      if (!key.isEmpty() && !STATION_WORDS.contains(key)) {
        parts.add(key.length() > STATION_STEM ? key.substring(0, STATION_STEM) : key);
      }
    }
    return String.join(" ", parts);
  }

  private static String foldWords(String text) {
    StringBuilder key = new StringBuilder();
    for (String word : WORD_SEPARATOR.split(PhoneticKey.joinWordParts(text.strip()))) {
      key.append(PhoneticKey.of(word));
    }
    return key.toString();
  }

  private static Map<String, String> indexCities() {
    Map<String, String> byKey = new HashMap<>();
    for (City city : CITIES) {
      String canonical = foldWords(city.name());
      byKey.put(canonical, canonical);
      KNOWN_CITY_KEYS.add(canonical);
      city.variants().forEach(v -> byKey.put(foldWords(v), canonical));
    }
    return byKey;
  }

  private static List<City> loadCities() {
    List<City> cities = new ArrayList<>();
    try (InputStream in = Places.class.getResourceAsStream("cities.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] columns = line.split("\t", -1);
          cities.add(new City(columns[0], List.of(columns[1].split(","))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(cities);
  }
}
