package org.vigil.linkage;

import java.util.List;

/**
 * Reports grouped into persons by union–find, where each person carries what its reports say about
 * it, so that a join that would make one person out of two contradicting ones is refused.
 */
final class Persons {
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
