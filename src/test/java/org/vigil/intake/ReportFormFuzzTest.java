package org.vigil.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.vigil.http.ApiError;
import org.vigil.http.Fields;
import org.vigil.http.JsonBody;

/**
 * What {@code POST /api/reports} does with a body before anything is stored, for any bytes: the
 * body read as one JSON object by {@link JsonBody#object(byte[])} (what the route reads once the
 * HTTP request's size and type are checked), then {@link ReportForm}. The contract: a {@link
 * ReportContent}, or an {@link ApiError} with a 4xx status naming what is wrong. Anything else (a
 * NullPointerException, a StackOverflowError, a 5xx) is a finding.
 *
 * <p>The regular test run replays the inputs in {@code ReportFormFuzzTestInputs/report_body/};
 * {@code bench/fuzz.sh} fuzzes it.
 */
class ReportFormFuzzTest {
  @FuzzTest
  void report_body(byte[] body) {
    try {
      ReportContent content = ReportForm.read(Fields.of(JsonBody.object(body)));
      assertThat(content.source()).isNotNull();
      if (content.name() == null) assertThat(content.text()).isNotBlank();
    } catch (ApiError refused) {
      assertThat(refused.status()).as(refused.getMessage()).isBetween(400, 499);
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
