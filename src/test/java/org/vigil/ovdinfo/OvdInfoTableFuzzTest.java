package org.vigil.ovdinfo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Any bytes as an OVD-Info table, read as {@code vigil import ovdinfo} reads a file (UTF-8, with or
 * without {@code --region}): every data row becomes an event or a {@link Rejected} naming its line,
 * column and reason, or the header is refused with a {@link LayoutException} saying why. Any other
 * exception is a finding.
 *
 * <p>The regular test run replays the inputs in {@code OvdInfoTableFuzzTestInputs/any_table/};
 * {@code bench/fuzz.sh} fuzzes it. The last byte of an input picks whether a default region is
 * given.
 */
class OvdInfoTableFuzzTest {
  @FuzzTest
  void any_table(FuzzedDataProvider data) {
    String region = data.consumeBoolean() ? "Москва" : null;
    byte[] file = data.consumeRemainingAsBytes();
    List<TableRow> rows = new ArrayList<>();
    try (OvdInfoTable table =
        OvdInfoTable.open(
            new BufferedReader(new InputStreamReader(new ByteArrayInputStream(file), UTF_8)),
            region)) {
      assertThat(table.layout()).isNotBlank();
      table.forEachRow(rows::add);
    } catch (LayoutException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    long previous = 1;
    for (TableRow row : rows) {
      assertThat(row.line()).isGreaterThanOrEqualTo(previous);
      previous = row.line();
      switch (row) {
        case Rejected rejected -> {
          assertThat(rejected.column()).isNotNull();
          assertThat(rejected.reason()).isNotBlank();
        }
        case EventRow event -> {
          assertThat(event.date()).isNotNull();
          assertThat(event.region()).isNotBlank();
          assertThat(event.naturalKey()).isNotBlank();
          assertThat(event.unnamedDetentions()).isNotNegative();
        }
      }
    }
  }
}
