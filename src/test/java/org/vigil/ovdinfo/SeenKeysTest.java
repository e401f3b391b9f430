package org.vigil.ovdinfo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenKeysTest {

  @Test
  void remembersTheFirstLineOfEveryKeyAcrossGrowth() {
    SeenKeys seen = new SeenKeys();
    for (int i = 0; i < 100_000; i++) {
      assertThat(seen.putIfAbsent("ovdinfo:Москва:2013-01-12:id=" + i, i + 2)).isEqualTo(-1);
    }
    for (int i = 0; i < 100_000; i += 997) {
      assertThat(seen.putIfAbsent("ovdinfo:Москва:2013-01-12:id=" + i, 1_000_000)).isEqualTo(i + 2);
    }
    assertThat(seen.putIfAbsent("", 5)).isEqualTo(-1);
    assertThat(seen.putIfAbsent("", 6)).isEqualTo(5);
  }
}
