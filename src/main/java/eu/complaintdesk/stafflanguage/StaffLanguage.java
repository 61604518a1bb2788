package eu.complaintdesk.stafflanguage;

import eu.complaintdesk.register.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The organisation's staff language ({@code complaints.notifications.staff-language}: lv, ru, lt or
 * en, English by default): the language of the task forms Tasklist shows and of the staff pages.
 */
@Component
public class StaffLanguage {

  private final Language language;

  StaffLanguage(@Value("${complaints.notifications.staff-language:en}") Language language) {
    this.language = language;
  }

  public Language language() {
    return language;
  }

  /** The staff pages' words in the staff language. */
  public StaffTexts texts() {
    return StaffTexts.of(language);
  }
}
