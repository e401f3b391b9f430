package org.vigil.linkage;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The simple method Vigil's linkage is measured against: two reports are one person when their
 * names are equal after normalisation (case, ё/е, punctuation and word order ignored).
 */
final class Baseline {
  private Baseline() {}

  static List<String> personIds(List<ReportFacts> reports) {
    return reports.parallelStream().map(r -> "B-" + normalise(r.name())).toList();
  }

  static String normalise(String name) {
    String folded =
        Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('ё', 'е');
    String[] words = folded.split("[^\\p{L}]+");
    Arrays.sort(words);
    return String.join(" ", words).strip();
  }
}
