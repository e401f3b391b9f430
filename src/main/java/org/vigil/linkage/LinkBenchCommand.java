package org.vigil.linkage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vigil link-bench}: test data for linkage with its ground truth. */
@Command(
    name = "link-bench",
    mixinStandardHelpOptions = true,
    description = "Test data for measuring linkage.",
    subcommands = LinkBenchCommand.Generate.class)
public final class LinkBenchCommand {

  /** {@code vigil link-bench generate}. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = {
        "Writes reports.csv and truth.csv: generated reports about generated persons, with the"
            + " variations of real reports (scripts, romanisations, diminutives, word order,"
            + " initials, feminine forms, typos, missing or wrong facts), namesakes, relatives"
            + " sharing a surname and persons detained at several events."
      })
  static final class Generate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--persons", required = true, description = "number of persons")
    int persons;

    @Option(names = "--reports", description = "number of reports (default: 10 per person)")
    Integer reports;

    @Option(names = "--seed", required = true, description = "random seed; same seed, same data")
    long seed;

    @Option(names = "--out", defaultValue = ".", description = "directory to write into")
    Path out;

    @Override
    public Integer call() throws IOException {
      int total = reports == null ? persons * 10 : reports;
      if (persons < 1) {
        throw new ParameterException(spec.commandLine(), "--persons must be at least 1");
      }
      if (total < persons) {
        throw new ParameterException(
            spec.commandLine(),
            "--reports must be at least --persons ("
                + persons
                + "): every person is reported at least once");
      }
      List<Generator.Labelled> data = new Generator(seed).generate(persons, total);
      Files.createDirectories(out);
      List<ReportFacts> facts = data.stream().map(Generator.Labelled::report).toList();
      Csv.writeReports(out.resolve("reports.csv"), facts);
      Csv.writeAssignments(
          out.resolve("truth.csv"),
          facts.stream().map(ReportFacts::reportId).toList(),
          data.stream().map(Generator.Labelled::personId).toList());
      spec.commandLine()
          .getOut()
          .printf("wrote %d reports about %d persons to %s%n", total, persons, out);
      return 0;
    }
  }
}
