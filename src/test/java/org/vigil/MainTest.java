package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Each test imports into its own empty embedded database. */
  @TempDir Path data;

  private int run(String... args) {
    String[] withData = Arrays.copyOf(args, args.length + 2);
    withData[args.length] = "--data";
    withData[args.length + 1] = data.toString();
    return new CommandLine(new Main())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(withData);
  }

  @Test
  void importsTheTableAndSumsUp() {
    int status = run("import", "ovdinfo", SharedData.detentions2013().toString());

    assertThat(status).isZero();
    assertThat(out.toString())
        .contains("rows read: 235")
        .contains("events created: 235, updated: 0, unchanged: 0")
        .contains("rows rejected: 0")
        .contains("police stations: 67 named, 67 without location")
        .contains("not police stations: 5")
        .contains("station counts that do not add up: 6")
        .contains("  ovdinfo:Москва:2013-07-18:id=91: total 195, the cell states 185\n")
        .contains(
            "  ovdinfo:Санкт-Петербург:2013-09-21:id=199: total 60, the cell states 60 (so the cell notes)");
    assertThat(err.toString()).as("no progress bar off a terminal").isEmpty();
  }

  @Test
  void locatesStationsFromTheLayer() {
    run(
        "import",
        "ovdinfo",
        SharedData.detentions2013().toString(),
        "--stations",
        SharedData.stations2013().toString());

    assertThat(out.toString()).contains("police stations: 67 named, 2 without location");
  }

  @Test
  void listsRejectedRowsAndExitsWithTwo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("2012.csv");
    Files.writeString(file, "Id,date,number_of_detentions\n1,01.02.2012,3\n2,32.01.2012,4\n");

    int status = run("import", "ovdinfo", file.toString(), "--region", "Москва");

    assertThat(status).isEqualTo(2);
    assertThat(out.toString())
        .contains("rows read: 2")
        .contains("line 3, column date: not a date: '32.01.2012'");
  }

  @Test
  void aMissingFileIsReportedNotThrown(@TempDir Path dir) {
    assertThat(run("import", "ovdinfo", dir.resolve("none.csv").toString())).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("vigil: ")
        .contains("none.csv")
        .doesNotContain("Exception");
  }

  @Test
  void aTableWithoutRegionNeedsOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("2012.csv");
    Files.writeString(file, "Id,date,number_of_detentions\n1,01.02.2012,3\n");

    assertThat(run("import", "ovdinfo", file.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("--region");
  }
}
