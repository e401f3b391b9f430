package org.vigil.site;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The words of the pages in one language, from {@code texts_<lang>.properties} (UTF-8). Sentences
 * with numbers are ICU message patterns, so Russian gets its three plural forms ("1 городе", "2
 * городах", "5 городах") from the CLDR rules rather than from hand-written conditions.
 */
public final class Texts {
  private final Language language;
  private final Properties words = new Properties();

  private Texts(Language language) {
    this.language = language;
  }

  static Texts load(Language language) {
    return load(Texts.class, language);
  }

  /**
   * Another set of texts, {@code texts_<lang>.properties} beside {@code anchor}'s class (the
   * console's are in {@code org/vigil/console/}).
   */
  public static Texts load(Class<?> anchor, Language language) {
    Texts texts = new Texts(language);
    String name = "texts_" + language.code() + ".properties";
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing " + name);
      texts.words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }

  /** The text for a key; a missing key is a bug, so it fails loudly in tests. */
  public String get(String key) {
    String text = words.getProperty(key);
    if (text == null) {
      throw new IllegalArgumentException("no text '" + key + "' in " + language.code());
    }
    return text;
  }

  /** A message pattern filled with named arguments, e.g. {@code {people, plural, …}}. */
  public String format(String key, Map<String, Object> arguments) {
    return new MessageFormat(get(key), language.locale()).format(arguments);
  }

  /** A number as readers of this language write it (3 012 in Russian, 3,012 in English). */
  public String number(long value) {
    return NumberFormat.getIntegerInstance(language.locale()).format(value);
  }
}
