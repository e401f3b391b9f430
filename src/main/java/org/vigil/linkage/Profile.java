package org.vigil.linkage;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the reports of one person say about them so far: sex, range of birth years, given names and
 * patronymics. Two persons whose profiles contradict each other are never merged.
 */
final class Profile {
  /** Off-by-one errors in both directions still describe one birth year. */
  private static final int MAX_YEAR_SPREAD = 2;

  private Sex sex;
  private int minYear;
  private int maxYear;
  private final Set<String> given = new LinkedHashSet<>(2);
  private final Set<String> patronymics = new LinkedHashSet<>(1);
  private final Set<String> surnames = new LinkedHashSet<>(1);

  Profile(Evidence report) {
    PersonName name = report.name();
    sex = name.sex();
    minYear = report.birthYear();
    maxYear = report.birthYear();
    given.addAll(name.given());
    if (!name.surname().isEmpty()) {
      surnames.add(name.surname());
    }
    if (!name.patronymic().isEmpty()) {
      patronymics.add(name.patronymic());
    }
  }

  boolean contradicts(Profile other) {
    return sex.conflictsWith(other.sex)
        || yearsApart(other)
        || givenNamesDiffer(other)
        || disjoint(patronymics, other.patronymics);
  }

  /** Different given names, unless one report took the other's given name for the surname. */
  private boolean givenNamesDiffer(Profile other) {
    return disjoint(given, other.given)
        && disjoint(given, other.surnames)
        && disjoint(other.given, surnames);
  }

  private boolean yearsApart(Profile other) {
    if (minYear == Evidence.UNKNOWN || other.minYear == Evidence.UNKNOWN) {
      return false;
    }
    return Math.max(maxYear, other.maxYear) - Math.min(minYear, other.minYear) > MAX_YEAR_SPREAD;
  }

  void absorb(Profile other) {
    if (sex == Sex.UNKNOWN) {
      sex = other.sex;
    }
    if (minYear == Evidence.UNKNOWN) {
      minYear = other.minYear;
      maxYear = other.maxYear;
    } else if (other.minYear != Evidence.UNKNOWN) {
      minYear = Math.min(minYear, other.minYear);
      maxYear = Math.max(maxYear, other.maxYear);
    }
    given.addAll(other.given);
    surnames.addAll(other.surnames);
    patronymics.addAll(other.patronymics);
  }

  /** Both known, and no value of one equals or nearly equals (a typo) a value of the other. */
  private static boolean disjoint(Set<String> xs, Set<String> ys) {
    if (xs.isEmpty() || ys.isEmpty()) {
      return false;
    }
    for (String x : xs) {
      for (String y : ys) {
        if (x.equals(y) || Similarity.typo(x, y)) {
          return false;
        }
      }
    }
    return true;
  }
}
