package org.vigil.place;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds Vigil's compact table of Russia's places ({@code org/vigil/place/russia.tsv}) from the
 * GeoNames extracts in {@code src/main/gazetteer} and Vigil's own lists beside them; run by the
 * Maven build (exec-maven-plugin, phase process-classes), never by hand. All normalisation and
 * romanisation happens here, so loading the table at run time is only parsing. See {@code
 * docs/places.md} for what is taken from where.
 */
final class TableBuilder {
  /**
   * GeoNames feature codes that are not settlements of their own: sections of a city (Moscow's
   * districts), historical and abandoned places. A report's "city" names a settlement.
   */
  private static final Set<String> NOT_SETTLEMENTS =
      Set.of("PPLX", "PPLH", "PPLQ", "PPLW", "PPLCH");

  /**
   * GeoNames lists IATA and ICAO codes among a city's other names ("MOW", "LED"); nobody names the
   * place of a detention so, and a three-letter string should not resolve to a city.
   */
  private static final Pattern AIRPORT_CODE = Pattern.compile("[A-Z]{3,4}");

  /** A name in the Russian alphabet (no Ukrainian і, Belarusian ў, Tatar ә …). */
  private static final Pattern RUSSIAN_NAME = Pattern.compile("[А-Яа-яЁё][А-Яа-яЁё .,()’'-]*");

  private static final Pattern HAS_CYRILLIC = Pattern.compile(".*\\p{IsCyrillic}.*");

  /** Russian type words of a region's name, each with the abbreviations reports write. */
  private static final Map<String, List<String>> RUSSIAN_REGION_TYPES =
      Map.of(
          "область", List.of("обл"),
          "край", List.of("кр"),
          "республика", List.of("респ"),
          "автономный округ", List.of("ао", "авт округ", "авт окр"),
          "автономная область", List.of("ао", "авт обл"));

  /** The same for English names. */
  private static final Map<String, List<String>> ENGLISH_REGION_TYPES =
      Map.of(
          "oblast", List.of("obl", "region", "province"),
          "krai", List.of("kray", "territory", "region"),
          "republic", List.of("rep"),
          "autonomous okrug", List.of("ao", "autonomous district", "autonomous area", "okrug"));

  private final Transliterator bgn = Transliterator.getInstance("Russian-Latin/BGN");
  private final Transliterator bgnBack = Transliterator.getInstance("Latin-Russian/BGN");

  private TableBuilder() {}

  /** {@code TableBuilder SOURCE_DIR OUTPUT_FILE}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) throw new IllegalArgumentException("usage: TableBuilder SOURCE_DIR OUT");
    Path source = Path.of(args[0]);
    Path out = Path.of(args[1]);
    long start = System.nanoTime();
    String table = new TableBuilder().build(source);
    Files.createDirectories(out.getParent());
    Files.writeString(out, table, StandardCharsets.UTF_8);
    System.out.printf(
        Locale.ROOT,
        "gazetteer: %s (%,d bytes) in %d ms%n",
        out,
        Files.size(out),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** One region: its code, names to show, and every text that names it. */
  private record Region(String code, String nameRu, String nameEn, List<String> otherNames) {}

  /** One GeoNames row of a settlement, with the Russian name chosen for it. */
  private record Row(
      String id,
      String nameRu,
      String nameEn,
      String asciiName,
      List<String> alternates,
      String region,
      String latitude,
      String longitude,
      long population) {}

  private String build(Path source) throws IOException {
    Map<String, Region> regions = readRegions(source.resolve("regions.tsv"));
    Map<String, String> russianNames = readMo(source.resolve("geonames/ru.mo"));
    List<Row> rows = readPlaces(source.resolve("geonames/cities500-RU.txt"), russianNames, regions);

    Map<Tier, SortedMap<String, SortedSet<String>>> placeKeys = tiers();
    for (Row row : rows) {
      Set<String> own = new LinkedHashSet<>();
      addNames(own, row.nameRu());
      addNames(own, row.nameEn());
      addNames(own, row.asciiName());
      index(placeKeys, row.id(), own, Tier.OWN, Tier.LOOSE);
      Set<String> other = new LinkedHashSet<>();
      for (String alternate : row.alternates()) {
        if (!AIRPORT_CODE.matcher(alternate).matches()) addNames(other, alternate);
      }
      index(placeKeys, row.id(), other, Tier.OTHER, null);
    }
    Set<String> ids = new TreeSet<>();
    rows.forEach(r -> ids.add(r.id()));
    for (String[] alias : readTsv(source.resolve("aliases.tsv"), 3)) {
      if (!ids.contains(alias[1])) {
        throw new IllegalStateException("aliases.tsv: " + alias[0] + ": no place " + alias[1]);
      }
      Set<String> keys = new LinkedHashSet<>();
      addNames(keys, alias[0]);
      index(placeKeys, alias[1], keys, Tier.ALIAS, Tier.LOOSE);
    }

    Map<Tier, SortedMap<String, SortedSet<String>>> regionKeys = tiers();
    for (Region region : regions.values()) {
      Set<String> own = new LinkedHashSet<>();
      Set<String> cores = new LinkedHashSet<>();
      for (String name : names(region)) {
        for (String variant : regionVariants(name, cores)) addNames(own, variant);
      }
      index(regionKeys, region.code(), own, Tier.OWN, Tier.LOOSE);
      Set<String> other = new LinkedHashSet<>();
      for (String core : cores) addNames(other, core);
      index(regionKeys, region.code(), other, Tier.OTHER, null);
    }

    StringBuilder out = new StringBuilder();
    out.append("# Russia's populated places for org.vigil.place.Gazetteer, made by TableBuilder.\n")
        .append("# Data from GeoNames (geonames.org), CC BY 4.0, changed: see docs/places.md.\n")
        .append("# R code ru en | P id ru en region lat lon population | K/G tier key ids\n");
    for (Region r : regions.values()) {
      out.append("R\t").append(r.code()).append('\t').append(r.nameRu()).append('\t');
      out.append(r.nameEn()).append('\n');
    }
    for (Row r : rows) {
      out.append(
          String.join(
              "\t",
              "P",
              r.id(),
              r.nameRu(),
              r.nameEn(),
              r.region(),
              r.latitude(),
              r.longitude(),
              Long.toString(r.population())));
      out.append('\n');
    }
    write(out, "K", placeKeys);
    write(out, "G", regionKeys);
    return out.toString();
  }

  private static Map<Tier, SortedMap<String, SortedSet<String>>> tiers() {
    Map<Tier, SortedMap<String, SortedSet<String>>> tiers = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) tiers.put(tier, new TreeMap<>());
    return tiers;
  }

  private static void write(
      StringBuilder out, String kind, Map<Tier, SortedMap<String, SortedSet<String>>> tiers) {
    tiers.forEach(
        (tier, keys) ->
            keys.forEach(
                (key, ids) ->
                    out.append(String.join("\t", kind, tier.name(), key, String.join(",", ids)))
                        .append('\n')));
  }

  /** Files the keys, and their loose keys if {@code loose} is a tier, of one place or region. */
  private static void index(
      Map<Tier, SortedMap<String, SortedSet<String>>> tiers,
      String id,
      Set<String> keys,
      Tier exact,
      Tier loose) {
    for (String key : keys) {
      tiers.get(exact).computeIfAbsent(key, k -> new TreeSet<>()).add(id);
      String looseKey = PlaceText.loose(key);
      if (loose != null && !looseKey.isEmpty()) {
        tiers.get(loose).computeIfAbsent(looseKey, k -> new TreeSet<>()).add(id);
      }
    }
  }

  /** The keys of a name: the name itself and, when it is Cyrillic, its BGN/PCGN romanisation. */
  private void addNames(Set<String> keys, String name) {
    String key = PlaceText.key(name);
    if (key.isEmpty()) return;
    keys.add(key);
    if (HAS_CYRILLIC.matcher(name).matches()) {
      String latin = PlaceText.key(bgn.transliterate(name));
      if (!latin.isEmpty()) keys.add(latin);
    }
  }

  private static List<String> names(Region region) {
    List<String> names = new ArrayList<>();
    names.add(region.nameRu());
    names.add(region.nameEn());
    names.addAll(region.otherNames());
    return names;
  }

  /**
   * A region's name with its type word in each written form ("Московская область", "Московская
   * обл", "область Московская"; "Republic of Bashkortostan", "Bashkortostan Republic"); the name
   * without its type word ("Московская", "Bashkortostan") goes to {@code cores}, which count less,
   * so that "Moscow" stays the city of Moscow and not "Moscow Oblast" without its "Oblast".
   */
  private static List<String> regionVariants(String name, Set<String> cores) {
    String lower = PlaceText.key(name);
    List<String> variants = new ArrayList<>(List.of(lower));
    for (var types : List.of(RUSSIAN_REGION_TYPES, ENGLISH_REGION_TYPES)) {
      for (var type : types.entrySet()) {
        String word = PlaceText.key(type.getKey());
        String core = null;
        if (lower.endsWith(" " + word))
          core = lower.substring(0, lower.length() - word.length() - 1);
        else if (lower.startsWith(word + " of ")) core = lower.substring(word.length() + 4);
        else if (lower.startsWith(word + " ")) core = lower.substring(word.length() + 1);
        if (core == null || core.isEmpty()) continue;
        cores.add(core);
        List<String> forms = new ArrayList<>();
        forms.add(word);
        type.getValue().forEach(form -> forms.add(PlaceText.key(form)));
        for (String form : forms) {
          variants.add(core + " " + form);
          variants.add(form + " " + core);
          if (types == ENGLISH_REGION_TYPES) variants.add(form + " of " + core);
        }
      }
    }
    return variants;
  }

  private Map<String, Region> readRegions(Path file) throws IOException {
    Map<String, Region> regions = new TreeMap<>();
    for (String[] f : readTsv(file, 3)) {
      List<String> other =
          f.length > 3 && !f[3].isBlank() ? Arrays.asList(f[3].split(",")) : List.of();
      regions.put(f[0], new Region(f[0], f[1], f[2], other));
    }
    return regions;
  }

  private List<Row> readPlaces(
      Path file, Map<String, String> russianNames, Map<String, Region> regions) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      // geonameid name asciiname alternatenames lat lon class code country cc2 admin1 admin2 admin3
      // admin4 population elevation dem timezone modified (GeoNames' readme.txt)
      String[] f = line.split("\t", -1);
      if (f.length != 19) throw new IllegalStateException("not a GeoNames row: " + line);
      if (!f[8].equals("RU") || !f[6].equals("P") || NOT_SETTLEMENTS.contains(f[7])) continue;
      String region = "RU." + f[10];
      if (!regions.containsKey(region)) {
        throw new IllegalStateException("regions.tsv has no " + region + " (place " + f[0] + ")");
      }
      List<String> alternates = f[3].isEmpty() ? List.of() : Arrays.asList(f[3].split(","));
      String nameRu = russianNames.get(f[0]);
      if (nameRu == null) nameRu = russianName(f[1], f[2], alternates);
      long population = f[14].isEmpty() ? 0 : Long.parseLong(f[14]);
      rows.add(new Row(f[0], nameRu, f[1], f[2], alternates, region, f[4], f[5], population));
    }
    return rows;
  }

  /**
   * The Russian name of a place that the Russian GeoNames catalogue lacks: of its Cyrillic other
   * names, the one whose BGN/PCGN romanisation is GeoNames' own (romanised) name; GeoNames names
   * Russian places by that romanisation of the Russian name, while its other Cyrillic names are
   * Ukrainian, Belarusian, Tatar, Bashkir or older names. With no such name, the closest one by
   * edit distance of the romanisations (GeoNames' name is sometimes an English exonym), the one
   * whose exact romanisation GeoNames lists among the other names first; or with no Cyrillic name
   * at all, GeoNames' name spelled back in Cyrillic by the same system.
   */
  private String russianName(String name, String asciiName, List<String> alternates) {
    List<String> targets = List.of(PlaceText.key(name), PlaceText.key(asciiName));
    Set<String> attested = new HashSet<>(alternates);
    attested.add(name);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    boolean bestAttested = false;
    for (String alternate : alternates) {
      if (!RUSSIAN_NAME.matcher(alternate).matches()) continue;
      String romanised = bgn.transliterate(alternate);
      int distance = Integer.MAX_VALUE;
      for (String target : targets) {
        distance = Math.min(distance, editDistance(PlaceText.key(romanised), target));
      }
      // Of equally close names ("Тихорецк" and "Тихоретск" both key as "tikhoretsk"), the one
      // whose exact romanisation GeoNames also lists ("Tikhoretsk", where BGN writes тс "t·s").
      boolean isAttested =
          attested.contains(romanised.replace('ʹ', '’'))
              || attested.contains(romanised.replace('ʹ', '\''));
      // Then the one that keeps ё where GeoNames' name has ë ("Берёзовка", not "Березовка").
      boolean better =
          distance < bestDistance
              || distance == bestDistance
                  && (isAttested && !bestAttested
                      || isAttested == bestAttested
                          && name.contains("ë")
                          && alternate.contains("ё")
                          && !best.contains("ё"));
      if (better) {
        best = alternate;
        bestDistance = distance;
        bestAttested = isAttested;
      }
    }
    return best != null ? best : bgnBack.transliterate(name.replace('’', 'ʹ'));
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** Lines of a tab-separated file without its comments, each with at least {@code fields}. */
  private static List<String[]> readTsv(Path file, int fields) throws IOException {
    List<String[]> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split("\t", -1);
      if (f.length < fields) throw new IllegalStateException(file + ": too few fields: " + line);
      lines.add(f);
    }
    return lines;
  }

  /**
   * The messages of a GNU gettext catalogue (.mo): Debian's libgeonames-common keys them by
   * GeoNames id ("524901" -> "Москва") and admin1 code ("RU.48").
   */
  private static Map<String, String> readMo(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteBuffer mo = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (mo.getInt(0) != 0x950412de) mo.order(ByteOrder.BIG_ENDIAN);
    if (mo.getInt(0) != 0x950412de) throw new IllegalStateException(file + ": not a .mo file");
    int count = mo.getInt(8);
    int originals = mo.getInt(12);
    int translations = mo.getInt(16);
    Map<String, String> messages = new HashMap<>();
    for (int i = 0; i < count; i++) {
      messages.put(string(bytes, mo, originals + 8 * i), string(bytes, mo, translations + 8 * i));
    }
    return messages;
  }

  private static String string(byte[] bytes, ByteBuffer mo, int entry) {
    return new String(bytes, mo.getInt(entry + 4), mo.getInt(entry), StandardCharsets.UTF_8);
  }
}
