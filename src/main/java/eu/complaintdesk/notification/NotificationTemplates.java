package eu.complaintdesk.notification;

import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.register.Language;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders the subject and body of a notification from the templates {@code <KIND>.subject} and
 * {@code <KIND>.body} (an SMS: {@code <KIND>.sms} where it exists) in {@code
 * notifications/messages_<language>.properties} (UTF-8). The templates are plain text with named
 * placeholders such as {@code {registrationNumber}}; no {@code MessageFormat}, so apostrophes need
 * no escaping. A number that meets a noun agrees with it by the language's plural rules: {@code
 * {count, plural, one {# task} other {# tasks}}} (ICU syntax, on one line; see {@link
 * #counted(String, Language, Map, Set)}).
 *
 * <p>Rules: every placeholder must have a value, else {@link IllegalArgumentException} (a forgotten
 * parameter must not reach a customer); a value that is {@code null} or blank renders as nothing,
 * and a template line whose placeholders are all empty is left out. Dates ({@link Instant}, {@link
 * Date}, {@link LocalDate}, ...) are written as the language writes dates, in the organisation's
 * time zone; a collection becomes one "- item" line per element. A value for which the language has
 * a label {@code <placeholder>.<value>} (e.g. {@code outcome.REJECTED}) is replaced by the label.
 *
 * <p>Operators may put their own files first with {@code complaints.notifications.templates}
 * (comma-separated Spring resource base names, e.g. {@code
 * file:config/notifications/messages,classpath:notifications/messages}).
 */
@Component
class NotificationTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

  private static final Pattern LABELLED_VALUE = Pattern.compile("[A-Z][A-Z0-9_]*");

  /** The suffix of a kind's SMS form and of a value's short label in an SMS. */
  static final String SMS = ".sms";

  private final ReloadableResourceBundleMessageSource messages;
  private final ZoneId zone;
  private final TemplateFiles files;

  NotificationTemplates(String[] baseNames, WorkingCalendar calendar) {
    this(baseNames, "", calendar);
  }

  /**
   * @param templateDir {@code complaints.notifications.template-dir}: a folder whose {@code
   *     messages_<language>.properties}, {@code email.html} and {@code letter.html} take precedence
   *     over the built-in ones (blank: none)
   */
  @Autowired
  NotificationTemplates(
      @Value("${complaints.notifications.templates:classpath:notifications/messages}")
          String[] baseNames,
      @Value("${complaints.notifications.template-dir:}") String templateDir,
      WorkingCalendar calendar) {
    this.files = new TemplateFiles(templateDir);
    this.messages = new ReloadableResourceBundleMessageSource();
    this.messages.setBasenames(files.withOverride(baseNames));
    this.messages.setDefaultEncoding("UTF-8");
    this.messages.setFallbackToSystemLocale(false);
    if (!templateDir.isBlank()) {
      this.messages.setCacheSeconds(60); // edited overrides apply within a minute
    }
    this.zone = calendar.zone();
  }

  /** The HTML and letter layouts, from the override folder when it has them. */
  TemplateFiles files() {
    return files;
  }

  /** The label {@code code} in the language (English when the language lacks it). */
  String label(String code, Language language) {
    String text = messages.getMessage(code, null, null, language.locale());
    return text != null ? text : template(code, Language.en);
  }

  /** A value as a template writes it: dates in the language's form, labelled enum values. */
  String text(String name, Object value, Language language) {
    return format(name, value, language);
  }

  record Rendered(String subject, String body) {}

  /**
   * Renders the kind in the language. Customer kinds must exist in every language; staff kinds fall
   * back to English.
   */
  Rendered render(NotificationKind kind, Language language, Map<String, ?> values) {
    Language templateLanguage =
        kind.isForCustomer() || exists(kind.name() + ".body", language) ? language : Language.en;
    return new Rendered(
        fill(template(kind.name() + ".subject", templateLanguage), templateLanguage, values)
            .strip(),
        fill(template(kind.name() + ".body", templateLanguage), templateLanguage, values).strip());
  }

  /**
   * As {@link #render(NotificationKind, Language, Map)}, for the channel the message goes by: an
   * SMS takes the body {@code <KIND>.sms}, which every customer kind has (issue 14: at most two
   * UCS-2 segments, the registration number and a link, the facts without the courtesy; a kind
   * without one, which never goes by SMS, sends its body). In an SMS a labelled value takes its
   * short label {@code <placeholder>.<value>.sms} where there is one (e.g. {@code
   * outcome.REJECTED.sms}), else its label.
   */
  Rendered render(
      NotificationKind kind, Language language, Map<String, ?> values, MessageChannel channel) {
    Rendered rendered = render(kind, language, values);
    String smsCode = kind.name() + SMS;
    if (channel != MessageChannel.SMS || !exists(smsCode, language)) {
      return rendered;
    }
    return new Rendered(
        rendered.subject(), fill(template(smsCode, language), language, values, true).strip());
  }

  private boolean exists(String code, Language language) {
    return messages.getMessage(code, null, null, language.locale()) != null;
  }

  String template(String code, Language language) {
    try {
      return messages.getMessage(code, null, language.locale());
    } catch (NoSuchMessageException e) {
      throw new IllegalStateException(
          "No notification template '" + code + "' for language " + language, e);
    }
  }

  String fill(String template, Language language, Map<String, ?> values) {
    return fill(template, language, values, false);
  }

  /** Fills the template; {@code sms}: labelled values take their SMS label where there is one. */
  private String fill(String template, Language language, Map<String, ?> values, boolean sms) {
    TreeSet<String> missing = new TreeSet<>();
    List<String> lines = new ArrayList<>();
    for (String templateLine : template.split("\n", -1)) {
      Counted counted = counted(templateLine, language, values, missing);
      String line = counted.line();
      Matcher matcher = PLACEHOLDER.matcher(line);
      StringBuilder filled = new StringBuilder();
      boolean hasPlaceholder = counted.hasPlaceholder();
      boolean anyValue = counted.anyValue();
      while (matcher.find()) {
        hasPlaceholder = true;
        String name = matcher.group(1);
        String text = "";
        if (!values.containsKey(name)) {
          missing.add(name);
        } else {
          text = format(name, values.get(name), language, sms);
          anyValue |= !text.isBlank();
        }
        matcher.appendReplacement(filled, Matcher.quoteReplacement(text));
      }
      matcher.appendTail(filled);
      if (!hasPlaceholder || anyValue) {
        lines.add(filled.toString().stripTrailing());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("Notification template needs parameters " + missing);
    }
    return String.join("\n", lines).replaceAll("\n{3,}", "\n\n");
  }

  String format(String name, Object value, Language language) {
    return format(name, value, language, false);
  }

  private String format(String name, Object value, Language language, boolean sms) {
    if (value == null) {
      return "";
    }
    LocalDate date = asDate(value);
    if (date != null) {
      return date.format(dateFormat(language));
    }
    if (value instanceof Collection<?> items) {
      return items.stream()
          .map(item -> format(name, item, language, sms))
          .filter(text -> !text.isBlank())
          .map(text -> "- " + text)
          .collect(Collectors.joining("\n"));
    }
    String text = value instanceof Enum<?> constant ? constant.name() : value.toString();
    if (text.isBlank()) {
      return "";
    }
    if (!LABELLED_VALUE.matcher(text).matches()) {
      return text;
    }
    String label = name + "." + text;
    String smsLabel = sms ? messages.getMessage(label + SMS, null, null, language.locale()) : null;
    return smsLabel != null ? smsLabel : messages.getMessage(label, null, text, language.locale());
  }

  static DateTimeFormatter dateFormat(Language language) {
    return switch (language) {
      case lv -> DateTimeFormatter.ofPattern("dd.MM.yyyy."); // the ordinal full stop: 07.12.2026.
      case ru -> DateTimeFormatter.ofPattern("dd.MM.yyyy");
      case lt -> DateTimeFormatter.ISO_LOCAL_DATE; // the Lithuanian standard form, 2026-11-23
      case en -> DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    };
  }

  private LocalDate asDate(Object value) {
    if (value instanceof Instant instant) {
      return instant.atZone(zone).toLocalDate();
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(zone).toLocalDate();
    }
    if (value instanceof OffsetDateTime dateTime) {
      return dateTime.atZoneSameInstant(zone).toLocalDate();
    }
    if (value instanceof ZonedDateTime dateTime) {
      return dateTime.withZoneSameInstant(zone).toLocalDate();
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime.toLocalDate();
    }
    return value instanceof LocalDate date ? date : null;
  }

  // --- staff e-mails (issue 12, internal messages) -------------------------------------------

  /** The label {@code code} in the language, else in English, else {@code fallback}. */
  String labelOr(String code, Language language, String fallback) {
    String text = messages.getMessage(code, null, null, language.locale());
    if (text == null) {
      text = messages.getMessage(code, null, null, Language.en.locale());
    }
    return text != null ? text : fallback;
  }

  // --- plural rules (issue 14, B) ------------------------------------------------------------

  /** The start of a placeholder with a format: {@code {count, plural, ...}}. */
  private static final Pattern FORMATTED = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)\\s*,");

  /** A template line with its formatted placeholders filled, and whether it had any. */
  private record Counted(String line, boolean hasPlaceholder, boolean anyValue) {}

  /**
   * Fills the placeholders with a format, such as {@code {count, plural, one {# task} other {#
   * tasks}}}: ICU's {@code MessageFormat} chooses the form by the language's plural rules (CLDR)
   * for the value, which must be a number (or a text of one); {@code #} is the number as the
   * language writes it. Placeholders inside a form are left for {@link #fill} to fill like any
   * other. A value that is {@code null} or blank renders as nothing, as elsewhere.
   */
  private static Counted counted(
      String line, Language language, Map<String, ?> values, Set<String> missing) {
    Matcher matcher = FORMATTED.matcher(line);
    if (!matcher.find()) {
      return new Counted(line, false, false);
    }
    StringBuilder filled = new StringBuilder();
    boolean anyValue = false;
    int last = 0;
    do {
      int end = closingBrace(line, matcher.start());
      String name = matcher.group(1);
      String text = "";
      if (!values.containsKey(name)) {
        missing.add(name);
      } else {
        text = plural(line.substring(matcher.start(), end + 1), name, values.get(name), language);
        anyValue |= !text.isBlank();
      }
      filled.append(line, last, matcher.start()).append(text);
      last = end + 1;
    } while (matcher.find(last));
    filled.append(line.substring(last));
    return new Counted(filled.toString(), true, anyValue);
  }

  private static int closingBrace(String line, int start) {
    int depth = 0;
    for (int i = start; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("Notification template has an unclosed '{': " + line);
  }

  private static String plural(String argument, String name, Object value, Language language) {
    if (value == null || value.toString().isBlank()) {
      return "";
    }
    Number number;
    if (value instanceof Number given) {
      number = given;
    } else {
      try {
        number = new BigDecimal(value.toString().strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Notification template counts {" + name + "}, which is not a number", e);
      }
    }
    return new com.ibm.icu.text.MessageFormat(argument, language.locale())
        .format(Map.of(name, number));
  }
}
