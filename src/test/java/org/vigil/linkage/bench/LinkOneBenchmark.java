package org.vigil.linkage.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.vigil.linkage.LinkDecision;
import org.vigil.linkage.Linker;
import org.vigil.linkage.ReportFacts;

/**
 * Intake latency: one new report linked against a {@link Linker} that knows {@code persons} persons
 * (one report each, all different people). The new reports are other reports about the same
 * generated persons, so every kind of decision occurs. Each linked report stays in the linker, as
 * at intake, so the linker grows a little during the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx12g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class LinkOneBenchmark {
  @Param("1000000")
  int persons;

  private Linker linker;
  private List<ReportFacts> incoming;
  private int next;

  @Setup
  public void knowPersons() {
    BenchData data = BenchData.generate(persons, 11);
    linker = new Linker();
    data.known().forEach(linker::link);
    incoming = data.incoming();
  }

  /** The baseline's state: known persons by normalised name. */
  @State(Scope.Benchmark)
  public static class ExactNames {
    @Param("1000000")
    int persons;

    private final Map<String, String> personByName = new HashMap<>();
    private List<ReportFacts> incoming;
    private int next;

    @Setup
    public void knowPersons() {
      BenchData data = BenchData.generate(persons, 11);
      data.known().forEach(r -> personByName.putIfAbsent(BenchData.exactName(r), r.reportId()));
      incoming = data.incoming();
    }
  }

  @Benchmark
  public String baselineOne(ExactNames state) {
    ReportFacts report = state.incoming.get(state.next++ % state.incoming.size());
    return state.personByName.computeIfAbsent(
        BenchData.exactName(report), name -> "Q" + state.next);
  }

  @Benchmark
  public LinkDecision linkOne() {
    ReportFacts report = incoming.get(next % incoming.size());
    return linker.link(
        new ReportFacts(
            "Q" + next++,
            report.name(),
            report.birthYear(),
            report.city(),
            report.detainedOn(),
            report.policeStation(),
            report.source()));
  }
}
