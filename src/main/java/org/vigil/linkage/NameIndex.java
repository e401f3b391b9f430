package org.vigil.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Persons found by name where no blocking key leads. A report that gives neither birth year nor day
 * keeps only its name keys, so a typo in its surname (Моиоеев for Моисеев) or in its given name
 * (Роситслав Дикин) hides it from its person. Persons are filed under each given name with the
 * surname's first letter (typos rarely strike it), and under the surname.
 */
final class NameIndex {
  /**
   * Above this many persons, a surname is too common for a lookup by it alone to pick anyone out.
   */
  private static final int MAX_SURNAME_BUCKET = 64;

  private record Filed(int person, String surname) {}

  private final Map<String, List<Filed>> filed = new HashMap<>();

  /** Files one name form of a person; a person's forms are filed one after the other. */
  void file(int person, PersonName name) {
    String surname = name.surname();
    if (surname.isEmpty()) {
      return;
    }
    Filed entry = new Filed(person, surname);
    for (String given : name.given()) {
      fileOnce(given + '/' + surname.charAt(0), entry);
    }
    fileOnce(surname, entry);
  }

  /**
   * Gives each person filed with the same given name and a surname one typo away, or with the same
   * uncommon surname; a person may come more than once.
   */
  void find(PersonName name, IntConsumer out) {
    String surname = name.surname();
    if (surname.isEmpty()) {
      return;
    }
    for (String given : name.given()) {
      for (Filed f : filed.getOrDefault(given + '/' + surname.charAt(0), List.of())) {
        if (Similarity.typo(surname, f.surname())) {
          out.accept(f.person());
        }
      }
    }
    List<Filed> sameSurname = filed.getOrDefault(surname, List.of());
    if (sameSurname.size() <= MAX_SURNAME_BUCKET) {
      sameSurname.forEach(f -> out.accept(f.person()));
    }
  }

  private void fileOnce(String key, Filed entry) {
    List<Filed> list = filed.computeIfAbsent(key, k -> new ArrayList<>(2));
    // a repeat can only be the entry filed last
    if (list.isEmpty() || !list.getLast().equals(entry)) {
      list.add(entry);
    }
  }
}
