package org.vigil.linkage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
    private CommandSpec spec;

    /** Picocli hands over the model while building it: the footer lists the named settings. */
    @Spec
    void spec(CommandSpec spec) {
      this.spec = spec;
      spec.usageMessage().footerHeading("%nSettings (--setting NAME):%n").footer(settingsHelp());
    }

    @Option(names = "--persons", required = true, description = "number of persons")
    int persons;

    @Option(
        names = "--reports",
        description = "number of reports (default: the setting's reports per person)")
    Integer reports;

    @Option(names = "--seed", required = true, description = "random seed; same seed, same data")
    long seed;

    @Option(names = "--out", defaultValue = ".", description = "directory to write into")
    Path out;

    @Option(
        names = "--setting",
        defaultValue = "default",
        description = "named setting of the data's axes (see below); default: ${DEFAULT-VALUE}")
    String setting;

    @Option(names = "--surnames", description = "distinct surnames in the pool (overrides)")
    Integer surnames;

    @Option(names = "--zipf", description = "Zipf exponent of the surname frequencies")
    Double zipf;

    @Option(names = "--reports-per-person", description = "mean reports per person")
    Double reportsPerPerson;

    @Option(names = "--latin-share", description = "share of reports in Latin letters, 0 to 1")
    Double latinShare;

    @Option(names = "--missing-year", description = "share of reports without birth year, 0 to 1")
    Double missingYear;

    @Option(names = "--days", description = "distinct protest days")
    Integer days;

    @Override
    public Integer call() throws IOException {
      GeneratorSettings settings = settings();
      int total =
          reports == null ? (int) Math.round(persons * settings.reportsPerPerson()) : reports;
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
      List<Generator.Labelled> data = new Generator(seed, settings).generate(persons, total);
      Files.createDirectories(out);
      List<ReportFacts> facts = data.stream().map(Generator.Labelled::report).toList();
      Csv.writeReports(out.resolve("reports.csv"), facts);
      Csv.writeAssignments(
          out.resolve("truth.csv"),
          facts.stream().map(ReportFacts::reportId).toList(),
          data.stream().map(Generator.Labelled::personId).toList());
      spec.commandLine()
          .getOut()
          .printf(
              "wrote %d reports about %d persons to %s (setting %s)%n",
              facts.size(), persons, out, settings.name());
      return 0;
    }

    /** The named setting with the flags' overrides, each checked against its range. */
    private GeneratorSettings settings() {
      GeneratorSettings named = GeneratorSettings.NAMED.get(setting);
      if (named == null) {
        throw new ParameterException(
            spec.commandLine(),
            "--setting must be one of " + String.join(", ", GeneratorSettings.NAMED.keySet()));
      }
      check(surnames == null || surnames >= 1, "--surnames must be at least 1");
      check(zipf == null || zipf >= 0 && zipf <= 3, "--zipf must be between 0 and 3");
      check(
          reportsPerPerson == null || reportsPerPerson >= 1,
          "--reports-per-person must be at least 1");
      check(share(latinShare), "--latin-share must be between 0 and 1");
      check(share(missingYear), "--missing-year must be between 0 and 1");
      check(days == null || days >= 1, "--days must be at least 1");
      return named.with(
          b -> {
            b.surnamePool = surnames == null ? b.surnamePool : surnames;
            b.zipf = zipf == null ? b.zipf : zipf;
            b.reportsPerPerson = reportsPerPerson == null ? b.reportsPerPerson : reportsPerPerson;
            b.latinShare = latinShare == null ? b.latinShare : latinShare;
            b.missingYear = missingYear == null ? b.missingYear : missingYear;
            b.days = days == null ? b.days : days;
          });
    }

    private static boolean share(Double value) {
      return value == null || value >= 0 && value <= 1;
    }

    private void check(boolean condition, String message) {
      if (!condition) {
        throw new ParameterException(spec.commandLine(), message);
      }
    }
  }

  private static String[] settingsHelp() {
    return GeneratorSettings.NAMED.values().stream()
        .map(
            s ->
                String.format(
                    Locale.ROOT, "  %-13s %s", s.name(), s.description().replace("%", "%%")))
        .toArray(String[]::new);
  }
}
