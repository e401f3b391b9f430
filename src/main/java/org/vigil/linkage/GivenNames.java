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
  private final List<String> sortedKeys;

  private static final int MIN_CORRECTABLE = 4;

  private GivenNames(Map<String, Set<Reading>> readingsByKey, List<FullName> fullNames) {
    this.readingsByKey = readingsByKey;
    this.fullNames = List.copyOf(fullNames);
    this.sortedKeys = readingsByKey.keySet().stream().sorted().toList();
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
   * The known name or form one typo away from an unknown word (Кнстантин, Андюша), if there is one;
   * short words are left alone, since there every edit lands on some other name.
   */
  Optional<String> correct(String key) {
    if (key.length() < MIN_CORRECTABLE) {
      return Optional.empty();
    }
    for (String known : sortedKeys) {
      if (Math.abs(known.length() - key.length()) <= 1 && Similarity.oneEditApart(known, key)) {
        return Optional.of(known);
      }
    }
    return Optional.empty();
  }

  /** The full names of a sex, or of either, that begin with an initial. */
  List<String> startingWith(String initial, Sex sex) {
    return fullNames.stream()
        .filter(n -> !n.sex().conflictsWith(sex))
        .map(n -> PhoneticKey.of(n.cyrillic()))
        .filter(k -> k.startsWith(initial))
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
