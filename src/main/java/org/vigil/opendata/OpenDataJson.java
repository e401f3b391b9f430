package org.vigil.opendata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The open data as one JSON document, `{"events": [...], "police_stations": [...]}`, written as it
 * is read; field names as in the CSV (docs/open-data.md).
 */
public final class OpenDataJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenDataJson() {}

  /** Writes to {@code out} and flushes it; closing it is the caller's. */
  public static void write(OpenData data, Writer out) throws IOException {
    try (JsonGenerator json =
        JSON.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      json.writeStartObject();
      json.writeArrayFieldStart("events");
      data.events(event -> object(json, event.fields()));
      json.writeEndArray();
      json.writeArrayFieldStart("police_stations");
      data.stations(station -> object(json, station.fields()));
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private static void object(JsonGenerator json, Object value) {
    try {
      JSON.writeValue(json, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
