package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Any bytes as the file {@code vigil link --in} reads, read from disk as the command reads it: the
 * usable rows become reports, every other row a rejection naming its line and reason, and a file
 * without the expected header is refused as a whole ({@link Csv.UnreadableFile}, naming the file).
 * Any other exception is a finding.
 *
 * <p>The regular test run replays the inputs in {@code LinkCsvFuzzTestInputs/reports_file/}; {@code
 * bench/fuzz.sh} fuzzes it.
 */
class LinkCsvFuzzTest {
  private static final Path FILE = scratchFile();

  @FuzzTest
  void reports_file(byte[] bytes) throws IOException {
    Files.write(FILE, bytes);
    List<Csv.BadRow> rejected = new ArrayList<>();
    List<ReportFacts> reports;
    try {
      reports = Csv.readReports(FILE, rejected::add);
    } catch (Csv.UnreadableFile refused) {
      assertThat(refused.getMessage()).startsWith(FILE.toString());
      return;
    }
    for (ReportFacts report : reports) {
      assertThat(report.reportId()).isNotBlank();
      assertThat(report.name()).isNotBlank();
    }
    long previous = 1;
    for (Csv.BadRow bad : rejected) {
      assertThat(bad.line()).isGreaterThanOrEqualTo(previous).isGreaterThan(1);
      assertThat(bad.reason()).isNotBlank();
      previous = bad.line();
    }
  }

  private static Path scratchFile() {
    try {
      // In memory where Linux offers it: a write to disk per input cost ten times the reading.
      Path shm = Path.of("/dev/shm");
      Path file =
          Files.isDirectory(shm) && Files.isWritable(shm)
              ? Files.createTempFile(shm, "vigil-link-fuzz", ".csv")
              : Files.createTempFile("vigil-link-fuzz", ".csv");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
