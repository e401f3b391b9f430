package org.vigil.ovdinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticTableTest {

  @Test
  void theGeneratedTableReadsWithoutRejectionsAndRepeatsItself() throws Exception {
    StringWriter text = new StringWriter();
    SyntheticTable.write(text, 2000, 7);
    StringWriter again = new StringWriter();
    SyntheticTable.write(again, 2000, 7);

    List<TableRow> rows = Csv.read(text.toString(), null);

    assertThat(again.toString()).isEqualTo(text.toString());
    assertThat(text.toString()).startsWith(SyntheticTable.HEADER + "\n");
    assertThat(Csv.rejected(rows)).isEmpty();
    assertThat(Csv.events(rows)).hasSize(2000);
    assertThat(Csv.events(rows)).anyMatch(e -> e.policeStations().contains("\n"));
    assertThat(Csv.events(rows).getLast().line()).isGreaterThan(2001);
  }
}
