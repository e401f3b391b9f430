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

  /** How many reports give each birth year: (year, count) pairs, few. */
  private int[] yearCounts = new int[0];

  /**
   * Every reading of the given names as written; a name corrected from a typo or guessed from an
   * unknown word may be wrong (Нниа read as Ня), so it never contradicts anything.
   */
  private final Set<String> given = new LinkedHashSet<>(2);

  /** Given names read without ambiguity (Саша and Слава stand for several and are left out). */
  private final Set<String> certainGiven = new LinkedHashSet<>(1);

  private final Set<Patronymic> patronymics = new LinkedHashSet<>(1);

  /** A patronymic's stem and the word as written, which a typo near the suffix leaves closer. */
  private record Patronymic(String stem, String word) {}

  private final Set<String> surnames = new LinkedHashSet<>(1);

  /** First letters of the given name: of a name read without ambiguity, or the initial written. */
  private final Set<String> givenInitials = new LinkedHashSet<>(1);

  private final Set<String> patronymicInitials = new LinkedHashSet<>(1);

  /** Where the person was on the days the reports give both, in recognised cities: "day city". */
  private final Set<String> placesOnDays = new LinkedHashSet<>(1);

  Profile(Evidence report) {
    PersonName name = report.name();
    sex = name.sex();
    minYear = report.birthYear();
    maxYear = report.birthYear();
    if (report.birthYear() != Evidence.UNKNOWN) {
      yearCounts = new int[] {report.birthYear(), 1};
    }
    if (name.givenAsWritten()) {
      given.addAll(name.given());
    }
    if (name.given().size() == 1 && name.givenAsWritten()) {
      certainGiven.addAll(name.given());
      givenInitials.add(name.given().iterator().next().substring(0, 1));
    } else if (name.given().isEmpty()) {
      addIfPresent(givenInitials, name.givenInitial());
    }
    addIfPresent(patronymicInitials, name.patronymicInitial());
    if (!name.surname().isEmpty()) {
      surnames.add(name.surname());
    }
    if (!name.patronymic().isEmpty()) {
      patronymics.add(new Patronymic(name.patronymic(), name.patronymicWord()));
    }
    if (report.day() != Evidence.UNKNOWN && Places.isKnownCity(report.city())) {
      placesOnDays.add(report.day() + " " + report.city());
    }
  }

  boolean contradicts(Profile other) {
    return sex.conflictsWith(other.sex)
        || yearsApart(other)
        || firmYearsDiffer(other)
        || givenNamesDiffer(other)
        || patronymicsDiffer(other)
        || initialsDiffer(givenInitials, other.givenInitials)
        || initialsDiffer(patronymicInitials, other.patronymicInitials)
        || inTwoCitiesOnOneDay(other);
  }

  /** Detained on one day in two cities, by this person's reports and the other's. */
  private boolean inTwoCitiesOnOneDay(Profile other) {
    for (String x : placesOnDays) {
      int space = x.indexOf(' ');
      for (String y : other.placesOnDays) {
        if (y.regionMatches(0, x, 0, space + 1) && !y.equals(x)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Different given names, unless one report took the other's given name for the surname. */
  private boolean givenNamesDiffer(Profile other) {
    return differ(certainGiven, other.certainGiven, other) || differ(given, other.given, other);
  }

  /** No name of one is, nearly is, or was taken for the surname of, a name of the other. */
  private boolean differ(Set<String> mine, Set<String> theirs, Profile other) {
    return disjoint(mine, theirs)
        && !Scorer.anySimilar(mine, theirs)
        && disjoint(mine, other.surnames)
        && disjoint(theirs, surnames);
  }

  /**
   * How many reports must give a person's most common birth year before it counts against another
   * person's: with two, a year off by one twice (in one of a hundred persons) splits a person.
   */
  private static final int FIRM_COUNT = 3;

  /**
   * Each person's reports agree on one birth year more often than on any other, at least twice: a
   * year off by one in a report is common, the same slip twice outvoting the right year is not. Two
   * persons with different such years are two people (a pair of namesakes born a year apart).
   */
  private boolean firmYearsDiffer(Profile other) {
    int x = firmYear();
    if (x == Evidence.UNKNOWN) {
      return false;
    }
    int y = other.firmYear();
    return y != Evidence.UNKNOWN && x != y;
  }

  /** The year most reports give, if enough give it and no other year as often. */
  private int firmYear() {
    int best = Evidence.UNKNOWN;
    int bestCount = 0;
    boolean tie = false;
    for (int i = 0; i < yearCounts.length; i += 2) {
      if (yearCounts[i + 1] > bestCount) {
        best = yearCounts[i];
        bestCount = yearCounts[i + 1];
        tie = false;
      } else if (yearCounts[i + 1] == bestCount) {
        tie = true;
      }
    }
    return bestCount >= FIRM_COUNT && !tie ? best : Evidence.UNKNOWN;
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
    for (int i = 0; i < other.yearCounts.length; i += 2) {
      addYear(other.yearCounts[i], other.yearCounts[i + 1]);
    }
    given.addAll(other.given);
    certainGiven.addAll(other.certainGiven);
    givenInitials.addAll(other.givenInitials);
    patronymicInitials.addAll(other.patronymicInitials);
    surnames.addAll(other.surnames);
    patronymics.addAll(other.patronymics);
    placesOnDays.addAll(other.placesOnDays);
  }

  private void addYear(int year, int count) {
    for (int i = 0; i < yearCounts.length; i += 2) {
      if (yearCounts[i] == year) {
        yearCounts[i + 1] += count;
        return;
      }
    }
    int at = yearCounts.length;
    yearCounts = java.util.Arrays.copyOf(yearCounts, at + 2);
    yearCounts[at] = year;
    yearCounts[at + 1] = count;
  }

  /** Both known, and none of one is the other's or nearly (two typos) one of the other's. */
  private boolean patronymicsDiffer(Profile other) {
    if (patronymics.isEmpty() || other.patronymics.isEmpty()) {
      return false;
    }
    for (Patronymic x : patronymics) {
      for (Patronymic y : other.patronymics) {
        if (PersonName.sameFather(x.stem(), x.word(), y.stem(), y.word())) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Initials are written by lawyers and officials, who copy them from documents: two persons whose
   * given names (or patronymics) cannot begin with the same letter are two people (Петров М. Г. and
   * Петров М. А.).
   */
  private static boolean initialsDiffer(Set<String> xs, Set<String> ys) {
    if (xs.isEmpty() || ys.isEmpty()) {
      return false;
    }
    for (String x : xs) {
      if (ys.contains(x)) {
        return false;
      }
    }
    return true;
  }

  private static void addIfPresent(Set<String> set, String value) {
    if (!value.isEmpty()) {
      set.add(value);
    }
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
