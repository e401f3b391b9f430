package org.vigil.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.vigil.http.ApiError;
import org.vigil.http.Fields;
import org.vigil.http.Json;

/**
 * What {@code POST /api/reports} does with a body before anything is stored, for any bytes: the
 * body read as one JSON object with Vigil's mapper (as {@code JsonBody.object} reads it, without
 * the HTTP request around it), then {@link ReportForm}. The contract: a {@link ReportContent}, or
 * an {@link ApiError} with a 4xx status naming what is wrong. Anything else (a
 * NullPointerException, a StackOverflowError, a 5xx) is a finding.
 *
 * <p>The regular test run replays the inputs in {@code ReportFormFuzzTestInputs/report_body/};
 * {@code bench/fuzz.sh} fuzzes it.
 */
class ReportFormFuzzTest {
  @FuzzTest
  void report_body(byte[] body) {
    try {
      ReportContent content = ReportForm.read(Fields.of(object(body)));
      assertThat(content.source()).isNotNull();
      assertThat(content.consent()).isNotNull();
      if (content.name() == null) assertThat(content.text()).isNotBlank();
    } catch (ApiError refused) {
      assertThat(refused.status()).as(refused.getMessage()).isBetween(400, 499);
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  /** The body as {@code JsonBody.object} reads it: one JSON object, or a 400 saying why not. */
  private static ObjectNode object(byte[] body) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiError.badRequest("the body could not be read: " + e.getMessage());
    }
    if (node == null || node.isMissingNode()) throw ApiError.badRequest("the body is empty");
    if (!(node instanceof ObjectNode object)) {
      throw ApiError.badRequest("the body must be a JSON object");
    }
    return object;
  }
}
