package eu.complaintdesk.register;

import java.util.Locale;

/** Languages the customer may be answered in. */
public enum Language {
  lv,
  ru,
  lt,
  en;

  public Locale locale() {
    return Locale.forLanguageTag(name());
  }
}
