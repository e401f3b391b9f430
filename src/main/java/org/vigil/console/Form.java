package org.vigil.console;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form as a page shows it: the values to fill it with (what was typed, when it is shown again)
 * and what is wrong with each field, in the reader's language ({@link Console.Request#fields} and
 * {@link Console.Request#errors} make them).
 */
public record Form(Map<String, String> values, Map<String, String> errors) {
  public static final Form EMPTY = new Form(Map.of(), Map.of());

  public Form {
    // copies that keep the fields' order: the list of errors follows the form
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  /** A form filled with these values and no errors. */
  public static Form of(Map<String, String> values) {
    return new Form(values, Map.of());
  }

  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  /** Whether the field holds this value: for a select's {@code selected}. */
  public boolean is(String name, String value) {
    return value(name).equals(value);
  }

  /** What is wrong with the field, or null. */
  public String error(String name) {
    return errors.get(name);
  }

  /** "true" for a field with an error, else null: for {@code aria-invalid}, left out when null. */
  public String invalid(String name) {
    return errors.containsKey(name) ? "true" : null;
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }
}
