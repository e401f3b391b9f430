package org.vigil.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The linker's reports by surname key, for a coordinator's search by name. Names are encrypted at
 * rest with no blind index (SECURITY.md), so the only place a name can be looked up is the memory
 * of the process that already holds every report's parsed name: the {@link Linker}. The keys are
 * {@link PhoneticKey phonetic}, so Жданых, Zhdanykh and Ždanyh are one key; a key one typo away
 * (JDANYKH, whose French j for ж folds to another letter) is found by scanning the distinct keys of
 * nearly the same length, which are far fewer than the reports.
 */
final class SurnameIndex {
  /** A one-typo match on a shorter key would match too much (Ли, Лю, Ло, …). */
  private static final int MIN_TYPO_LENGTH = 4;

  private final Map<String, IntList> reports = new HashMap<>();

  /** The distinct keys by length, so a typo scan reads only lengths within one of the query's. */
  private final List<List<String>> keysByLength = new ArrayList<>();

  /** A report found, and whether its surname key is the one looked up or one typo from it. */
  @FunctionalInterface
  interface Hit {
    void accept(int report, boolean exact);
  }

  void file(String surname, int report) {
    if (surname.isEmpty()) return;
    reports
        .computeIfAbsent(
            surname,
            key -> {
              while (keysByLength.size() <= key.length()) keysByLength.add(new ArrayList<>());
              keysByLength.get(key.length()).add(key);
              return new IntList();
            })
        .add(report);
  }

  /**
   * Gives the reports filed under {@code key} with {@code exact} true, then those filed under keys
   * one typo from it with {@code exact} false.
   */
  void find(String key, Hit out) {
    IntList same = reports.get(key);
    for (int i = 0; same != null && i < same.size(); i++) out.accept(same.get(i), true);
    if (key.length() < MIN_TYPO_LENGTH) return;
    for (int length = key.length() - 1; length <= key.length() + 1; length++) {
      if (length >= keysByLength.size()) break;
      for (String other : keysByLength.get(length)) {
        if (Similarity.oneEditApart(key, other)) {
          IntList near = reports.get(other);
          for (int i = 0; i < near.size(); i++) out.accept(near.get(i), false);
        }
      }
    }
  }
}
