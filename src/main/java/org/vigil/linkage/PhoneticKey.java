package org.vigil.linkage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds one name word, written in Cyrillic or in any Latin romanisation of Russian, into a single
 * comparable key. "Алексей", "Aleksey" (BGN/PCGN), "Aleksei" (ICAO 9303), "Aleksej" (ISO 9),
 * "Alexey" and "Alexei" (press) all become {@code aleksei}; "Навальный", "Naval'nyy", "Navalnyi",
 * "NAVALNYY" all become {@code navalni}.
 *
 * <p>Cyrillic goes through ICU's BGN/PCGN transliterator first, so both scripts meet in Latin; the
 * folding then erases exactly the choices on which the romanisation systems and the press disagree
 * (й as y/i/j, я as ya/ia/ja/â, х as kh/h, ц as ts/c/cz, щ as shch/shh/ŝ, soft signs, doubled
 * letters). Sounds the systems agree on stay distinct, so the key stays discriminating. Digraphs
 * become single upper-case placeholders so later rules cannot split them again.
 */
final class PhoneticKey {
  private static final ThreadLocal<Transliterator> CYRILLIC_TO_LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Russian-Latin/BGN"));
  private static final ThreadLocal<Transliterator> TO_ASCII =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Latin-ASCII"));

  /** Words repeat a great deal in reports; each distinct spelling is folded once. */
  private static final Cache<String, String> KEYS =
      Caffeine.newBuilder().maximumSize(500_000).build();

  /** Ordered rewrite rules; each pair is a regex and its replacement. */
  private static final String[][] RULES = {
    {"tch", "ch"}, // Tchaikovsky
    {"shch|shh|sch", "W"}, // щ: ICAO/BGN shch, GOST 7.79 shh, German-style sch
    {"zh", "Z"},
    {"kh", "h"}, // х: kh (BGN, ICAO) or h (ISO 9, informal)
    {"ch", "C"},
    {"sh", "S"},
    {"x", "ks"}, // Alexey = Aleksey
    {"ts|tz|cz", "c"}, // ц: ts (BGN, ICAO), c (ISO 9), cz (GOST 7.79 B)
    {"ph", "f"},
    {"w", "v"},
    // ё after ж, ч, ш, щ sounds o and is written o in German and Polish (Gorbatschow, Gorbaczow)
    // and in older Russian spelling (Хрущов), e in English (Gorbachev): the surname suffix -ов/-ёв
    // after a sibilant is one key
    {"([SZCW])ov(a?)$", "$1ev$2"},
    {"yo", "e"}, // ё written yo (Pyotr) against ё read as е (Петр)
    {"[jy]", "i"}, // й, ы and the y/j of я, ю, е, ё all fold into i
    {"(.)\\1+", "$1"}, // Navalnyy = Navalny, Dmitrii = Dmitri
    {"iu", "U"}, // ю
    {"ia", "A"}, // я
    {"ie", "e"}, // е written ye (Yelena, Andreyevich)
    {"iA$", "A"}, // Mariya = Maria
    {"ander$", "andr"}, // Alexander = Aleksandr
    {"(.)\\1+", "$1"},
  };

  private static final Pattern[] PATTERNS = new Pattern[RULES.length];

  static {
    for (int i = 0; i < RULES.length; i++) {
      PATTERNS[i] = Pattern.compile(RULES[i][0]);
    }
  }

  private PhoneticKey() {}

  /**
   * Apostrophes and primes stand for soft and hard signs inside romanised words (Natal'ya);
   * BGN/PCGN writes a middle dot between letters that would otherwise read as one sound
   * (Arbat·skiy, where ts would be ц). All of them belong inside a word.
   */
  private static final Pattern INTRA_WORD = Pattern.compile("['`’ʹʺ\"·]");

  /** The text with the marks that stand inside romanised words removed, so words stay whole. */
  static String joinWordParts(String text) {
    return INTRA_WORD.matcher(text).replaceAll("");
  }

  /** The key of one word; empty when the word has no letters. */
  static String of(String word) {
    return KEYS.get(word, PhoneticKey::fold);
  }

  private static String fold(String word) {
    String s = word.toLowerCase(Locale.ROOT).replace('ё', 'е');
    if (hasCyrillic(s)) {
      s = CYRILLIC_TO_LATIN.get().transliterate(s);
    }
    s = TO_ASCII.get().transliterate(spellOutDiacritics(s));
    s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    for (int i = 0; i < PATTERNS.length; i++) {
      s = PATTERNS[i].matcher(s).replaceAll(RULES[i][1]);
    }
    return s;
  }

  static boolean hasCyrillic(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.UnicodeBlock.of(s.charAt(i)) == Character.UnicodeBlock.CYRILLIC) {
        return true;
      }
    }
    return false;
  }

  /**
   * ISO 9 and scholarly spellings use one letter with a diacritic where the others use two; plain
   * ASCII folding would turn š into s and lose the difference between ш and с.
   */
  private static String spellOutDiacritics(String s) {
    StringBuilder out = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case 'š' -> out.append("sh");
        case 'č' -> out.append("ch");
        case 'ž' -> out.append("zh");
        case 'ŝ' -> out.append("shch");
        case 'û' -> out.append("yu");
        case 'â' -> out.append("ya");
        case 'ë', 'è', 'é' -> out.append('e');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
