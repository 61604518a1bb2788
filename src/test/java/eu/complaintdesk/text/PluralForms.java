package eu.complaintdesk.text;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** What the tests of counted texts (issue 14, plural rules) read from a text: its plural forms. */
public final class PluralForms {

  /** The counts every plural text is tried with: one, few and many forms, 11 and the twenties. */
  public static final List<Integer> COUNTS = List.of(1, 2, 5, 11, 21, 22);

  private PluralForms() {}

  /**
   * The plural arguments of an ICU pattern, each (by name or number) with the forms it gives: the
   * keywords and explicit values ({@code =0}) of {@code {count, plural, one {…} other {…}}}.
   */
  public static Map<String, Set<String>> pluralArguments(String pattern) {
    MessagePattern parsed = new MessagePattern(pattern);
    Map<String, Set<String>> arguments = new LinkedHashMap<>();
    for (int i = 0; i < parsed.countParts(); i++) {
      MessagePattern.Part part = parsed.getPart(i);
      if (part.getType() != MessagePattern.Part.Type.ARG_START
          || part.getArgType() != MessagePattern.ArgType.PLURAL) {
        continue;
      }
      String name = parsed.getSubstring(parsed.getPart(i + 1));
      Set<String> forms = arguments.computeIfAbsent(name, n -> new TreeSet<>());
      int limit = parsed.getLimitPartIndex(i);
      for (int j = i + 2; j < limit; j++) {
        MessagePattern.Part inner = parsed.getPart(j);
        if (inner.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
          forms.add(parsed.getSubstring(inner));
        } else if (inner.getType() == MessagePattern.Part.Type.MSG_START) {
          j = parsed.getLimitPartIndex(j);
        }
      }
    }
    return arguments;
  }

  /** The plural categories of the language (CLDR): lv zero/one/other, ru and lt four, en two. */
  public static Set<String> categories(Locale language) {
    return new TreeSet<>(PluralRules.forLocale(language).getKeywords());
  }

  /** A properties file of the class path, read as UTF-8. */
  public static Properties texts(String resource) {
    Properties texts = new Properties();
    try (InputStream in = PluralForms.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No " + resource);
      }
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }
}
