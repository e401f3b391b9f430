package org.vigil.linkage;

import java.util.ArrayList;
import java.util.List;

/**
 * Blocking keys: only reports that share a key are compared, which is what makes one report against
 * a million known persons cheap. Each key is narrow enough to keep blocks small even for Иван
 * Иванов, and together they forgive one flaw at a time: a typo or diminutive in the given name
 * (surname with birth year), a typo in the surname (given name with birth year), initials only
 * (surname with birth year).
 */
final class Blocking {
  private Blocking() {}

  static List<String> keys(Evidence report) {
    PersonName name = report.name();
    List<String> keys = new ArrayList<>(4);
    boolean yearKnown = report.birthYear() != Evidence.UNKNOWN;
    if (!name.surname().isEmpty()) {
      name.given().forEach(g -> keys.add("n" + name.surname() + '/' + g));
      if (yearKnown) {
        keys.add("y" + name.surname() + '/' + report.birthYear());
      } else if (name.given().isEmpty()) {
        keys.add("i" + name.surname() + '/' + name.givenInitial());
      }
    }
    if (yearKnown) {
      name.given().forEach(g -> keys.add("g" + g + '/' + report.birthYear()));
    }
    return keys;
  }
}
