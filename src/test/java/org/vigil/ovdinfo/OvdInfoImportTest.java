package org.vigil.ovdinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.SharedData;

class OvdInfoImportTest {

  private static ImportSummary importInto(InMemoryEvents sink) throws Exception {
    try (var reader = Files.newBufferedReader(SharedData.detentions2013())) {
      return OvdInfoImport.run(reader, null, sink, rows -> {}, 100);
    }
  }

  @Test
  void importingTheSameFileTwiceChangesNothing() throws Exception {
    InMemoryEvents sink = new InMemoryEvents();
    ImportSummary first = importInto(sink);
    List<EventRow> afterFirst = sink.events();
    ImportSummary second = importInto(sink);

    assertThat(first)
        .extracting(ImportSummary::rowsRead, ImportSummary::created)
        .containsExactly(235L, 235L);
    assertThat(second)
        .extracting(ImportSummary::created, ImportSummary::updated, ImportSummary::unchanged)
        .containsExactly(0L, 0L, 235L);
    assertThat(sink.events()).isEqualTo(afterFirst);
  }

  @Test
  void aCorrectedRowUpdatesItsEvent() throws Exception {
    InMemoryEvents sink = new InMemoryEvents();
    String header = "Id,date,region,number_of_detentions\n";
    OvdInfoImport.run(
        new StringReader(header + "1,01.03.2013,Москва,2\n2,02.03.2013,Москва,3\n"),
        null,
        sink,
        r -> {},
        1);

    ImportSummary corrected =
        OvdInfoImport.run(
            new StringReader(header + "\n1,01.03.2013,Москва,2\n2,02.03.2013,Москва,4\n"),
            null,
            sink,
            r -> {},
            1);

    assertThat(corrected)
        .extracting(ImportSummary::created, ImportSummary::updated, ImportSummary::unchanged)
        .containsExactly(0L, 1L, 1L);
    assertThat(sink.events()).extracting(EventRow::unnamedDetentions).containsExactly(2, 4);
  }

  @Test
  void theSummaryListsRejectionsAndProgressIsReported() throws Exception {
    List<Long> progress = new ArrayList<>();
    ImportSummary summary =
        OvdInfoImport.run(
            new StringReader(
                "date,region,number_of_detentions\n01.03.2013,Москва,2\nвчера,Москва,1\n02.03.2013,Москва,x\n"),
            null,
            new InMemoryEvents(),
            progress::add,
            2);

    assertThat(progress).containsExactly(2L, 3L);
    assertThat(summary.format())
        .contains("rows read: 3")
        .contains("events created: 1, updated: 0, unchanged: 0")
        .contains("rows rejected: 2")
        .contains("  line 3, column date: not a date: 'вчера' (expected dd.mm.yyyy)")
        .contains("  line 4, column number_of_detentions: not a count of people: 'x'");
  }
}
