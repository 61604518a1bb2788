package eu.complaintdesk.stafflanguage;

import eu.complaintdesk.register.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The words of the staff pages (case file, post room, reports dashboard) in one language, from the
 * one bundle of staff texts {@code staff/messages_<lang>.properties} (UTF-8); a key the language
 * lacks falls back to English. Templates find it as {@code t}: {@code
 * ${t.get('caseFile.customer')}}, {@code ${t.format('caseFile.title', c.registrationNumber)}}, and
 * {@code ${t.code('status', c.status)}} for a code's words ({@code status.IN_PROGRESS}), the code
 * itself where the bundle has none (English shows the codes, as the staff's tools and the contract
 * name them).
 */
public final class StaffTexts {

  /** The model attribute the staff templates find the texts under. */
  public static final String ATTRIBUTE = "t";

  private static final Map<Language, StaffTexts> LOADED = new EnumMap<>(Language.class);

  private final Language language;
  private final Properties texts;
  private final Properties english;

  private StaffTexts(Language language, Properties texts, Properties english) {
    this.language = language;
    this.texts = texts;
    this.english = english;
  }

  /** The texts of the language (read once). */
  public static synchronized StaffTexts of(Language language) {
    return LOADED.computeIfAbsent(
        language, l -> new StaffTexts(l, read(l), l == Language.en ? read(l) : read(Language.en)));
  }

  /** The language's code for {@code <html lang>}: {@code lv}. */
  public String language() {
    return language.name();
  }

  public Locale locale() {
    return Locale.forLanguageTag(language.name());
  }

  /** The text of the key as written (no placeholders filled); the key itself if none has it. */
  public String get(String key) {
    String text = texts.getProperty(key, english.getProperty(key));
    return text == null ? key : text;
  }

  /**
   * The text of the key with its placeholders {@code {0}}, {@code {1}} … filled
   * (java.text.MessageFormat: write an apostrophe as two in such a text). Numbers are shown as they
   * are, without grouping.
   */
  public String format(String key, Object... values) {
    Object[] shown =
        Arrays.stream(values)
            .map(v -> v instanceof Number || v instanceof Enum<?> ? String.valueOf(v) : v)
            .toArray();
    return new MessageFormat(get(key), locale()).format(shown);
  }

  /** The words of a code of the group ({@code status}, {@code IN_PROGRESS}); the code if none. */
  public String code(String group, Object code) {
    if (code == null) {
      return null;
    }
    String name = code instanceof Enum<?> e ? e.name() : code.toString();
    return texts.getProperty(group + "." + name, english.getProperty(group + "." + name, name));
  }

  /** Every key of the language's own bundle (for the test that all languages have the same). */
  public Set<String> keys() {
    return texts.stringPropertyNames();
  }

  private static Properties read(Language language) {
    String name = "staff/messages_" + language.name() + ".properties";
    Properties properties = new Properties();
    try (InputStream in = StaffTexts.class.getClassLoader().getResourceAsStream(name)) {
      if (in != null) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
          properties.load(reader);
        }
      }
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name, e);
    }
  }
}
