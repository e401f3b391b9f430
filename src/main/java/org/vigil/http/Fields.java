package org.vigil.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.vigil.http.ApiError.FieldError;

/**
 * Reads the fields of one JSON object, collecting every problem with the field's name and the
 * reason, so a client learns of all its mistakes at once. Unknown fields are errors too: a misspelt
 * field silently dropped would be data lost.
 */
public final class Fields {
  // The lower-case codes of each enum, in declaration order, computed once per enum.
  private static final ClassValue<Map<String, ?>> CODES =
      new ClassValue<>() {
        @Override
        protected Map<String, ?> computeValue(Class<?> type) {
          Map<String, Object> codes = new LinkedHashMap<>();
          for (Object constant : type.getEnumConstants()) {
            codes.put(((Enum<?>) constant).name().toLowerCase(Locale.ROOT), constant);
          }
          return codes;
        }
      };

  private final ObjectNode object;
  private final Set<String> read = new HashSet<>();
  private final List<FieldError> errors = new ArrayList<>();

  private Fields(ObjectNode object) {
    this.object = object;
  }

  public static Fields of(ObjectNode object) {
    return new Fields(object);
  }

  /** Text, trimmed; blank counts as absent. */
  public String text(String name, int maxLength, boolean required) {
    JsonNode node = take(name);
    if (node == null || node.isNull()) return missing(name, required);
    if (!node.isTextual()) return error(name, "must be a string");
    String value = node.asText().strip();
    if (value.isEmpty()) return missing(name, required);
    if (value.codePointCount(0, value.length()) > maxLength) {
      return error(name, "must be at most " + maxLength + " characters");
    }
    if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      return error(name, "must not contain control characters");
    }
    return value;
  }

  public Integer integer(String name, long min, long max, boolean required) {
    Long value = longValue(name, min, max, required);
    return value == null ? null : value.intValue();
  }

  public Long longValue(String name, long min, long max, boolean required) {
    JsonNode node = take(name);
    if (node == null || node.isNull()) return missing(name, required);
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      return error(name, "must be a whole number between " + min + " and " + max);
    }
    long value = node.asLong();
    if (value < min || value > max) {
      return error(name, "must be a whole number between " + min + " and " + max);
    }
    return value;
  }

  public Double decimal(String name, double min, double max, boolean required) {
    JsonNode node = take(name);
    if (node == null || node.isNull()) return missing(name, required);
    if (!node.isNumber() || node.asDouble() < min || node.asDouble() > max) {
      return error(name, "must be a number between " + min + " and " + max);
    }
    return node.asDouble();
  }

  public Boolean bool(String name, boolean required) {
    JsonNode node = take(name);
    if (node == null || node.isNull()) return missing(name, required);
    if (!node.isBoolean()) return error(name, "must be true or false");
    return node.asBoolean();
  }

  public LocalDate date(String name, boolean required) {
    return parsed(name, required, LocalDate::parse, "must be a date like 2021-01-23");
  }

  public OffsetDateTime dateTime(String name, boolean required) {
    return parsed(
        name,
        required,
        OffsetDateTime::parse,
        "must be an ISO 8601 date-time with offset, like 2021-01-23T14:05:00+03:00");
  }

  /** One of an enum's constants, written in lower case ({@code at_police_station}). */
  public <E extends Enum<E>> E choice(String name, Class<E> type, boolean required) {
    JsonNode node = take(name);
    if (node == null || node.isNull()) return missing(name, required);
    Map<String, ?> byCode = CODES.get(type);
    Object value = node.isTextual() ? byCode.get(node.asText()) : null;
    if (value == null) return error(name, "must be one of " + String.join("|", byCode.keySet()));
    return type.cast(value);
  }

  public List<String> texts(String name, int maxItems, int maxLength) {
    JsonNode node = take(name);
    if (node == null || node.isNull()) return List.of();
    if (!node.isArray() || node.size() > maxItems) {
      return error(name, "must be a list of at most " + maxItems + " strings");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      String value = item.isTextual() ? item.asText().strip() : "";
      if (value.isEmpty() || value.length() > maxLength) {
        return error(name, "must hold non-empty strings of at most " + maxLength + " characters");
      }
      values.add(value);
    }
    return List.copyOf(values);
  }

  /** Records a problem that spans fields, such as "name or text is required". */
  public void reject(String field, String reason) {
    errors.add(new FieldError(field, reason));
  }

  public boolean has(String name) {
    JsonNode node = object.get(name);
    return node != null && !node.isNull();
  }

  /** Throws every problem found, including fields nobody asked for. */
  public void done() {
    object
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!read.contains(name)) errors.add(new FieldError(name, "unknown field"));
            });
    if (!errors.isEmpty()) throw ApiError.invalid(errors);
  }

  private <T> T parsed(String name, boolean required, Function<String, T> parse, String reason) {
    JsonNode node = take(name);
    if (node == null || node.isNull()) return missing(name, required);
    if (!node.isTextual()) return error(name, reason);
    try {
      return parse.apply(node.asText().strip());
    } catch (DateTimeParseException e) {
      return error(name, reason);
    }
  }

  private JsonNode take(String name) {
    read.add(name);
    return object.get(name);
  }

  private <T> T missing(String name, boolean required) {
    return required ? error(name, "is required") : null;
  }

  private <T> T error(String name, String reason) {
    errors.add(new FieldError(name, reason));
    return null;
  }
}
