package org.vigil.linkage;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs an action for every index on all cores, the indices interleaved. A parallel stream over a
 * range hands each core a few contiguous slices, and a person is rooted at its first report, so the
 * persons of many reports crowd the start of the range: one core worked alone on that slice while
 * the other waited.
 */
final class Parallel {
  /** Each stride visits every STRIDES-th index, so every slice of strides spans the whole range. */
  private static final int STRIDES = 256;

  private Parallel() {}

  static void forEach(int size, IntConsumer action) {
    IntStream.range(0, STRIDES)
        .parallel()
        .forEach(
            stride -> {
              for (int i = stride; i < size; i += STRIDES) {
                action.accept(i);
              }
            });
  }
}
