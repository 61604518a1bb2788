package eu.complaintdesk.answer;

import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATIONS;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATION_CHOICE;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATION_OPTIONS;
import static eu.complaintdesk.process.ComplaintVariables.INQUIRY_QUESTION;

import eu.complaintdesk.directory.DirectoryEntry;
import eu.complaintdesk.directory.OrganisationDirectory;
import eu.complaintdesk.engine.JsonList;
import eu.complaintdesk.engine.Refusal;
import eu.complaintdesk.engine.TaskInput;
import eu.complaintdesk.register.Language;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The draft form's choice of organisations: the directory as the options of its checklist ({@code
 * externalOrganisationOptions}, set on the draft task when it is created, in the staff language),
 * and on completion {@code externalOrganisations} composed of the ids chosen ({@code
 * externalOrganisationChoice}) and the names typed in {@code externalOrganisations} (one per line;
 * a name that is a directory entry's id or name counts as that entry), each once, ids first. A
 * completion through the API with {@code externalOrganisations} alone works as before. The question
 * ({@code inquiryQuestion}) goes to the register.
 */
@Component
class InquiryChoices {

  private final OrganisationDirectory directory;
  private final ExternalInquiries inquiries;

  InquiryChoices(OrganisationDirectory directory, ExternalInquiries inquiries) {
    this.directory = directory;
    this.inquiries = inquiries;
  }

  /** Puts the directory on a new draft task as its checklist's options. */
  void offer(DelegateTask task, Language staffLanguage) {
    task.setVariableLocal(
        EXTERNAL_ORGANISATION_OPTIONS,
        new JsonList(new ArrayList<>(directory.options(staffLanguage))).typed());
  }

  /**
   * The organisations to ask, composed as above and written back to {@code externalOrganisations};
   * the question stored for the inquiries of this round. A refusal names the variable that is
   * wrong.
   */
  List<String> compose(DelegateTask task, long complaintId) {
    List<String> chosen = chosen(task.getVariable(EXTERNAL_ORGANISATION_CHOICE));
    String typed = TaskInput.of(task).optionalText(EXTERNAL_ORGANISATIONS);
    List<DirectoryEntry> entries = directory.entries();
    Set<String> organisations = new LinkedHashSet<>();
    for (String id : chosen) {
      if (entries.stream().noneMatch(e -> e.id().equals(id))) {
        throw Refusal.invalid(
            EXTERNAL_ORGANISATION_CHOICE, "names an organisation the directory does not have");
      }
      organisations.add(id);
    }
    if (typed != null) {
      for (String name : ExternalInquiries.parse(typed)) {
        organisations.add(idOf(name, entries));
      }
    }
    if (organisations.isEmpty()) {
      throw Refusal.invalid(
          EXTERNAL_ORGANISATIONS,
          "is required: choose organisations from the directory or name others, one per line");
    }
    List<String> composed = List.copyOf(organisations);
    task.setVariable(EXTERNAL_ORGANISATIONS, String.join("\n", composed));
    inquiries.rememberQuestion(complaintId, TaskInput.of(task).optionalText(INQUIRY_QUESTION));
    return composed;
  }

  /** The directory id a typed line names (its id, or a name in any language), else the line. */
  static String idOf(String line, List<DirectoryEntry> entries) {
    String wanted = line.strip().toLowerCase(Locale.ROOT);
    for (DirectoryEntry entry : entries) {
      if (entry.id().equals(wanted)
          || entry.names().values().stream()
              .anyMatch(name -> name.strip().toLowerCase(Locale.ROOT).equals(wanted))) {
        return entry.id();
      }
    }
    return line.strip();
  }

  /** The checklist's choice: a JSON list of ids (Tasklist), a list, or ids one per line. */
  static List<String> chosen(Object value) {
    List<String> ids = new ArrayList<>();
    if (value instanceof JsonList list) {
      ids.addAll(list.texts());
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(item -> ids.add(String.valueOf(item)));
    } else if (value instanceof String text) {
      ids.addAll(ExternalInquiries.parse(text));
    } else if (value != null) {
      throw Refusal.invalid(EXTERNAL_ORGANISATION_CHOICE, "must be a list of directory ids");
    }
    return ids.stream().map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
  }
}
