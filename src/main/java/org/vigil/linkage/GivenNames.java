package org.vigil.linkage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Russian given names and their hypocoristic forms, from {@code hypocorisms.tsv}, indexed by
 * phonetic key so that "Лёша", "Lyosha" and "Alexei" all lead to the full name Алексей.
 */
final class GivenNames {
  /** One possible reading of a given-name word: the full name's key and its sex. */
  record Reading(String key, Sex sex) {}

  /** A full name as written in the table, with its forms, for the test data generator. */
  record FullName(String cyrillic, Sex sex, List<String> forms) {}

  private static final GivenNames STANDARD = load();

  private final Map<String, Set<Reading>> readingsByKey;
  private final List<FullName> fullNames;
  private final List<Reading> fullNameKeys;

  /**
   * Known keys under themselves and under each of their one-letter deletions: two words one edit
   * apart always meet under one of these (symmetric deletion), so a typo is found by lookups.
   */
  private final Map<String, List<String>> byDeletion = new HashMap<>();

  private static final int MIN_CORRECTABLE = 4;

  private GivenNames(Map<String, Set<Reading>> readingsByKey, List<FullName> fullNames) {
    this.readingsByKey = readingsByKey;
    this.fullNames = List.copyOf(fullNames);
    this.fullNameKeys =
        fullNames.stream().map(n -> new Reading(PhoneticKey.of(n.cyrillic()), n.sex())).toList();
    for (String known : readingsByKey.keySet()) {
      byDeletion.computeIfAbsent(known, k -> new ArrayList<>()).add(known);
      for (int i = 0; i < known.length(); i++) {
        String deleted = known.substring(0, i) + known.substring(i + 1);
        byDeletion.computeIfAbsent(deleted, k -> new ArrayList<>()).add(known);
      }
    }
  }

  static GivenNames standard() {
    return STANDARD;
  }

  /** Every full name the word may stand for; empty when it is not a known given name. */
  Set<Reading> readings(String key) {
    return readingsByKey.getOrDefault(key, Set.of());
  }

  List<FullName> fullNames() {
    return fullNames;
  }

  /**
   * The known name or form one typo away from an unknown word (Кнстантин, Андюша, Гелб), if there
   * is one; short words are left alone, since there every edit lands on some other name. Of
   * several, the likeliest: a name of the sex the rest of the name shows (Гелб Голубев is Глеб, not
   * Геля), with the word's first letter (typos rarely strike it: Еорка is Егорка, not Борька), one
   * letter longer than the word (doubled letters fold away in a key, so a dropped letter is the
   * commonest typo left: Алёа Лебедева is Алёна, not Алёша), then in alphabetical order.
   */
  Optional<String> correct(String key, Sex sex) {
    if (key.length() < MIN_CORRECTABLE) {
      return Optional.empty();
    }
    Set<String> candidates = new java.util.TreeSet<>(byDeletion.getOrDefault(key, List.of()));
    for (int i = 0; i < key.length(); i++) {
      String deleted = key.substring(0, i) + key.substring(i + 1);
      candidates.addAll(byDeletion.getOrDefault(deleted, List.of()));
    }
    return candidates.stream()
        .filter(known -> Similarity.oneEditApart(known, key))
        .min(
            java.util.Comparator.comparing((String known) -> !fitsSex(known, sex))
                .thenComparing(known -> known.charAt(0) != key.charAt(0))
                .thenComparing(known -> known.length() != key.length() + 1)
                .thenComparing(known -> known));
  }

  private boolean fitsSex(String key, Sex sex) {
    return readings(key).stream().anyMatch(r -> !r.sex().conflictsWith(sex));
  }

  /**
   * The full names (their keys) of every known name or form one typo away from a word that is no
   * known name itself, keeping its first letter: Мша may be Миша (Михаил) or Маша (Мария), Тмур
   * Тимур. Used to tell a misspelt name from a different one; short words get several readings.
   */
  Set<String> near(String key) {
    Set<String> cached = near.get(key);
    if (cached != null) {
      return cached;
    }
    Set<String> found = new java.util.TreeSet<>();
    if (key.length() >= 2 && readings(key).isEmpty()) {
      Set<String> candidates = new java.util.TreeSet<>(byDeletion.getOrDefault(key, List.of()));
      for (int i = 1; i < key.length(); i++) {
        String deleted = key.substring(0, i) + key.substring(i + 1);
        candidates.addAll(byDeletion.getOrDefault(deleted, List.of()));
      }
      for (String known : candidates) {
        if (known.charAt(0) == key.charAt(0) && Similarity.oneEditApart(known, key)) {
          readings(known).forEach(r -> found.add(r.key()));
        }
      }
    }
    Set<String> result = Set.copyOf(found);
    if (near.size() < MAX_NEAR_CACHED) {
      near.put(key, result);
    }
    return result;
  }

  private static final int MAX_NEAR_CACHED = 200_000;
  private final Map<String, Set<String>> near = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Whether a man's full name begins with a patronymic's stem (serg: Сергей, danil: Даниил), so
   * that the word may be made from a father's name.
   */
  boolean beginsAMansName(String stem) {
    return stem.length() >= MIN_STEM
        && fullNameKeys.stream().anyMatch(r -> r.sex() == Sex.MALE && r.key().startsWith(stem));
  }

  private static final int MIN_STEM = 3;

  /** The full names of a sex, or of either, that begin with an initial. */
  List<String> startingWith(String initial, Sex sex) {
    return fullNameKeys.stream()
        .filter(r -> !r.sex().conflictsWith(sex) && r.key().startsWith(initial))
        .map(Reading::key)
        .toList();
  }

  private static GivenNames load() {
    Map<String, Set<Reading>> byKey = new HashMap<>();
    List<FullName> names = new ArrayList<>();
    try (InputStream in = GivenNames.class.getResourceAsStream("hypocorisms.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        FullName name = parse(line);
        names.add(name);
        Reading reading = new Reading(PhoneticKey.of(name.cyrillic()), name.sex());
        byKey.computeIfAbsent(reading.key(), k -> new LinkedHashSet<>()).add(reading);
        for (String form : name.forms()) {
          byKey.computeIfAbsent(PhoneticKey.of(form), k -> new LinkedHashSet<>()).add(reading);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new GivenNames(byKey, names);
  }

  private static FullName parse(String line) {
    String[] columns = line.split("\t", -1);
    Sex sex = columns[1].equals("f") ? Sex.FEMALE : Sex.MALE;
    List<String> forms = columns[2].isBlank() ? List.of() : List.of(columns[2].split(","));
    return new FullName(columns[0], sex, forms);
  }
}
