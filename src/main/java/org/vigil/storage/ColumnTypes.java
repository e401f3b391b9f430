package org.vigil.storage;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * How Vigil's time types sit in columns, the same way on both databases: dates and reported times
 * as ISO 8601 text (a reported time keeps the offset it was given in), system instants as epoch
 * milliseconds.
 */
final class ColumnTypes {
  private ColumnTypes() {}

  static void register(Jdbi jdbi) {
    // Anonymous subclasses, not a generic helper: the factory learns its type from its own
    // declaration.
    jdbi.registerArgument(
        new AbstractArgumentFactory<LocalDate>(Types.VARCHAR) {
          @Override
          protected Argument build(LocalDate value, ConfigRegistry config) {
            return asText(value);
          }
        });
    jdbi.registerArgument(
        new AbstractArgumentFactory<OffsetDateTime>(Types.VARCHAR) {
          @Override
          protected Argument build(OffsetDateTime value, ConfigRegistry config) {
            return asText(value);
          }
        });
    parsedText(jdbi, LocalDate.class, LocalDate::parse);
    parsedText(jdbi, OffsetDateTime.class, OffsetDateTime::parse);
    jdbi.registerArgument(
        new AbstractArgumentFactory<Instant>(Types.BIGINT) {
          @Override
          protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setLong(position, value.toEpochMilli());
          }
        });
    jdbi.registerColumnMapper(
        Instant.class,
        (rs, column, ctx) -> {
          long millis = rs.getLong(column);
          return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
        });
  }

  private static Argument asText(Object value) {
    return (position, statement, ctx) -> statement.setString(position, value.toString());
  }

  private static <T> void parsedText(Jdbi jdbi, Class<T> type, Function<String, T> parse) {
    jdbi.registerColumnMapper(
        type,
        (rs, column, ctx) -> {
          String text = rs.getString(column);
          return text == null ? null : parse.apply(text);
        });
  }
}
