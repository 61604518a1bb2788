package eu.complaintdesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each task form's "Case" section shows the facts its task needs, by the names the tasks carry. */
class CaseFactsFormsTest {

  static final Pattern FACT = Pattern.compile("\\{\\{[#/]?(?:if )?(caseFile[A-Za-z0-9]+)");

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
                  CaseFacts.TIMELINE,
                  CaseFacts.LAST_REVIEW),
          "Form_ReviewAnswer",
              List.of(
                  CaseFacts.CUSTOMER,
                  CaseFacts.DRAFTS,
                  CaseFacts.DRAFT_TEXT_PIECES.get(0),
                  CaseFacts.DRAFT_TEXT_PIECES.get(1),
                  CaseFacts.DRAFT_TEXT_PIECES.get(2),
                  CaseFacts.DRAFT_TEXT_PIECES.get(3),
                  CaseFacts.DRAFT_TEXT_PIECES.get(4),
                  CaseFacts.DRAFT_OUTCOME,
                  CaseFacts.DRAFT_REASONS),
          "Form_RecordExternalReply", List.of(CaseFacts.ORGANISATION),
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

  /** A value inserted into a text view: {{name}}, not {{#if …}} or {{/if}}. */
  static final Pattern INSERTED = Pattern.compile("\\{\\{\\s*([A-Za-z0-9]+)\\s*}}");

  /** Codes that text views may insert as they are: no person wrote them. */
  static final Set<String> CODES =
      Set.of(
          "registrationNumber",
          "suggestedFeedbackType",
          "suggestedCategory",
          "suggestedPriority",
          "requiredData",
          "requiredDocuments");

  @Test
  void textViewsInsertOnlyEscapedCaseFactsAndCodesNeverTextThatAPersonWrote() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
        for (JsonNode component : json.readTree(form.toFile()).path("components")) {
          if (!component.path("type").asText().matches("text|html")) {
            continue;
          }
          Matcher m = INSERTED.matcher(component.path("text").asText());
          while (m.find()) {
            assertThat(m.group(1))
                .as(form.getFileName() + " " + component.path("id").asText())
                .satisfiesAnyOf(
                    name -> assertThat(CaseFacts.names()).contains(name),
                    name -> assertThat(CODES).contains(name));
          }
        }
      }
    }
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
