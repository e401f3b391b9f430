package org.vigil.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resolves the city a reporter typed to one populated place of Russia from GeoNames, or says it
 * cannot: junk, an address, a person's name, and a name that several places share with none of them
 * the one meant all come back empty, for a coordinator to place.
 *
 * <pre>{@code
 * Gazetteer places = Gazetteer.russia();
 * places.resolve("г. Москва");                 // Москва, 524901
 * places.resolve("Питер");                     // Санкт-Петербург, 498817
 * places.resolve("Октябрьский");               // empty: dozens of places have this name
 * places.resolve("Октябрьский", "Башкирия");   // Октябрьский, Республика Башкортостан
 * places.resolve("Москва, ул. Тверская 13");   // empty: an address is not a place
 * }</pre>
 *
 * <p><b>How a text is matched.</b> The text is reduced to a key ({@link PlaceText#key}: case,
 * invisible characters, ё, punctuation and hyphen variants folded) and looked up tier by tier
 * ({@link Tier}): Vigil's curated aliases, the places' own names (Russian, GeoNames' name, their
 * BGN/PCGN romanisations), their other names in GeoNames (former, foreign and inflected), and a
 * looser key of Latin text ({@link PlaceText#loose}) that lets romanisations meet. In each tier the
 * key is tried as written and then without a settlement type word ("г.", "пос.", "city of"); the
 * first tier with any place (in the region, when one is given) decides. A name is matched whole or
 * not at all: no prefix, substring or nearest-name matching, so an address or a misspelling
 * resolves to nothing rather than to something wrong.
 *
 * <p><b>Namesakes.</b> Of the places a tier finds, one is chosen only if it is the only one, or if
 * it has at least {@value #DOMINANCE} times as many people as all the others together: were reports
 * to come from places in proportion to their people, that place is then the right one at least
 * {@value #DOMINANCE} times in {@value #DOMINANCE_PLUS_ONE}. Otherwise the name is ambiguous and
 * resolves to nothing unless a region narrows it. "Москва" is Moscow (the villages named Москва are
 * tiny); "Кировск" or "Октябрьский" without a region stay unresolved.
 *
 * <p><b>Regions</b> resolve the same way, against the 83 federal subjects GeoNames puts in Russia
 * (full names, abbreviations such as "Московская обл.", English names, everyday names such as
 * "Башкирия"). A region that resolves confines the city to it; one that does not resolve is
 * ignored, since it is no reason to doubt the city. The city field may also carry the region or the
 * country after a comma ("Кировск, Мурманская обл.", "Москва, Россия").
 *
 * <p>The table is generated at build time by {@link TableBuilder} from GeoNames data (CC BY 4.0:
 * credit GeoNames wherever places are published; see {@code docs/places.md}). Instances are
 * immutable and safe to share between threads.
 */
public final class Gazetteer {
  static final int DOMINANCE = 10;
  private static final int DOMINANCE_PLUS_ONE = DOMINANCE + 1;

  static final String TABLE = "russia.tsv";

  /** What a decision over the candidates of one tier came to, besides a place's index. */
  private static final int NO_CANDIDATE = -1;

  private static final int AMBIGUOUS = -2;

  private static final Set<String> COUNTRY =
      Set.of("россия", "russia", "рф", "российская федерация", "russian federation");

  private final Place[] places;
  private final String[] regionNames;
  private final int[] regionOfPlace;
  private final Map<String, Integer> placeById;
  private final Map<Tier, Map<String, int[]>> placeKeys;
  private final Map<Tier, Map<String, int[]>> regionKeys;

  private Gazetteer(
      Place[] places,
      String[] regionNames,
      int[] regionOfPlace,
      Map<String, Integer> placeById,
      Map<Tier, Map<String, int[]>> placeKeys,
      Map<Tier, Map<String, int[]>> regionKeys) {
    this.places = places;
    this.regionNames = regionNames;
    this.regionOfPlace = regionOfPlace;
    this.placeById = placeById;
    this.placeKeys = placeKeys;
    this.regionKeys = regionKeys;
  }

  private static final class Russia {
    static final Gazetteer TABLE = load();
  }

  /** The table built into Vigil, loaded on first use (under a second on a warm JVM) and kept. */
  public static Gazetteer russia() {
    return Russia.TABLE;
  }

  /** The place a city's free text names, or empty when it names none or more than one. */
  public Optional<Place> resolve(String city) {
    return resolve(city, null);
  }

  /**
   * The place a city's free text names within the region's free text, or empty when it names none
   * or more than one there. A region that does not resolve is ignored; a blank or null one is no
   * region.
   */
  public Optional<Place> resolve(String city, String region) {
    if (city == null || city.length() > PlaceText.MAX_INPUT) return Optional.empty();
    int regionIndex = NO_CANDIDATE;
    if (region != null && region.length() <= PlaceText.MAX_INPUT) {
      regionIndex = regionIndex(PlaceText.key(region));
    }
    int found = placeIndex(PlaceText.key(city), regionIndex);
    if (found == NO_CANDIDATE && city.indexOf(',') >= 0)
      found = withRegionAfterComma(city, regionIndex);
    return found >= 0 ? Optional.of(places[found]) : Optional.empty();
  }

  /**
   * The places whose names begin with what has been typed so far, in Cyrillic or Latin ("Моск",
   * "mosk", "Nizhny Nov"), most populous first, at most {@code limit}: for completing a city as an
   * operator types it. Matching is by the start of a place's own names and Vigil's aliases (and,
   * for Latin, of their loose keys), never of its other names, so foreign and former names do not
   * crowd out the place meant.
   */
  public List<Place> suggest(String typed, int limit) {
    if (typed == null || typed.length() > PlaceText.MAX_INPUT || limit < 1) return List.of();
    String key = PlaceText.key(typed);
    if (key.isEmpty()) return List.of();
    Prefixes index = prefixes();
    Set<Integer> found = new HashSet<>();
    index.exact().collect(key, found);
    String loose = PlaceText.loose(key);
    if (!loose.isEmpty()) index.loose().collect(loose, found);
    return found.stream()
        .sorted(
            Comparator.comparingLong((Integer i) -> places[i].population())
                .reversed()
                .thenComparing(i -> places[i].id()))
        .limit(limit)
        .map(i -> places[i])
        .toList();
  }

  /**
   * What an operator's city field should say for this place so that it resolves back to it: the
   * bare name, or the name with its region where other places share the name.
   */
  public String unambiguousName(Place place) {
    if (resolve(place.nameRu()).filter(place::equals).isPresent()) return place.nameRu();
    return place.nameRu() + ", " + place.regionRu();
  }

  private volatile Prefixes prefixes;

  private Prefixes prefixes() {
    Prefixes built = prefixes;
    if (built == null) {
      built =
          new Prefixes(
              SortedKeys.of(placeKeys.get(Tier.ALIAS), placeKeys.get(Tier.OWN)),
              SortedKeys.of(placeKeys.get(Tier.LOOSE)));
      prefixes = built;
    }
    return built;
  }

  /** The keys of the suggesting tiers in sorted order, built on the first suggestion. */
  private record Prefixes(SortedKeys exact, SortedKeys loose) {}

  /** Keys sorted, each with its place, so the keys with a prefix are one run found by search. */
  private record SortedKeys(String[] keys, int[] placeOfKey) {
    @SafeVarargs
    static SortedKeys of(Map<String, int[]>... tiers) {
      TreeMap<String, List<Integer>> sorted = new TreeMap<>();
      for (Map<String, int[]> tier : tiers) {
        tier.forEach(
            (k, ps) -> {
              for (int p : ps) sorted.computeIfAbsent(k, x -> new ArrayList<>()).add(p);
            });
      }
      List<String> keys = new ArrayList<>();
      List<Integer> owners = new ArrayList<>();
      sorted.forEach(
          (k, ps) ->
              ps.forEach(
                  p -> {
                    keys.add(k);
                    owners.add(p);
                  }));
      return new SortedKeys(
          keys.toArray(String[]::new), owners.stream().mapToInt(Integer::intValue).toArray());
    }

    void collect(String prefix, Set<Integer> into) {
      int at = Arrays.binarySearch(keys, prefix);
      if (at < 0) at = -at - 1;
      while (at > 0 && keys[at - 1].equals(prefix)) at--;
      for (int i = at; i < keys.length && keys[i].startsWith(prefix); i++) into.add(placeOfKey[i]);
    }
  }

  /** The place with this GeoNames id, if the table has it. */
  public Optional<Place> find(String id) {
    Integer index = id == null ? null : placeById.get(id);
    return index == null ? Optional.empty() : Optional.of(places[index]);
  }

  /** The Russian name of the federal subject the text names, or empty. */
  Optional<String> region(String text) {
    int region =
        text.length() > PlaceText.MAX_INPUT ? NO_CANDIDATE : regionIndex(PlaceText.key(text));
    return region >= 0 ? Optional.of(regionNames[region]) : Optional.empty();
  }

  /** How many places the table holds. */
  int size() {
    return places.length;
  }

  /**
   * "Город, Регион", "Город, Россия" or "Город, Регион, Россия" in the city field: the part after
   * the first comma must be a region that resolves (and agrees with a region given apart), or the
   * country; anything else ("Москва, ул. Тверская 13") is not a place.
   */
  private int withRegionAfterComma(String city, int givenRegion) {
    List<String> parts = new ArrayList<>();
    for (String part : city.split(",", -1)) parts.add(PlaceText.key(part));
    if (parts.size() > 1 && COUNTRY.contains(parts.getLast())) parts.removeLast();
    if (parts.size() == 1) return placeIndex(parts.getFirst(), givenRegion);
    if (parts.size() != 2) return NO_CANDIDATE;
    int region = regionIndex(parts.get(1));
    if (region < 0 || givenRegion >= 0 && region != givenRegion) return NO_CANDIDATE;
    return placeIndex(parts.getFirst(), region);
  }

  private int placeIndex(String key, int region) {
    if (key.isEmpty()) return NO_CANDIDATE;
    String bare = PlaceText.withoutTypeWords(key);
    List<String> keys = bare.equals(key) ? List.of(key) : List.of(key, bare);
    for (Tier tier : Tier.values()) {
      for (String k : keys) {
        int decided = decide(placeKeys.get(tier).get(tier.loose ? PlaceText.loose(k) : k), region);
        if (decided != NO_CANDIDATE) return decided;
      }
    }
    return NO_CANDIDATE;
  }

  /** The one place among the candidates that the rule in the class comment picks. */
  private int decide(int[] candidates, int region) {
    if (candidates == null) return NO_CANDIDATE;
    int best = NO_CANDIDATE;
    int count = 0;
    long total = 0;
    for (int candidate : candidates) {
      if (region >= 0 && regionOfPlace[candidate] != region) continue;
      count++;
      total += places[candidate].population();
      if (best < 0 || places[candidate].population() > places[best].population()) best = candidate;
    }
    if (count <= 1) return best;
    long top = places[best].population();
    return top > 0 && top >= DOMINANCE * (total - top) ? best : AMBIGUOUS;
  }

  /** The region the key names, or {@link #NO_CANDIDATE} when none or more than one. */
  private int regionIndex(String key) {
    if (key.isEmpty()) return NO_CANDIDATE;
    String bare = PlaceText.withoutTypeWords(key);
    for (Tier tier : Tier.values()) {
      for (String k : bare.equals(key) ? List.of(key) : List.of(key, bare)) {
        int[] regions = regionKeys.get(tier).get(tier.loose ? PlaceText.loose(k) : k);
        if (regions != null) return regions.length == 1 ? regions[0] : NO_CANDIDATE;
      }
    }
    return NO_CANDIDATE;
  }

  static Gazetteer load() {
    try (InputStream in = Gazetteer.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException(
            "org/vigil/place/" + TABLE + " is missing: the Maven build makes it (TableBuilder)");
      }
      return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Gazetteer read(BufferedReader table) throws IOException {
    List<String[]> regionRows = new ArrayList<>();
    Map<String, Integer> regionByCode = new HashMap<>();
    List<Place> places = new ArrayList<>();
    List<Integer> regionOfPlace = new ArrayList<>();
    Map<String, Integer> placeById = new HashMap<>();
    Map<Tier, Map<String, int[]>> placeKeys = new EnumMap<>(Tier.class);
    Map<Tier, Map<String, int[]>> regionKeys = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      placeKeys.put(tier, new HashMap<>());
      regionKeys.put(tier, new HashMap<>());
    }
    for (String line = table.readLine(); line != null; line = table.readLine()) {
      if (line.startsWith("#")) continue;
      String[] f = line.split("\t", -1);
      switch (f[0]) {
        case "R" -> {
          regionByCode.put(f[1], regionRows.size());
          regionRows.add(f);
        }
        case "P" -> {
          int region = regionByCode.get(f[4]);
          String[] r = regionRows.get(region);
          placeById.put(f[1], places.size());
          regionOfPlace.add(region);
          places.add(
              new Place(
                  f[1],
                  f[2],
                  f[3],
                  r[2],
                  r[3],
                  Double.parseDouble(f[5]),
                  Double.parseDouble(f[6]),
                  Long.parseLong(f[7])));
        }
        case "K" -> placeKeys.get(Tier.valueOf(f[1])).put(f[2], indexes(f[3], placeById));
        case "G" -> regionKeys.get(Tier.valueOf(f[1])).put(f[2], indexes(f[3], regionByCode));
        default -> throw new IllegalStateException(TABLE + ": unknown line " + line);
      }
    }
    return new Gazetteer(
        places.toArray(Place[]::new),
        regionRows.stream().map(r -> r[2]).toArray(String[]::new),
        regionOfPlace.stream().mapToInt(Integer::intValue).toArray(),
        Map.copyOf(placeById),
        placeKeys,
        regionKeys);
  }

  private static int[] indexes(String ids, Map<String, Integer> index) {
    String[] split = ids.split(",");
    int[] indexes = new int[split.length];
    for (int i = 0; i < split.length; i++) indexes[i] = index.get(split[i]);
    return indexes;
  }
}
