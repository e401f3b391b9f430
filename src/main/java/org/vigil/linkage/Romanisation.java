package org.vigil.linkage;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The ways Russian names are written in Latin letters in reports, for the test data generator: the
 * official systems through ICU4J transliterators (the built-in BGN/PCGN and ISO 9 ones, rule sets
 * written here for ICAO 9303 and GOST 7.79 System B) and the informal spelling of the press.
 */
enum Romanisation {
  /** BGN/PCGN 1947, as on maps and in English-language reference works. */
  BGN(Transliterator.getInstance("Russian-Latin/BGN")),
  /** ISO 9:1995, one Latin letter (with diacritics) for each Cyrillic one. */
  ISO_9(Transliterator.getInstance("Cyrillic-Latin")),
  /** ICAO Doc 9303, in Russian passports since 2013. */
  ICAO(
      rules(
          "ICAO-9303",
          "а>a;б>b;в>v;г>g;д>d;е>e;ё>e;ж>zh;з>z;и>i;й>i;к>k;л>l;м>m;н>n;о>o;п>p;р>r;с>s;т>t;у>u;"
              + "ф>f;х>kh;ц>ts;ч>ch;ш>sh;щ>shch;ъ>ie;ы>y;ь>;э>e;ю>iu;я>ia;")),
  /** GOST 7.79-2000 System B, the ASCII-only variant. */
  GOST_7_79_B(
      rules(
          "GOST-7.79-B",
          "а>a;б>b;в>v;г>g;д>d;е>e;ё>yo;ж>zh;з>z;и>i;й>j;к>k;л>l;м>m;н>n;о>o;п>p;р>r;с>s;т>t;"
              + "у>u;ф>f;х>x;ц>cz;ч>ch;ш>sh;щ>shh;ъ>'``';ы>y'';ь>'`';э>e'`';ю>yu;я>ya;")),
  /**
   * The press: no apostrophes, ye and yo where they are heard, x for кс, and -y for the endings -ый
   * and -ий, as in "Alexey Navalny", "Yelena" and "Dmitry Muratov".
   */
  PRESS(
      rules(
          "Press",
          "кс>x;а>a;б>b;в>v;г>g;д>d;е>e;ё>yo;ж>zh;з>z;и>i;й>y;к>k;л>l;м>m;н>n;о>o;п>p;р>r;с>s;"
              + "т>t;у>u;ф>f;х>kh;ц>ts;ч>ch;ш>sh;щ>shch;ъ>;ы>y;ь>;э>e;ю>yu;я>ya;"),
      word -> word.replaceAll("(^|[аеиоуыэюяьъ])е", "$1йе").replaceAll("[ыи]й$", "ы")),
  /**
   * German press and Duden-style spelling: w for в, sch and tsch, j for й and the j-vowels, s for
   * з, as in "Kowalewa Dascha" or "Gorbatschow".
   */
  GERMAN(
      rules(
          "German-Duden",
          "а>a;б>b;в>w;г>g;д>d;е>e;ё>jo;ж>sch;з>s;и>i;й>j;к>k;л>l;м>m;н>n;о>o;п>p;р>r;с>s;т>t;"
              + "у>u;ф>f;х>ch;ц>z;ч>tsch;ш>sch;щ>schtsch;ъ>;ы>y;ь>;э>e;ю>ju;я>ja;"),
      word -> word.replaceAll("(^|[аеиоуыэюяьъ])е", "$1йе").replaceAll("ий$", "i")),
  /** French press: ch for ш, j for ж, ou for у, as in "Jdanova" or "Choïgou" without the ï. */
  FRENCH(
      rules(
          "French-Press",
          "а>a;б>b;в>v;г>g;д>d;е>e;ё>io;ж>j;з>z;и>i;й>i;к>k;л>l;м>m;н>n;о>o;п>p;р>r;с>s;т>t;"
              + "у>ou;ф>f;х>kh;ц>ts;ч>tch;ш>ch;щ>chtch;ъ>;ы>y;ь>;э>e;ю>iou;я>ia;")),
  /** Polish press: sz, cz, w for в, ch for х, as in "Kowalewa" or "Szczukin". */
  POLISH(
      rules(
          "Polish-Press",
          "а>a;б>b;в>w;г>g;д>d;е>e;ё>jo;ж>ż;з>z;и>i;й>j;к>k;л>l;м>m;н>n;о>o;п>p;р>r;с>s;т>t;"
              + "у>u;ф>f;х>ch;ц>c;ч>cz;ш>sz;щ>szcz;ъ>;ы>y;ь>;э>e;ю>ju;я>ja;"),
      word -> word.replaceAll("(^|[аеиоуыэюяьъ])е", "$1йе"));

  /** The systems the default generator draws from, fixed so its data stay as they were. */
  static final java.util.List<Romanisation> ORIGINAL =
      java.util.List.of(BGN, ISO_9, ICAO, GOST_7_79_B, PRESS);

  private final Transliterator transliterator;
  private final UnaryOperator<String> respell;

  Romanisation(Transliterator transliterator) {
    this(transliterator, UnaryOperator.identity());
  }

  /** The press spells some sounds, not letters; respell rewrites the Cyrillic word to match. */
  Romanisation(Transliterator transliterator, UnaryOperator<String> respell) {
    this.transliterator = transliterator;
    this.respell = respell;
  }

  /** The name, one word at a time, in this system; capitals as in the input's first letters. */
  String write(String cyrillic) {
    StringBuilder out = new StringBuilder();
    for (String word : cyrillic.split(" ")) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      String latin = transliterator.transliterate(respell.apply(word.toLowerCase(Locale.ROOT)));
      out.append(
          latin.isEmpty() ? latin : Character.toUpperCase(latin.charAt(0)) + latin.substring(1));
    }
    return out.toString();
  }

  private static Transliterator rules(String id, String rules) {
    return Transliterator.createFromRules(id, rules, Transliterator.FORWARD);
  }
}
