package org.vigil.linkage.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vigil.linkage.BenchData;
import org.vigil.linkage.Linker;
import org.vigil.linkage.ReportFacts;

/**
 * A coordinator's search by name ({@link Linker#search}, behind {@code /api/search/persons} and
 * {@code /console/search}) against a linker that knows {@code persons} reports of as many people.
 * The queries are other reports' names as the generator writes them: Cyrillic and every
 * romanisation, typos, initials; every other one is the surname word alone, as a coordinator often
 * types it. The typo scan over the distinct surname keys runs on every query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx12g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class SearchBenchmark {
  @Param("1000000")
  int persons;

  private Linker linker;
  private final List<String> queries = new ArrayList<>();
  private int next;

  @Setup
  public void knowPersons() {
    BenchData data = BenchData.generate(persons, 11);
    linker = new Linker();
    data.known().forEach(linker::link);
    for (ReportFacts r : data.incoming()) {
      queries.add(r.name());
      String[] words = r.name().split(" ");
      queries.add(words[words.length - 1]);
    }
  }

  @Benchmark
  public List<Linker.Found> search() {
    return linker.search(queries.get(next++ % queries.size()), 50);
  }
}
