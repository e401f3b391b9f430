package org.vigil.site;

import java.util.List;
import java.util.Locale;

/** The languages the public pages are written in; each page has a twin in the other. */
public enum Language {
  RU(Locale.forLanguageTag("ru")),
  EN(Locale.ENGLISH);

  private final Locale locale;
  private final Texts texts;

  Language(Locale locale) {
    this.locale = locale;
    this.texts = Texts.load(this);
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Locale locale() {
    return locale;
  }

  /** The language of this code ({@code ru}, {@code en}), if it is one of Vigil's. */
  public static java.util.Optional<Language> parse(String code) {
    for (Language l : values()) if (l.code().equals(code)) return java.util.Optional.of(l);
    return java.util.Optional.empty();
  }

  public Texts texts() {
    return texts;
  }

  /** The other language: where the switch on every page leads. */
  public Language other() {
    return this == RU ? EN : RU;
  }

  /** The reader's language from their Accept-Language header: Russian unless English is first. */
  public static Language preferred(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) return RU;
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
      Locale best = Locale.lookup(ranges, List.of(RU.locale, EN.locale));
      return best != null && best.getLanguage().equals("en") ? EN : RU;
    } catch (IllegalArgumentException e) {
      return RU;
    }
  }
}
