package org.vigil.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The linker's reports by surname key, for a coordinator's search by name. Names are encrypted at
 * rest with no blind index (SECURITY.md), so the only place a name can be looked up is the memory
 * of the process that already holds every report's parsed name: the {@link Linker}. The keys are
 * {@link PhoneticKey phonetic}, so Жданых, Zhdanykh and Ždanyh are one key.
 *
 * <p>A key one typo away (JDANYKH, whose French j for ж folds to another letter) is found without
 * scanning the distinct keys, of which a million reports with their typos hold hundreds of
 * thousands. Two keys one edit apart either share their first two letters (the edit is further on:
 * they are in one small bucket of keys of that beginning and nearly that length) or differ within
 * their first two letters, where deleting one of the first three letters of one, or of both, makes
 * them meet (the third for a swap of the second and third letters): each key is also filed under
 * those three deletions.
 */
final class SurnameIndex {
  /** A one-typo match on a shorter key would match too much (Ли, Лю, Ло, …). */
  private static final int MIN_TYPO_LENGTH = 4;

  private static final int START = 2;

  private final Map<String, IntList> reports = new HashMap<>();

  /** Keys by their first two letters and length ("ko/7"). */
  private final Map<String, List<String>> byStart = new HashMap<>();

  /** Keys by the key with its first, second or third letter deleted. */
  private final Map<String, List<String>> byDeletion = new HashMap<>();

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
              if (key.length() >= MIN_TYPO_LENGTH - 1) {
                byStart.computeIfAbsent(start(key, key.length()), k -> new ArrayList<>(1)).add(key);
                for (String d : deletions(key)) {
                  byDeletion.computeIfAbsent(d, k -> new ArrayList<>(1)).add(key);
                }
              }
              return new IntList();
            })
        .add(report);
  }

  /**
   * Gives the reports filed under {@code key} with {@code exact} true, then those filed under keys
   * one typo from it with {@code exact} false.
   */
  void find(String key, Hit out) {
    give(key, true, out);
    if (key.length() < MIN_TYPO_LENGTH) return;
    Set<String> near = new LinkedHashSet<>();
    for (int length = key.length() - 1; length <= key.length() + 1; length++) {
      near.addAll(byStart.getOrDefault(start(key, length), List.of()));
    }
    near.addAll(byDeletion.getOrDefault(key, List.of()));
    for (String d : deletions(key)) {
      near.add(d);
      near.addAll(byDeletion.getOrDefault(d, List.of()));
    }
    for (String other : near) {
      if (Similarity.oneEditApart(key, other)) give(other, false, out);
    }
  }

  private void give(String key, boolean exact, Hit out) {
    IntList filed = reports.get(key);
    for (int i = 0; filed != null && i < filed.size(); i++) out.accept(filed.get(i), exact);
  }

  private static String start(String key, int length) {
    return key.substring(0, START) + '/' + length;
  }

  /** The key without its first letter, without its second, and without its third. */
  private static List<String> deletions(String key) {
    return List.of(
        key.substring(1), key.charAt(0) + key.substring(2), key.substring(0, 2) + key.substring(3));
  }
}
