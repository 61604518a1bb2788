package eu.complaintdesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each task form's "Case" section shows the facts its task needs, by the names the tasks carry. */
class CaseFactsFormsTest {

  static final Pattern FACT = Pattern.compile("\\{\\{[#/]?(?:if )?(caseFile[A-Za-z]+)");

  static final List<String> SUMMARY =
      List.of(CaseFacts.AS_OF, CaseFacts.DATES, CaseFacts.SUBJECT, CaseFacts.DESCRIPTION);

  static final List<String> REGISTRAR =
      List.of(CaseFacts.CUSTOMER, CaseFacts.REMEDY, CaseFacts.ATTACHMENTS, CaseFacts.MESSAGES);

  static final Map<String, List<String>> NEEDS =
      Map.of(
          "Form_CheckCompleteness", REGISTRAR,
          "Form_ClassifyComplaint", REGISTRAR,
          "Form_DraftAnswer",
              List.of(
                  CaseFacts.CUSTOMER,
                  CaseFacts.ATTACHMENTS,
                  CaseFacts.MESSAGES,
                  CaseFacts.DRAFTS,
                  CaseFacts.TIMELINE),
          "Form_ReviewAnswer", List.of(CaseFacts.CUSTOMER, CaseFacts.DRAFTS),
          "Form_RecordExternalReply", List.of(),
          "Form_EvaluateProposal", List.of(CaseFacts.CUSTOMER),
          "Form_AnswerInformationRequest", List.of(CaseFacts.CUSTOMER));

  @Test
  void everyTaskFormShowsTheSummaryAndWhatItsTaskNeeds() throws IOException {
    NEEDS.forEach(
        (form, needs) -> {
          Set<String> shown = facts(form);
          assertThat(shown).as(form).containsAll(SUMMARY).containsAll(needs);
          assertThat(CaseFacts.names()).as(form).containsAll(shown);
        });
  }

  @Test
  void theStartFormShowsNoCaseFacts() {
    assertThat(facts("Form_RegisterComplaint")).isEmpty();
  }

  private static Set<String> facts(String form) {
    try {
      Matcher m = FACT.matcher(Files.readString(Path.of("forms", form + ".form")));
      Set<String> names = new TreeSet<>();
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
