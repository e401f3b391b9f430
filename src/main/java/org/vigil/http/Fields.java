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

  /**
   * One line of text (a name, a city, a police station, a contact, an id), as {@link #checked}
   * says: no line breaks, no tabs.
   */
  public String text(String name, int maxLength, boolean required) {
    return checked(name, take(name), maxLength, required, false);
  }

  /**
   * Free text over several lines (a report's account, a note, a description, a caption): as {@link
   * #text}, but line breaks and tabs are kept (a line break is stored as {@code \n}).
   */
  public String freeText(String name, int maxLength, boolean required) {
    return checked(name, take(name), maxLength, required, true);
  }

  /** A name (of a person, of a police station): one line with at least one letter in it. */
  public String name(String name, int maxLength, boolean required) {
    String value = text(name, maxLength, required);
    if (value != null && value.codePoints().noneMatch(Character::isLetter)) {
      return error(name, "must contain at least one letter");
    }
    return value;
  }

  /**
   * A link shown to the public: an absolute http or https URL with a host, at most {@value
   * Urls#MAX_LENGTH} characters; {@code javascript:}, {@code data:} and relative links are refused.
   */
  public String url(String name, boolean required) {
    String value = text(name, Urls.MAX_LENGTH, required);
    String refusal = value == null ? null : Urls.refusal(value);
    return refusal == null ? value : error(name, refusal);
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

  /**
   * A date of an event or a campaign, from {@link Plausible#EARLIEST_DATE} to a year ahead ({@link
   * Plausible#PLANNED_AHEAD}).
   */
  public LocalDate date(String name, boolean required) {
    LocalDate value = parsed(name, required, LocalDate::parse, "must be a date like 2021-01-23");
    if (value == null) return null;
    if (value.isBefore(Plausible.EARLIEST_DATE)) return error(name, tooEarly());
    LocalDate latest = Plausible.latestPlannedDate();
    if (value.isAfter(latest)) {
      return error(name, "is more than a year ahead (after " + latest + ")");
    }
    return value;
  }

  /**
   * A time something happened (a detention, a change of its status): not in the future (beyond
   * {@link Plausible#CLOCK_AHEAD}), not before {@link Plausible#EARLIEST_DATE}.
   */
  public OffsetDateTime dateTime(String name, boolean required) {
    OffsetDateTime value =
        parsed(
            name,
            required,
            OffsetDateTime::parse,
            "must be an ISO 8601 date-time with offset, like 2021-01-23T14:05:00+03:00");
    if (value == null) return null;
    if (value.isBefore(Plausible.earliestTime())) return error(name, tooEarly());
    if (value.isAfter(Plausible.latestTime())) return error(name, "is in the future");
    return value;
  }

  /**
   * A time something is planned for (a court hearing): as {@link #dateTime}, but up to {@link
   * Plausible#PLANNED_AHEAD} in the future, since hearings are set weeks ahead.
   */
  public OffsetDateTime plannedTime(String name, boolean required) {
    OffsetDateTime value =
        parsed(
            name,
            required,
            OffsetDateTime::parse,
            "must be an ISO 8601 date-time with offset, like 2021-02-01T10:00:00+03:00");
    if (value == null) return null;
    if (value.isBefore(Plausible.earliestTime())) return error(name, tooEarly());
    if (value.isAfter(Plausible.latestTime().plus(Plausible.PLANNED_AHEAD))) {
      return error(name, "is more than a year ahead");
    }
    return value;
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

  /** A list of one-line texts, each checked as {@link #text} says. */
  public List<String> texts(String name, int maxItems, int maxLength) {
    JsonNode node = take(name);
    if (node == null || node.isNull()) return List.of();
    if (!node.isArray() || node.size() > maxItems) {
      return error(name, "must be a list of at most " + maxItems + " strings");
    }
    List<String> values = new ArrayList<>();
    int before = errors.size();
    for (JsonNode item : node) {
      String value = checked(name, item, maxLength, false, false);
      if (errors.size() > before) return null;
      if (value == null) return error(name, "must hold non-empty strings");
      values.add(value);
    }
    return List.copyOf(values);
  }

  /** Records a problem that spans fields, such as "name or text is required". */
  public void reject(String field, String reason) {
    errors.add(new FieldError(field, reason));
  }

  /** Whether the field is given: present, not null, and not a string of only white space. */
  public boolean has(String name) {
    JsonNode node = object.get(name);
    return node != null
        && !node.isNull()
        && !(node.isTextual() && node.asText().codePoints().allMatch(Text::isSpace));
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

  /**
   * A string as Vigil stores it, or null with the reason recorded. Control characters (but a
   * multi-line text's line breaks and tabs), bidirectional controls (U+202E shows a name as
   * another), unpaired surrogates and non-characters are refused; invisible characters are removed
   * ({@link Text#clean} says why), then white space at either end; the rest is normalised to NFC,
   * so that one name typed two ways is stored, compared and counted once. A value that was only
   * white space counts as absent, as a form's empty field does; one with invisible characters and
   * nothing else is refused, as it is not an empty field but something made to look like a value.
   */
  private String checked(
      String name, JsonNode node, int maxLength, boolean required, boolean multiline) {
    if (node == null || node.isNull()) return missing(name, required);
    if (!node.isTextual()) return error(name, "must be a string");
    Text.Cleaned cleaned = Text.clean(node.asText(), multiline);
    if (cleaned.refusal() != null) return error(name, cleaned.refusal());
    String value = cleaned.value();
    if (value.isEmpty()) {
      return cleaned.hadInvisible()
          ? error(name, "is empty once invisible characters are removed")
          : missing(name, required);
    }
    if (value.codePointCount(0, value.length()) > maxLength) {
      return error(name, "must be at most " + maxLength + " characters");
    }
    return value;
  }

  private static String tooEarly() {
    return "is before "
        + Plausible.EARLIEST_DATE
        + ": Vigil documents detentions in post-Soviet Russia; check the year";
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
