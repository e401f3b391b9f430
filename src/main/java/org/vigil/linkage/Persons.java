package org.vigil.linkage;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reports grouped into persons by union–find, where each person carries what its reports say about
 * it, so that a join that would make one person out of two contradicting ones is refused.
 */
final class Persons {
  /** Off-by-one errors in both directions still describe one birth year. */
  private static final int MAX_YEAR_SPREAD = 2;

  /** What is known about one person so far. */
  private static final class Profile {
    Sex sex;
    int minYear;
    int maxYear;
    final Set<String> given = new LinkedHashSet<>(2);
    final Set<String> patronymics = new LinkedHashSet<>(1);

    Profile(Evidence report) {
      PersonName name = report.name();
      sex = name.sex();
      minYear = report.birthYear();
      maxYear = report.birthYear();
      given.addAll(name.given());
      if (!name.patronymic().isEmpty()) {
        patronymics.add(name.patronymic());
      }
    }

    boolean contradicts(Profile other) {
      return sex.conflictsWith(other.sex)
          || yearsApart(other)
          || disjoint(given, other.given)
          || disjoint(patronymics, other.patronymics);
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

  private final List<Evidence> reports;
  private final int[] parent;
  private final Profile[] profiles;

  Persons(List<Evidence> reports) {
    this.reports = reports;
    parent = new int[reports.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    profiles = new Profile[reports.size()];
  }

  /**
   * Makes the two reports' persons one, unless they contradict each other.
   *
   * @return false if the persons contradict each other and stay apart
   */
  boolean join(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return true;
    }
    Profile pa = profile(ra);
    Profile pb = profile(rb);
    if (pa.contradicts(pb)) {
      return false;
    }
    int root = Math.min(ra, rb);
    int child = Math.max(ra, rb);
    parent[child] = root;
    Profile kept = root == ra ? pa : pb;
    kept.absorb(root == ra ? pb : pa);
    profiles[child] = null;
    return true;
  }

  /** For each report, the smallest index among its person's reports. */
  int[] components() {
    int[] component = new int[parent.length];
    for (int i = 0; i < parent.length; i++) {
      component[i] = find(i);
    }
    return component;
  }

  private Profile profile(int root) {
    if (profiles[root] == null) {
      profiles[root] = new Profile(reports.get(root));
    }
    return profiles[root];
  }

  private int find(int x) {
    int node = x;
    while (parent[node] != node) {
      parent[node] = parent[parent[node]];
      node = parent[node];
    }
    return node;
  }
}
