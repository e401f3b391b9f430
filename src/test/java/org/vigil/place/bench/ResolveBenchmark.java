package org.vigil.place.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vigil.place.Gazetteer;
import org.vigil.place.Place;

/**
 * Intake cost of resolving a report's city: {@link Gazetteer#resolve} against the floor of any
 * lookup, a plain {@link HashMap} from the exact text to the place (what grouping by the raw text
 * costs), over the same mix of texts in the same run.
 *
 * <pre>
 * ./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main ResolveBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ResolveBenchmark {
  /**
   * Texts as reports write cities: common names, abbreviations, romanisations, noise, an ambiguous
   * name, an address and junk, so that every path of a lookup is taken.
   */
  static final List<String> TEXTS =
      List.of(
          "Москва",
          "г. Москва",
          "МОСКВА\u200b",
          "Moscow",
          "СПб",
          "Питер",
          "Санкт-Петербург",
          "St Petersburg",
          "Екб",
          "Екатеринбург",
          "Nizhny Novgorod",
          "Нижний Новгород",
          "Казань",
          "Новосибирск",
          "Якутск",
          "Октябрьский",
          "Москва, ул. Тверская 13, Иванов",
          "asdfgh");

  private Gazetteer gazetteer;
  private Map<String, Place> exact;
  private int next;

  @Setup
  public void load() {
    gazetteer = Gazetteer.russia();
    exact = new HashMap<>();
    for (String text : TEXTS) gazetteer.resolve(text).ifPresent(place -> exact.put(text, place));
  }

  @Benchmark
  public Place baselineHashMap() {
    return exact.get(nextText());
  }

  @Benchmark
  public Optional<Place> resolve() {
    return gazetteer.resolve(nextText());
  }

  private String nextText() {
    next = next == TEXTS.size() - 1 ? 0 : next + 1;
    return TEXTS.get(next);
  }
}
