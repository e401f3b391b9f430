package org.vigil.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The transcriptions of Russian names into other languages' spelling that the press of those
 * languages uses, read back into the English-style Latin that {@link PhoneticKey} folds. They
 * disagree with English (and with each other) on the same letters: "ch" is ч in English, х in
 * German and Polish, ш in French; "j" is й in German and Polish, ж in French; "z" is з in English
 * and Polish, ц in German. No single fold reads them all, so a Latin name with the marks of one of
 * them gets a reading in that system besides its reading as today ({@link PersonName#readings}).
 *
 * <p>The tables follow the documented systems, not any generator: German after Duden (ж and ш both
 * sch, ч tsch, щ schtsch, в w, з s, с s or ss between vowels, ц z, х ch, й j; ё after a sibilant
 * o), French usage (ш ch, ч tch, щ chtch, ж j, х kh, у ou, й ï, з s between vowels and с ss; the
 * masculine -ин written -ine: Iline, Eltsine), Polish transcription (ш sz, ч cz, щ szcz, ж ż, в w,
 * х ch, ц c, й j, ы y, ё after a consonant io; rz for ж as in Polish words).
 */
enum Transcription {
  GERMAN(
      "sch|w|(?<![csr])z(?!h)",
      new String[][] {
        {"schtsch", "SHCH"},
        {"tsch", "CH"},
        {"sch", "SH"},
        {"ch", "KH"},
        {"w", "V"},
        {"z", "TS"},
        {"(?<=[aeiouy])s(?=[aeiouy])", "Z"},
        {"ss", "S"},
        {"j", "Y"},
      }),
  FRENCH(
      "ou|tch|[ïë]|ine\\b|gu[eiy]|(^|[^aeiouy])j",
      new String[][] {
        {"chtch", "SHCH"},
        {"tch", "CH"},
        {"kh", "KH"},
        {"ch", "SH"},
        {"ou", "U"},
        {"j", "ZH"},
        {"gu(?=[eiy])", "G"},
        {"ï", "Y"},
        {"ine$", "IN"},
        {"(?<=[aeiouy])s(?=[aeiouy])", "Z"},
        {"ss", "S"},
      }),
  POLISH(
      "sz|cz|rz|[żźłśćń]",
      new String[][] {
        {"szcz", "SHCH"},
        {"sz", "SH"},
        {"cz", "CH"},
        {"rz|ż", "ZH"},
        {"ch", "KH"},
        {"w", "V"},
        {"c", "TS"},
        {"ł", "L"},
        {"(?<=[^aeiouy])io", "YO"},
        {"j", "Y"},
      });

  /**
   * Duden writes both ж and ш as sch; which one a word means is not in its spelling, so such a word
   * has both readings.
   */
  private static final Pattern GERMAN_SH = Pattern.compile("SH(?!CH)");

  /** More readings than this for one word are not kept: the name would match too much. */
  static final int MAX_READINGS_PER_WORD = 2;

  private final Pattern marks;
  private final Pattern[] patterns;
  private final String[] replacements;

  Transcription(String marks, String[][] rules) {
    this.marks = Pattern.compile(marks);
    this.patterns = new Pattern[rules.length];
    this.replacements = new String[rules.length];
    for (int i = 0; i < rules.length; i++) {
      patterns[i] = Pattern.compile(rules[i][0]);
      replacements[i] = rules[i][1];
    }
  }

  /** Whether a name (any case) shows a spelling only this system, among those read, writes. */
  boolean marks(String name) {
    return marks.matcher(name.toLowerCase(Locale.ROOT)).find();
  }

  /**
   * The word respelt in the Latin letters {@link PhoneticKey} reads (kh for х, sh for ш, zh for ж):
   * one spelling, or two where the system writes two Cyrillic letters alike (German sch).
   * Replacements are upper case so that no later rule rewrites what an earlier one produced.
   */
  List<String> respell(String word) {
    String s = word.toLowerCase(Locale.ROOT);
    for (int i = 0; i < patterns.length; i++) {
      s = patterns[i].matcher(s).replaceAll(replacements[i]);
    }
    List<String> out = new ArrayList<>(MAX_READINGS_PER_WORD);
    out.add(s.toLowerCase(Locale.ROOT));
    if (this == GERMAN && GERMAN_SH.matcher(s).find()) {
      out.add(GERMAN_SH.matcher(s).replaceAll("ZH").toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
