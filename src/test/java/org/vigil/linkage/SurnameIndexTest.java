package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index finds exactly the keys a scan of every key with {@link Similarity#oneEditApart} finds,
 * whatever the edit and wherever it is, without scanning.
 */
class SurnameIndexTest {
  @Test
  void finds_what_a_scan_of_every_key_finds() {
    Random random = new Random(7);
    List<String> keys = new ArrayList<>();
    SurnameIndex index = new SurnameIndex();
    for (int i = 0; i < 3000; i++) {
      String key = word(random, 3 + random.nextInt(6));
      keys.add(key);
      index.file(key, i);
    }
    for (int q = 0; q < 3000; q++) {
      String query =
          q % 2 == 0
              ? edit(random, keys.get(random.nextInt(keys.size())))
              : word(random, 4 + random.nextInt(4));
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        if (query.length() >= 4 && Similarity.oneEditApart(query, keys.get(i))) expected.add(i);
        if (keys.get(i).equals(query)) expected.add(i);
      }
      List<Integer> found = new ArrayList<>();
      index.find(query, (report, exact) -> found.add(report));
      assertThat(found).as(query).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static String word(Random random, int length) {
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < length; i++) w.append("abdeiko".charAt(random.nextInt(7)));
    return w.toString();
  }

  /** One substitution, insertion, deletion or swap of neighbours, anywhere. */
  private static String edit(Random random, String key) {
    int at = random.nextInt(key.length());
    char c = "abdeiko".charAt(random.nextInt(7));
    return switch (random.nextInt(4)) {
      case 0 -> key.substring(0, at) + c + key.substring(at + 1);
      case 1 -> key.substring(0, at) + c + key.substring(at);
      case 2 -> key.length() > 1 ? key.substring(0, at) + key.substring(at + 1) : key;
      default ->
          at + 1 < key.length()
              ? key.substring(0, at) + key.charAt(at + 1) + key.charAt(at) + key.substring(at + 2)
              : key;
    };
  }
}
