package eu.complaintdesk.directory;

import eu.complaintdesk.register.Language;
import java.util.Map;

/**
 * One organisation of the directory ({@code dmn/OrganisationDirectory.dmn}).
 *
 * @param id stable, as {@code externalOrganisations} carries it
 * @param names its name in each language the table gives (a missing one falls back, see {@link
 *     #name(Language)})
 * @param email where inquiries go; null when it is reached otherwise
 * @param language the language inquiries to it are written in
 * @param answerWorkingDays the working days it normally answers in
 */
public record DirectoryEntry(
    String id,
    Map<Language, String> names,
    String email,
    Language language,
    int answerWorkingDays) {

  public DirectoryEntry {
    names = Map.copyOf(names);
  }

  /** Its name in the language, else in its own language, else its id. */
  public String name(Language in) {
    String name = names.get(in);
    if (name == null) {
      name = names.get(language);
    }
    return name == null ? id : name;
  }
}
