package org.vigil.ovdinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatesTest {
  private static final LocalDate MAY_6 = LocalDate.of(2012, 5, 6);

  @Test
  void theFormsOvdInfoTablesUse() {
    assertThat(Dates.parse("06.05.2012")).isEqualTo(MAY_6);
    assertThat(Dates.parse(" 6.5.2012 ")).isEqualTo(MAY_6);
    assertThat(Dates.parse("06.05.12")).isEqualTo(MAY_6);
    assertThat(Dates.parse("06/05/2012")).isEqualTo(MAY_6);
    assertThat(Dates.parse("2012-05-06")).isEqualTo(MAY_6);
  }

  @Test
  void noDateOrAnImpossibleOne() {
    assertThat(Dates.parse("")).isNull();
    assertThat(Dates.parse("май 2012")).isNull();
    assertThat(Dates.parse("31.02.2013")).isNull();
    assertThat(Dates.parse("2013-13-01")).isNull();
    assertThat(Dates.parse("06.05.2012 12:00")).isNull();
  }
}
