package org.vigil.place;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The text of a place name reduced to the key the gazetteer looks it up by. The same functions make
 * the keys of the table at build time ({@link TableBuilder}) and the key of a report's text at
 * intake, so the two always meet.
 */
final class PlaceText {
  /**
   * Longer input is no place name: the longest name in the table has under 60 characters, and an
   * address or a pasted paragraph must cost no more than a short string.
   */
  static final int MAX_INPUT = 200;

  /**
   * Words that say what kind of settlement follows or precedes the name ("г. Москва", "пос. Сокол",
   * "city of Moscow", "Москва г."), not which one; already reduced by {@link #key}.
   */
  private static final List<String> LEADING_TYPE_WORDS =
      List.of(
          "поселок городского типа",
          "рабочии поселок",
          "городскои поселок",
          "городское поселение",
          "сельское поселение",
          "р п",
          "city of",
          "town of",
          "village of",
          "город",
          "гор",
          "г",
          "поселок",
          "пос",
          "п",
          "пгт",
          "рп",
          "село",
          "с",
          "деревня",
          "дер",
          "д",
          "станица",
          "ст ца",
          "ст",
          "хутор",
          "х",
          "аул",
          "city",
          "town",
          "village",
          "selo",
          "posyolok",
          "poselok",
          "stanitsa",
          "g");

  private static final Set<String> TRAILING_TYPE_WORDS =
      Set.of("г", "город", "city", "town", "пос", "пгт", "с", "село", "д", "станица");

  private PlaceText() {}

  /**
   * The lookup key: compatibility forms folded (NFKC: full-width letters, ligatures), invisible and
   * format characters dropped (zero-width space, BOM, soft hyphen, bidi marks), lower case,
   * diacritics dropped after canonical decomposition (so ё is е, й is и, "Pétursborg" is
   * "petursborg", and stress marks vanish), apostrophes and the BGN middle dot dropped ("Tver'",
   * "Tverʹ" and "Tver" meet), every other run of punctuation, symbols and spaces made one space.
   * Empty when nothing of a name is left.
   */
  static String key(String text) {
    String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String decomposed = Normalizer.normalize(compatible, Normalizer.Form.NFD);
    StringBuilder key = new StringBuilder(decomposed.length());
    boolean space = false;
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      i += Character.charCount(c);
      if (silent(c)) continue;
      if (Character.isLetterOrDigit(c)) {
        if (space && !key.isEmpty()) key.append(' ');
        space = false;
        key.appendCodePoint(c);
      } else {
        space = true;
      }
    }
    return key.toString();
  }

  /**
   * Characters that vanish without parting words: marks (accents, ё's diaeresis, й's breve), format
   * and invisible characters, and the apostrophes and primes that romanisations write for ь and ъ.
   */
  private static boolean silent(int c) {
    return switch (Character.getType(c)) {
      case Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.FORMAT,
          Character.MODIFIER_LETTER,
          Character.MODIFIER_SYMBOL ->
          true;
      default -> c == '\'' || c == '’' || c == '‘' || c == '`' || c == '·' || c == '\u00AD';
    };
  }

  /**
   * The key without one word of settlement type before it ("г Москва", "city of Moscow", "р п
   * Кольцово") or after it ("Москва г"), or the key itself when it has none or is nothing else.
   */
  static String withoutTypeWords(String key) {
    for (String type : LEADING_TYPE_WORDS) {
      if (key.length() > type.length() + 1
          && key.startsWith(type)
          && key.charAt(type.length()) == ' ') {
        return key.substring(type.length() + 1);
      }
    }
    int lastSpace = key.lastIndexOf(' ');
    if (lastSpace > 0 && TRAILING_TYPE_WORDS.contains(key.substring(lastSpace + 1))) {
      return key.substring(0, lastSpace);
    }
    return key;
  }

  /**
   * A coarser key for a name in Latin letters, where romanisations of one Russian name part ways:
   * "Nizhniy", "Nizhny", "Nizhnij", "Nizhnii" and ISO 9's "Nižnij" all become "nizni";
   * "Yekaterinburg" and "Ekaterinburg" become "ekaterinburg"; "Khabarovsk" and "Habarovsk" meet.
   * Empty when the key has letters other than a to z.
   */
  static String loose(String key) {
    StringBuilder loose = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      char next = i + 1 < key.length() ? key.charAt(i + 1) : ' ';
      if ((c < 'a' || c > 'z') && c != ' ' && (c < '0' || c > '9')) return "";
      char out =
          switch (c) {
            case 'j', 'y' -> 'i';
            case 'w' -> 'v';
            default -> c;
          };
      // One Russian letter each: х is kh or h, ж zh or z (ISO 9's ž), ч ch or c, ш sh or s, ц ts
      // or c.
      if (next == 'h' && (c == 'k' || c == 'z' || c == 'c' || c == 's')) {
        out = c == 'k' ? 'h' : c;
        i++;
      } else if (c == 't' && (next == 's' || next == 'z')) {
        out = 'c';
        i++;
      }
      int last = loose.length() - 1;
      if (last >= 0 && loose.charAt(last) == out) continue; // doubled letters, and ii, iy, yi …
      // "ye", "ie" and "je" all write е (and some romanisations write it "e"): keep the e.
      if (out == 'e' && last >= 0 && loose.charAt(last) == 'i') loose.setLength(last);
      loose.append(out);
    }
    return loose.toString();
  }
}
