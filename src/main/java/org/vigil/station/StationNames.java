package org.vigil.station;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How police-station names written by hand are compared. A name is reduced to a form: lower case,
 * `ё` as `е`, no quotes or hyphens, no type word (`ОВД`, `ОМВД`, `ОП`), adjective endings cut
 * (`Пресненский` and `Пресненское` are both `пресненск`). Forms within a small edit distance of
 * each other name the same station (`тверсокй`, `тверк`, `тверск`), unless their numbers differ: St
 * Petersburg's stations are numbers, and `28` is not `38`.
 */
final class StationNames {
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final List<String> TYPE_WORDS = List.of("овд", "омвд", "оп");
  private static final List<String> ENDINGS =
      List.of("ого", "ому", "ий", "ый", "ой", "ое", "ая", "ые", "ом", "ым");

  /**
   * Names that no edit distance can join: the Presnensky district's station was called
   * Krasnopresnensky before the 2011 police reform, and people still write both.
   */
  private static final List<String[]> RENAMED =
      List.<String[]>of(new String[] {"краснопресненск", "пресненск"});

  private StationNames() {}

  static String form(String name) {
    String text =
        name.toLowerCase(Locale.ROOT)
            .replace('ё', 'е')
            .replace("управление внутренних дел", "увд")
            .replace("дежурная часть", " ")
            // a precinct point (`ОП 1 УПП №4`) belongs to its station; the layer counts it there
            .replaceAll("упп\\s*№?\\s*\\d+", " ")
            .replaceAll("[«»\"“”„'()\\[\\]]", " ")
            .replaceAll("[-–—.,/№]", " ");
    List<String> words = new ArrayList<>();
    for (String word : text.trim().split("\\s+")) {
      if (!word.isEmpty() && !TYPE_WORDS.contains(word)) {
        words.add(renamed(stem(word)));
      }
    }
    return String.join(" ", words);
  }

  private static String stem(String word) {
    if (word.length() <= 4) {
      return word;
    }
    for (String ending : ENDINGS) {
      if (word.endsWith(ending)) {
        return word.substring(0, word.length() - ending.length());
      }
    }
    return word;
  }

  private static String renamed(String word) {
    for (String[] rename : RENAMED) {
      if (word.equals(rename[0])) {
        return rename[1];
      }
    }
    return word;
  }

  /** Whether two forms name the same station; see the class comment. */
  static boolean close(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (!numbers(a).equals(numbers(b))) {
      return false;
    }
    return distance(a, b) <= tolerance(Math.min(a.length(), b.length()));
  }

  /** Short forms tolerate less: one slip in a five-letter name, two from six letters on. */
  private static int tolerance(int length) {
    return length >= 6 ? 2 : length >= 4 ? 1 : 0;
  }

  private static List<String> numbers(String form) {
    List<String> numbers = new ArrayList<>();
    Matcher matcher = NUMBER.matcher(form);
    while (matcher.find()) {
      numbers.add(matcher.group());
    }
    return numbers;
  }

  /**
   * Edit distance counting a swap of two neighbouring letters as one edit (optimal string
   * alignment), since `Пресненсикй` and `Тверсокй` are typing slips of exactly that kind.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
