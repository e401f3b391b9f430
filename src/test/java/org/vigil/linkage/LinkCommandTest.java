package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.Main;
import picocli.CommandLine;

class LinkCommandTest {
  @TempDir Path dir;

  @Test
  void badRowsAreReportedWithLineNumbersAndSkipped() throws Exception {
    Path in = dir.resolve("reports.csv");
    Files.writeString(
        in,
        """
        report_id,name,birth_year,city,detained_on,police_station,source
        r1,Алексей Навальный,1976,Москва,2021-01-23,ОВД Тверской,press
        r2,"Навальный Алексей Анатольевич",1976,Moscow,2021-01-23,,lawyer
        r3,Иван Иванов,nineteen,Москва,2021-01-23,,witness
        r4,Мария Смирнова,1990,Москва,23/01/2021,,relative
        r5,,1990,Москва,2021-01-23,,relative
        r6,Пётр Петров,1990
        r1,Лёша Навальный,,Москва,2021-01-23,,relative
        r7,"Лёша Навальный",,Москва,2021-01-23,,relative
        r8,???,1990,Москва,2021-01-23,,press
        """,
        StandardCharsets.UTF_8);
    Path out = dir.resolve("clusters.csv");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int exit = run(stdout, stderr, "link", "--in", in.toString(), "--out", out.toString());

    assertThat(exit).isZero();
    assertThat(stderr.toString())
        .contains("line 4: birth_year is not a plausible year: 'nineteen'")
        .contains("line 5: detained_on is not a date")
        .contains("line 6: empty name")
        .contains("line 7: expected 7 fields, found 3")
        .contains("line 8: duplicate report_id r1 (first on line 2)")
        .contains("line 10: name has no letters: '???'");
    assertThat(stdout.toString())
        .contains("linked 3 reports into 1 persons")
        .contains("6 bad rows");
    List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(rows).containsExactly("report_id,person_id", "r1,P-r1", "r2,P-r1", "r7,P-r1");
  }

  /** Found by LinkCsvFuzzTest: a broken quote ended the command with fastcsv's bare message. */
  @Test
  void aRecordThatIsNotCsvIsABadRowAndTheRowsBeforeItAreLinked() throws Exception {
    Path in = dir.resolve("reports.csv");
    Files.writeString(
        in,
        """
        report_id,name,birth_year,city,detained_on,police_station,source
        r1,Ольга Васнецова,1985,Москва,2021-01-23,,press
        r2,"Васнецова Ольга"3,1985,Moscow,2021-01-23,,lawyer
        r3,Ольга Васнецова,1985,Москва,2021-01-23,,witness
        """,
        StandardCharsets.UTF_8);
    Path out = dir.resolve("clusters.csv");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int exit = run(stdout, stderr, "link", "--in", in.toString(), "--out", out.toString());

    assertThat(exit).isZero();
    assertThat(stderr.toString())
        .contains("line 3: not CSV from here on, the rest of the file is not read")
        .contains("Unexpected character after closing quote: '3'");
    assertThat(stdout.toString())
        .contains("linked 1 reports into 1 persons")
        .contains("1 bad rows");
  }

  @Test
  void truthPrintsPairwiseAndBcubedQualityForVigilAndTheBaseline() throws Exception {
    StringWriter ignored = new StringWriter();
    generateTwoHundredPersons();
    for (String mode : List.of("", "--baseline")) {
      StringWriter stdout = new StringWriter();
      List<String> args =
          new java.util.ArrayList<>(
              List.of(
                  "link",
                  "--in",
                  dir.resolve("reports.csv").toString(),
                  "--out",
                  dir.resolve("clusters.csv").toString(),
                  "--truth",
                  dir.resolve("truth.csv").toString()));
      if (!mode.isEmpty()) {
        args.add(mode);
      }
      assertThat(run(stdout, ignored, args.toArray(String[]::new))).isZero();
      assertThat(stdout.toString())
          .contains("linked 2000 reports")
          .contains("pairwise precision")
          .contains("B-cubed")
          .containsPattern("persons found \\d+ / true 200 \\([-+]\\d+\\.\\d %\\)");
    }
    assertThat(Files.readAllLines(dir.resolve("clusters.csv"))).hasSize(2001);
  }

  @Test
  void incrementalLinksAsIntakeDoesAndComparesWithBatch() throws Exception {
    StringWriter ignored = new StringWriter();
    generateTwoHundredPersons();
    String in = dir.resolve("reports.csv").toString();
    Path batch = dir.resolve("batch.csv");
    assertThat(run(new StringWriter(), ignored, "link", "--in", in, "--out", batch.toString()))
        .isZero();
    StringWriter stdout = new StringWriter();
    int status =
        run(
            stdout,
            ignored,
            "link",
            "--in",
            in,
            "--out",
            dir.resolve("intake.csv").toString(),
            "--incremental",
            "5",
            "--truth",
            batch.toString());

    assertThat(status).isZero();
    assertThat(stdout.toString())
        .containsPattern("intake: linked 2000 reports into \\d+ persons")
        .containsPattern("\\d+ matched, \\d+ new persons, \\d+ sent to review")
        .contains("pairwise precision")
        .containsPattern("decided without review: \\d+ reports, pairwise precision");
    StringWriter both = new StringWriter();
    assertThat(
            run(
                new StringWriter(),
                both,
                "link",
                "--in",
                in,
                "--out",
                batch.toString(),
                "--baseline",
                "--incremental",
                "5"))
        .isEqualTo(2);
    assertThat(both.toString()).contains("--baseline and --incremental");
  }

  @Test
  void aFileWithoutTheHeaderIsRefused() throws Exception {
    Path in = dir.resolve("reports.csv");
    Files.writeString(in, "id,name\n1,Иван\n");
    StringWriter stderr = new StringWriter();
    int exit = link(stderr, in, dir.resolve("o.csv"));
    assertThat(exit).isEqualTo(2);
    assertThat(stderr.toString()).contains("expected the header report_id,name,birth_year");
  }

  @Test
  void theGeneratorNamesTheOptionThatCannotWork() {
    StringWriter stderr = new StringWriter();
    int exit =
        run(
            new StringWriter(),
            stderr,
            "link-bench",
            "generate",
            "--persons",
            "5",
            "--reports",
            "3",
            "--seed",
            "1",
            "--out",
            dir.toString());
    assertThat(exit).isEqualTo(2);
    assertThat(stderr.toString()).contains("--reports must be at least --persons (5)");
    assertThat(dir.resolve("reports.csv")).doesNotExist();
  }

  @Test
  void aMissingInputFileIsNamedAsMissing() {
    StringWriter stderr = new StringWriter();
    Path missing = dir.resolve("reports.csv");
    int exit = link(stderr, missing, dir.resolve("clusters.csv"));
    assertThat(exit).isEqualTo(1);
    assertThat(stderr.toString()).contains(missing + ": no such file");
    assertThat(dir.resolve("clusters.csv")).doesNotExist();
  }

  /** Runs {@code vigil link} on a file that should be refused, collecting what it says. */
  private static int link(StringWriter stderr, Path in, Path out) {
    return run(new StringWriter(), stderr, "link", "--in", in.toString(), "--out", out.toString());
  }

  /** reports.csv and truth.csv in the test's folder: 200 generated persons, 2,000 reports. */
  private void generateTwoHundredPersons() {
    assertThat(
            run(
                new StringWriter(),
                new StringWriter(),
                "link-bench",
                "generate",
                "--persons",
                "200",
                "--seed",
                "3",
                "--out",
                dir.toString()))
        .isZero();
  }

  private static int run(StringWriter stdout, StringWriter stderr, String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(stdout));
    cli.setErr(new PrintWriter(stderr));
    return cli.execute(args);
  }

  @Test
  void clustersWriteFormulaLikeIdsAsTextAndReadThemBack() throws Exception {
    Path in = dir.resolve("reports.csv");
    Files.writeString(
        in,
        """
        report_id,name,birth_year,city,detained_on,police_station,source
        "=HYPERLINK(""http://x"",""y"")",Анна Смирнова,1990,Москва,2021-01-23,,press
        -12,Борис Кузнецов,1970,Казань,2021-01-23,,witness
        """,
        StandardCharsets.UTF_8);
    Path out = dir.resolve("clusters.csv");
    int exit =
        run(
            new StringWriter(),
            new StringWriter(),
            "link",
            "--in",
            in.toString(),
            "--out",
            out.toString());

    assertThat(exit).isZero();
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8))
        .contains(
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"P-=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        .anyMatch(line -> line.startsWith("'-12,"));
    assertThat(Csv.readAssignments(out, bad -> {}))
        .containsOnlyKeys("=HYPERLINK(\"http://x\",\"y\")", "-12");
  }
}
