package org.vigil.linkage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Blocking keys: only reports that share a key are compared, which is what makes one report against
 * a million known persons cheap. Each key is narrow enough to keep blocks small even for Иван
 * Иванов, and together they forgive one flaw at a time: a typo or diminutive in the given name
 * (surname with birth year, or surname with initial and day), a typo in the surname (given name and
 * the surname's first letters, with birth year or day), initials only (surname with birth year, or
 * surname with initial and day). Reports about one detention share the day.
 */
final class Blocking {
  /**
   * Typos rarely strike a surname's first letters, so keys for surname typos keep its first two:
   * Иван Иванов b. 1990 is compared with Иван Ивнаов b. 1990, not with every Иван b. 1990.
   */
  private static final int SURNAME_START = 2;

  private static final int SURNAME_END = 2;

  private Blocking() {}

  /**
   * The keys of every reading of the report's name, each once: a Latin name that may be German or
   * English (Schdanowa) meets the reports of each reading (Жданова, Шданова).
   */
  static List<String> keys(Evidence report) {
    if (report.names().size() == 1) {
      return keys(report.name(), report.birthYear(), report.day());
    }
    Set<String> keys = new LinkedHashSet<>();
    for (PersonName name : report.names()) {
      keys.addAll(keys(name, report.birthYear(), report.day()));
    }
    return List.copyOf(keys);
  }

  private static List<String> keys(PersonName name, int year, int day) {
    String surname = name.surname();
    List<String> keys = new ArrayList<>(6);
    if (!surname.isEmpty()) {
      // in either order, so that two unknown words read the other way round still meet
      givenOrInitialReadings(name)
          .forEach(
              g ->
                  keys.add(
                      surname.compareTo(g) < 0
                          ? "n" + surname + '/' + g
                          : "n" + g + '/' + surname));
      if (year != Evidence.UNKNOWN) {
        keys.add("y" + surname + '/' + year);
      }
      if (day != Evidence.UNKNOWN) {
        initials(name).forEach(i -> keys.add("d" + surname + '/' + i + '/' + day));
      }
    }
    String start = surname.substring(0, Math.min(SURNAME_START, surname.length()));
    String ends = ends(surname);
    for (String g : name.given()) {
      if (year != Evidence.UNKNOWN) {
        keys.add("g" + g + '/' + start + '/' + year);
        keys.add("G" + g + '/' + ends + '/' + year);
      }
    }
    if (day != Evidence.UNKNOWN && !surname.isEmpty()) {
      // the initial, not the given name: a misspelt surname with initials only, or a given name
      // that is misspelt too, still meets the others of the day
      for (String initial : initials(name)) {
        keys.add("t" + initial + '/' + start + '/' + day);
        keys.add("T" + initial + '/' + ends + '/' + day);
      }
    }
    return keys;
  }

  /**
   * The letters the full given name may begin with: those of its readings, so that Настя meets
   * "Шарова А. В.", or the initial written when there is no reading.
   */
  private static List<String> initials(PersonName name) {
    if (name.given().isEmpty()) {
      return name.givenInitial().isEmpty() ? List.of() : List.of(name.givenInitial());
    }
    return name.given().stream().map(g -> g.substring(0, 1)).distinct().sorted().toList();
  }

  /**
   * The surname's first letter and last two: a typo in its second letter (Рдыкин for Рыдкин, Шбин
   * for Шубин) breaks the key of its first two letters but not this one, and a typo near its end
   * breaks this one but not the other.
   */
  private static String ends(String surname) {
    if (surname.length() <= SURNAME_END + 1) {
      return surname;
    }
    return surname.charAt(0) + surname.substring(surname.length() - SURNAME_END);
  }

  /** An initial alone stands for every full name it may begin ("Палов Р. В." may be Роман). */
  private static List<String> givenOrInitialReadings(PersonName name) {
    if (!name.given().isEmpty() || name.givenInitial().isEmpty()) {
      return List.copyOf(name.given());
    }
    return GivenNames.standard().startingWith(name.givenInitial(), name.sex());
  }
}
