package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Birth years weighed person against person, every report counting. */
class BirthYearsTest {
  private final Frequencies frequencies = frequencies();

  @Test
  void theSameYearIsEvidenceForOnePersonAndMoreSoForARareYear() {
    double young = BirthYears.logRatio(years(2001), years(2001), frequencies);
    double old = BirthYears.logRatio(years(1956), years(1956), frequencies);
    assertThat(young).isPositive();
    assertThat(old).isGreaterThan(young);
  }

  @Test
  void oneYearOffByOneIsASlipButTheSameSlipRepeatedIsAnotherPerson() {
    double slip = BirthYears.logRatio(years(2005), years(2004), frequencies);
    double repeated = BirthYears.logRatio(years(2005, 2005, 2005), years(2004, 2004), frequencies);
    assertThat(slip).isGreaterThan(-2);
    assertThat(repeated).isLessThan(-4).isLessThan(slip);
  }

  @Test
  void yearsFarApartAreTwoPeopleAndMissingYearsSayNothing() {
    double slip = BirthYears.logRatio(years(1990), years(1989), frequencies);
    assertThat(BirthYears.logRatio(years(1990), years(1975), frequencies))
        .isLessThan(-5)
        .isLessThan(slip - 5);
    assertThat(BirthYears.logRatio(years(), years(1975), frequencies)).isZero();
  }

  /** (year, count) pairs, as persons keep them. */
  private static int[] years(int... years) {
    java.util.SortedMap<Integer, Integer> counts = new java.util.TreeMap<>();
    for (int y : years) {
      counts.merge(y, 1, Integer::sum);
    }
    return counts.entrySet().stream()
        .flatMapToInt(e -> java.util.stream.IntStream.of(e.getKey(), e.getValue()))
        .toArray();
  }

  /** Most detainees young: twenty reports for each year from 1990 to 2005, two for 1956. */
  private static Frequencies frequencies() {
    Frequencies f = new Frequencies();
    for (int year = 1990; year <= 2005; year++) {
      for (int i = 0; i < 20; i++) {
        f.add(new Evidence(PersonName.readings("Иван Петров"), year, "", Evidence.UNKNOWN, ""));
      }
    }
    for (int i = 0; i < 2; i++) {
      f.add(new Evidence(PersonName.readings("Иван Петров"), 1956, "", Evidence.UNKNOWN, ""));
    }
    return f;
  }
}
