package org.vigil.ovdinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.vigil.station.StationCell;

/** Whatever the cells hold, a row is read or rejected, and reading never fails. */
class AnyRowProperties {
  private static final List<String> HEADER = List.of(SyntheticTable.HEADER.split(","));

  @Property(tries = 300)
  void anyRowIsReadOrRejected(@ForAll @Size(min = 0, max = 20) List<String> cells)
      throws Exception {
    RowReader reader = new RowReader(Layout.detect(HEADER, false), null);

    TableRow row = reader.read(2, cells);

    assertThat(row.line()).isEqualTo(2);
    if (cells.size() != HEADER.size()) {
      assertThat(row).isInstanceOf(Rejected.class);
    }
  }

  @Property(tries = 300)
  void anyStationCellIsReadKeepingItsText(@ForAll String cell, @ForAll int total) {
    StationCell read = StationCell.parse(cell, "Москва");

    assertThat(read.raw()).isEqualTo(cell);
    assertThat(read.attribution(total)).isNotNull();
  }
}
