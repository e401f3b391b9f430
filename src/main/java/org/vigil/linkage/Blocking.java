package org.vigil.linkage;

import java.util.ArrayList;
import java.util.List;

/**
 * Blocking keys: only reports that share a key are compared, which is what makes one report against
 * a million known persons cheap. Each key is narrow enough to keep blocks small even for Иван
 * Иванов, and together they forgive one flaw at a time: a typo or diminutive in the given name
 * (surname with birth year, or surname with initial and day), a typo in the surname (given name
 * with birth year, or given name with the surname's first letter and day), initials only (surname
 * with birth year, or surname with initial and day). Reports about one detention share the day.
 */
final class Blocking {
  private Blocking() {}

  static List<String> keys(Evidence report) {
    PersonName name = report.name();
    String surname = name.surname();
    int year = report.birthYear();
    int day = report.day();
    List<String> keys = new ArrayList<>(6);
    if (!surname.isEmpty()) {
      givenOrInitialReadings(name).forEach(g -> keys.add("n" + surname + '/' + g));
      if (year != Evidence.UNKNOWN) {
        keys.add("y" + surname + '/' + year);
      }
      if (day != Evidence.UNKNOWN && !name.givenInitial().isEmpty()) {
        keys.add("d" + surname + '/' + name.givenInitial() + '/' + day);
      }
    }
    for (String g : name.given()) {
      if (year != Evidence.UNKNOWN) {
        keys.add("g" + g + '/' + year);
      }
      if (day != Evidence.UNKNOWN && !surname.isEmpty()) {
        keys.add("t" + g + '/' + surname.charAt(0) + '/' + day);
      }
    }
    return keys;
  }

  /** An initial alone stands for every full name it may begin ("Палов Р. В." may be Роман). */
  private static List<String> givenOrInitialReadings(PersonName name) {
    if (!name.given().isEmpty() || name.givenInitial().isEmpty()) {
      return List.copyOf(name.given());
    }
    return GivenNames.standard().startingWith(name.givenInitial(), name.sex());
  }
}
