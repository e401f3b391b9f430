package org.vigil.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

class CsvCellsTest {
  @Test
  void text_that_a_spreadsheet_would_run_gets_a_quote_in_front() {
    for (String formula :
        new String[] {"=1+2", "+7 900", "-12", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"x\")"}) {
      assertThat(CsvCells.text(formula)).isEqualTo("'" + formula);
    }
    assertThat(CsvCells.text("Москва")).isEqualTo("Москва");
    assertThat(CsvCells.text(" =1")).isEqualTo(" =1");
    assertThat(CsvCells.text("'=1")).isEqualTo("''=1");
    assertThat(CsvCells.text("'quoted")).isEqualTo("'quoted");
    assertThat(CsvCells.text("")).isEmpty();
    assertThat(CsvCells.text(null)).isEmpty();
  }

  @Test
  void numbers_vigil_computed_are_written_as_they_are() {
    assertThat(CsvCells.of(-12.5)).isEqualTo("-12.5");
    assertThat(CsvCells.of(-3L)).isEqualTo("-3");
    assertThat(CsvCells.of(false)).isEqualTo("false");
    assertThat(CsvCells.of(null)).isEmpty();
    assertThat(CsvCells.of("-3")).as("text, even if it looks like a number").isEqualTo("'-3");
  }

  @Test
  void read_takes_off_only_the_quote_text_put_on() {
    assertThat(CsvCells.read("'=1")).isEqualTo("=1");
    assertThat(CsvCells.read("''=1")).isEqualTo("'=1");
    assertThat(CsvCells.read("'quoted")).isEqualTo("'quoted");
    assertThat(CsvCells.read("=1")).isEqualTo("=1");
    assertThat(CsvCells.read("'")).isEqualTo("'");
    assertThat(CsvCells.read("")).isEmpty();
  }

  @Property
  void every_text_reads_back_as_it_was(
      @ForAll
          @Chars({'\'', '=', '+', '-', '@', '\t', '\r', 'a', ' '})
          @CharRange(from = 'а', to = 'я')
          String text) {
    assertThat(CsvCells.read(CsvCells.text(text))).isEqualTo(text);
    assertThat(CsvCells.text(text))
        .as("no cell starts a formula")
        .doesNotMatch("(?s)[=+\\-@\t\r].*");
  }
}
