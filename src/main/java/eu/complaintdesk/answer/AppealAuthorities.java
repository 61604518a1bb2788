package eu.complaintdesk.answer;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Formats the contacts of the appeal authority chosen by {@code dmn/AppealAuthority.dmn} into the
 * one line the appeal notice shows ({@code appealAuthorityContacts}).
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
}
