package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void every_reader_of_vigils_json_refuses_data_after_the_document() {
    for (String json : new String[] {"{} {}", "{\"name\": \"a\"} xyz", "[1] [2]"}) {
      assertThatThrownBy(() -> Json.mapper().readTree(json))
          .as(json)
          .isInstanceOf(JsonProcessingException.class);
      assertThatThrownBy(() -> Json.mapper().readValue(json, Object.class))
          .as(json)
          .isInstanceOf(JsonProcessingException.class);
    }
  }
}
