package eu.complaintdesk.answer;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Formats the contacts of the appeal authority chosen by {@code dmn/AppealAuthority.dmn} into the
 * one line the appeal notice shows ({@code appealAuthorityContacts}), and picks its name in the
 * customer's language ({@code appealAuthorityName}).
 */
@Component("appealAuthorities")
public class AppealAuthorities {

  public String contacts(Map<String, Object> authority) {
    return Stream.of("authorityAddress", "authorityPhone", "authorityEmail", "authorityWebsite")
        .map(authority::get)
        .filter(Objects::nonNull)
        .map(Object::toString)
        .filter(s -> !s.isBlank())
        .collect(Collectors.joining("; "));
  }

  // --- issue 14: the authority's name in the customer's language --------------------------------

  /**
   * The authority's name as the customer's language writes it: the table's {@code
   * authorityName<Language>} (e.g. {@code authorityNameRu}: "Комиссия по регулированию общественных
   * услуг (Sabiedrisko pakalpojumu regulēšanas komisija)", the official name in brackets where it
   * is another language's), else the official {@code authorityName} (a table deployed before these
   * outputs existed, or a language it has no column for).
   */
  public Object name(Map<String, Object> authority, String language) {
    Object official = authority.get("authorityName");
    if (language == null || language.isBlank()) {
      return official;
    }
    String column =
        "authorityName"
            + Character.toUpperCase(language.charAt(0))
            + language.substring(1).toLowerCase(Locale.ROOT);
    Object localised = authority.get(column);
    return localised == null || localised.toString().isBlank() ? official : localised;
  }
}
