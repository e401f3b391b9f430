package org.vigil.linkage;

import java.util.List;

/**
 * Reports grouped into persons by union–find, where each person carries what its reports say about
 * it, so that a join that would make one person out of two contradicting ones is refused.
 */
final class Persons {
  /** How many reports of each person are scored against the other's before a join. */
  private static final int SAMPLE = 4;

  private final List<Evidence> reports;
  private final Scorer scorer;
  private final double agreementFloor;
  private final int[] parent;
  private final Profile[] profiles;
  private final IntList[] members;

  /**
   * @param agreementFloor the mean score that a sample of the two persons' reports must reach
   *     against each other for a join of two persons with several reports each
   */
  Persons(List<Evidence> reports, Scorer scorer, double agreementFloor) {
    this.reports = reports;
    this.scorer = scorer;
    this.agreementFloor = agreementFloor;
    members = new IntList[reports.size()];
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
    return join(a, b, true);
  }

  /**
   * Makes the two reports' persons one unless their profiles contradict each other, without asking
   * their reports to resemble each other on average: for a join already weighed person against
   * person.
   */
  boolean joinIfConsistent(int a, int b) {
    return join(a, b, false);
  }

  private boolean join(int a, int b, boolean resemblance) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return true;
    }
    Profile pa = profile(ra);
    Profile pb = profile(rb);
    if (pa.contradicts(pb) || (resemblance && !reportsAgree(ra, rb))) {
      return false;
    }
    int root = Math.min(ra, rb);
    int child = Math.max(ra, rb);
    parent[child] = root;
    Profile kept = root == ra ? pa : pb;
    kept.absorb(root == ra ? pb : pa);
    profiles[child] = null;
    IntList joined = members(root);
    IntList moved = members(child);
    for (int i = 0; i < moved.size(); i++) {
      joined.add(moved.get(i));
    }
    members[child] = null;
    return true;
  }

  /**
   * One strong pair can be a coincidence between namesakes; two persons that are one should
   * resemble each other across their reports. A sample of each person's first reports is scored
   * against the other's, and the mean must reach the floor.
   */
  private boolean reportsAgree(int ra, int rb) {
    IntList xs = members(ra);
    IntList ys = members(rb);
    if (xs.size() < 2 || ys.size() < 2) {
      return true;
    }
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < Math.min(SAMPLE, xs.size()); i++) {
      for (int j = 0; j < Math.min(SAMPLE, ys.size()); j++) {
        sum += scorer.score(reports.get(xs.get(i)), reports.get(ys.get(j)));
        pairs++;
      }
    }
    return sum / pairs >= agreementFloor;
  }

  private IntList members(int root) {
    if (members[root] == null) {
      members[root] = new IntList();
      members[root].add(root);
    }
    return members[root];
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
