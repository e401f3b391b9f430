package org.vigil.station;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.ibm.icu.text.Transliterator;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Finds police stations by the start of any word of their names, as an operator types one in
 * Cyrillic or Latin: "Тверс", "tvers" and "Tverskoy" all find ОВД Тверской. Names and what is typed
 * are folded alike ({@link #fold}), so the match is as loose as the romanisations people use.
 */
final class StationSearch {
  private static final Transliterator LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");

  /** One station with its names folded once. */
  private record Folded(PoliceStation station, List<String> names) {}

  // Stations change rarely; a new one is found within half a minute, which a call can wait for.
  private final LoadingCache<Boolean, List<Folded>> directory;

  StationSearch(Supplier<List<PoliceStation>> stations) {
    this.directory =
        Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30))
            .build(
                ignored ->
                    stations.get().stream()
                        .map(
                            s ->
                                new Folded(
                                    s,
                                    Stream.concat(Stream.of(s.name()), s.variants().stream())
                                        .map(n -> " " + fold(n))
                                        .distinct()
                                        .toList()))
                        .toList());
  }

  /**
   * Stations a name of which has a word starting with {@code typed}; those {@code near} prefers
   * (the caller's city) first, then by name; at most {@code limit}.
   */
  List<PoliceStation> suggest(String typed, Predicate<PoliceStation> near, int limit) {
    String wanted = " " + fold(typed);
    if (wanted.isBlank()) return List.of();
    return directory.get(true).stream()
        .filter(f -> f.names().stream().anyMatch(n -> n.contains(wanted)))
        .map(Folded::station)
        .sorted(
            Comparator.comparing((PoliceStation s) -> !near.test(s))
                .thenComparing(PoliceStation::name))
        .limit(limit)
        .toList();
  }

  void forget() {
    directory.invalidateAll();
  }

  /**
   * Latin letters without marks, one spelling per sound where romanisations part ways (х: kh or h,
   * ж: zh or z, ц: ts or c, й and ы: y, j or i, я: ya or ia or a…), doubled letters single, every
   * run of anything else one space.
   */
  static String fold(String text) {
    String latin;
    synchronized (LATIN) {
      latin = LATIN.transliterate(text.toLowerCase(Locale.ROOT).replace('ё', 'е'));
    }
    String s =
        latin
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", " ")
            .replace("shch", "s")
            .replace("sch", "s")
            .replace("kh", "h")
            .replace("zh", "z")
            .replace("ch", "c")
            .replace("sh", "s")
            .replace("ts", "c")
            .replace('x', 'h')
            .replace('w', 'v')
            .replace('j', 'i')
            .replace('y', 'i')
            .replace("ia", "a")
            .replace("iu", "u")
            .replace("ie", "e");
    return s.replaceAll("([a-z])\\1+", "$1").strip();
  }
}
