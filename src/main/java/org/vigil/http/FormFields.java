package org.vigil.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A console form read by the same {@link Fields} rules as the JSON API, so that a rule is written
 * once. The submitted fields become a JSON object: an empty field is absent (as a form's empty
 * field means "not given"); a field named as a number becomes a JSON number when it is one (else it
 * stays text and {@link Fields} names it wrong); a date-time from an {@code <input
 * type="datetime-local">}, which has no offset, is read in the zone the console shows times in. The
 * CSRF field is the guard's and is left out; any other field stays, so a field nobody reads is
 * refused as unknown.
 */
public final class FormFields {
  private static final String CSRF = "_csrf";

  private FormFields() {}

  public static Fields of(Context ctx, Set<String> numbers, Set<String> localTimes, ZoneId zone) {
    ObjectNode object = Json.mapper().createObjectNode();
    for (Map.Entry<String, List<String>> field : ctx.formParamMap().entrySet()) {
      String name = field.getKey();
      List<String> values = field.getValue();
      if (name.equals(CSRF) || values.isEmpty()) continue;
      String value = values.getLast();
      if (value.isBlank()) continue;
      if (numbers.contains(name) && value.strip().matches("-?\\d{1,18}")) {
        object.put(name, Long.parseLong(value.strip()));
      } else if (localTimes.contains(name)) {
        object.put(name, withOffset(value.strip(), zone));
      } else {
        object.put(name, value);
      }
    }
    return Fields.of(object);
  }

  /** "2021-01-23T14:05" in {@code zone}, with its offset; anything else as it was, for Fields. */
  private static String withOffset(String value, ZoneId zone) {
    try {
      return LocalDateTime.parse(value).atZone(zone).toOffsetDateTime().toString();
    } catch (DateTimeParseException e) {
      return value;
    }
  }
}
