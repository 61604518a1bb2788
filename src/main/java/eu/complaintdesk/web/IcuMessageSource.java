package eu.complaintdesk.web;

import com.ibm.icu.text.MessageFormat;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.ObjectUtils;

/**
 * Spring's message source with ICU's {@code MessageFormat} in place of the JDK's, so that a text
 * can agree with a number by the language's plural rules (CLDR): {@code {0, plural, one {# file}
 * other {# files}}} — Latvian has {@code zero}/{@code one}/{@code other}, Russian and Lithuanian
 * {@code one}/{@code few}/{@code many}/{@code other}, English {@code one}/{@code other}. Everything
 * else is formatted as the JDK formats it ({@code {0}}, numbers in the language's digits grouping),
 * and a text looked up without arguments is returned as it stands, as before. One difference: a
 * single apostrophe is an apostrophe (ICU quotes only before a brace or {@code #}).
 */
class IcuMessageSource extends ResourceBundleMessageSource {

  @Override
  protected String getMessageInternal(String code, Object[] args, Locale locale) {
    if (code == null || (ObjectUtils.isEmpty(args) && !isAlwaysUseMessageFormat())) {
      return super.getMessageInternal(code, args, locale);
    }
    Locale language = locale == null ? Locale.getDefault() : locale;
    String pattern = resolveCodeWithoutArguments(code, language);
    if (pattern == null) {
      return super.getMessageInternal(code, args, locale); // common messages, parent
    }
    return format(pattern, language, resolveArguments(args, language));
  }

  /** The pattern filled as a page shows it. */
  static String format(String pattern, Locale locale, Object... arguments) {
    return new MessageFormat(pattern, locale).format(arguments);
  }
}
