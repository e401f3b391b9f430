package org.vigil.console;

import java.util.EnumMap;
import java.util.Map;
import org.vigil.site.Language;
import org.vigil.site.Texts;

/** The console's words, from {@code org/vigil/console/texts_{ru,en}.properties}. */
public final class ConsoleTexts {
  private static final Map<Language, Texts> TEXTS = new EnumMap<>(Language.class);

  static {
    for (Language lang : Language.values()) TEXTS.put(lang, Texts.load(ConsoleTexts.class, lang));
  }

  private ConsoleTexts() {}

  public static Texts of(Language lang) {
    return TEXTS.get(lang);
  }
}
