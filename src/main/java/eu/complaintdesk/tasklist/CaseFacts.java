package eu.complaintdesk.tasklist;

import static eu.complaintdesk.process.ComplaintVariables.DRAFT_ID;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATION;

import com.ibm.icu.text.MessageFormat;
import eu.complaintdesk.answer.AnswerDraft;
import eu.complaintdesk.answer.AnswerDrafts;
import eu.complaintdesk.attachment.AttachmentInfo;
import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.customermessage.CustomerMessage;
import eu.complaintdesk.customermessage.CustomerMessages;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.Outcome;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.stafflanguage.FormLabels;
import eu.complaintdesk.stafflanguage.StaffLanguage;
import eu.complaintdesk.stafflanguage.StaffTexts;
import eu.complaintdesk.staffweb.StaffTimes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.stereotype.Component;

/**
 * The facts of a case that its task forms show, read from the register when a form reads its
 * variables and made into ready-to-show Markdown: String variables named {@code caseFile…} that
 * {@link FormVariablesWithFacts} adds to the engine's answer, never stored in the engine (so always
 * current, and no rows or history; {@link CaseFactsOutOfHistory} still keeps any such name out of
 * history). Customers' text is escaped ({@link Markdown}); each value fits the engine's string
 * column, as when they were stored. The words are the staff language's ({@link StaffLanguage}):
 * {@code caseFacts.*} of the staff bundle (ICU MessageFormat, so that a count agrees with its
 * noun), the staff bundle's code words for channels, statuses, events and outcomes (English shows
 * the codes), the draft form's own label for a proposed outcome, and moments in the staff
 * language's numeric form ({@link StaffTimes}).
 */
@Component
class CaseFacts {

  /**
   * The common prefix of every case fact variable: no user sets a variable with it, no form submits
   * it, history drops it (one name, {@link ComplaintVariables#CASE_FACTS_PREFIX}).
   */
  static final String PREFIX = ComplaintVariables.CASE_FACTS_PREFIX;

  /**
   * When the facts were read, in the calendar's zone and the staff language's numeric form
   * ("2026-11-24 10:00", Latvian "24.11.2026. 10:00", as the staff pages show moments).
   */
  static final String AS_OF = "caseFileAsOf";

  /** Customer name, number, contact as given, preferred contact, language (Markdown list). */
  static final String CUSTOMER = "caseFileCustomer";

  /** Channel, received, response due (and whether extended), status (Markdown list). */
  static final String DATES = "caseFileDates";

  /** The subject (Markdown, one line). */
  static final String SUBJECT = "caseFileSubject";

  /** The description (Markdown, line breaks kept). */
  static final String DESCRIPTION = "caseFileDescription";

  /** The remedy the customer seeks (Markdown), or absent. */
  static final String REMEDY = "caseFileRemedy";

  /** The files the customer sent, as links to the staff download (Markdown list), or "none". */
  static final String ATTACHMENTS = "caseFileAttachments";

  /** The latest timeline entries, latest first, one line each (Markdown list). */
  static final String TIMELINE = "caseFileTimeline";

  /** The customer's messages after submitting, latest first (Markdown list), or absent. */
  static final String MESSAGES = "caseFileMessages";

  /** Earlier drafts with their reviews, latest first (Markdown list), draft and review only. */
  static final String DRAFTS = "caseFileDrafts";

  /**
   * Review: the text of the draft under review, escaped (line breaks kept), in {@link
   * #DRAFT_TEXT_PIECES} pieces (an engine text variable holds 4 000 characters; escaped, a long
   * draft needs more): the reviewer must see all of it.
   */
  static final String DRAFT_TEXT = "caseFileDraftText";

  static final List<String> DRAFT_TEXT_PIECES =
      List.of(DRAFT_TEXT, DRAFT_TEXT + "2", DRAFT_TEXT + "3", DRAFT_TEXT + "4", DRAFT_TEXT + "5");

  /** Review: the outcome the draft under review proposes, as the draft form labels it. */
  static final String DRAFT_OUTCOME = "caseFileDraftOutcome";

  /** Review: the refusal reasons of the draft under review, escaped, or absent. */
  static final String DRAFT_REASONS = "caseFileDraftReasons";

  /** Draft: the comment of the review that returned the latest draft, escaped, or absent. */
  static final String LAST_REVIEW = "caseFileLastReview";

  /** External reply: the organisation asked, as the handler named it, escaped. */
  static final String ORGANISATION = "caseFileOrganisation";

  static final int TIMELINE_ENTRIES = 15;

  /** The tasks that see earlier drafts and their reviews. */
  static final Set<String> DRAFT_TASKS =
      Set.of(ComplaintProcess.TASK_DRAFT_ANSWER, ComplaintProcess.TASK_REVIEW_ANSWER);

  private final ComplaintRegister register;
  private final AnswerDrafts drafts;
  private final CustomerMessages customerMessages;
  private final AttachmentService attachments;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final Language language;
  private final StaffTexts t;
  private final FormLabels formLabels;

  CaseFacts(
      ComplaintRegister register,
      AnswerDrafts drafts,
      CustomerMessages customerMessages,
      AttachmentService attachments,
      WorkingCalendar calendar,
      Clock clock,
      StaffLanguage staffLanguage) {
    this.register = register;
    this.drafts = drafts;
    this.customerMessages = customerMessages;
    this.attachments = attachments;
    this.calendar = calendar;
    this.clock = clock;
    this.language = staffLanguage.language();
    this.t = StaffTexts.of(language);
    this.formLabels = language == Language.en ? null : FormLabels.fromClasspath();
  }

  /**
   * The facts for this task of a case, or none if the register has no such complaint. The task's
   * variables as the engine resolves them for the task ({@code draftId}, {@code
   * externalOrganisation}) say which draft or organisation it is for.
   */
  Map<String, Object> of(long complaintId, String taskDefinitionKey, Map<String, ?> taskVariables) {
    Optional<Complaint> found = register.find(complaintId);
    if (found.isEmpty()) {
      return Map.of();
    }
    Complaint c = found.get();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put(AS_OF, time(clock.instant()));
    facts.put(CUSTOMER, Markdown.limited(customer(c)));
    facts.put(DATES, dates(c));
    facts.put(SUBJECT, Markdown.line(c.subject(), 300));
    facts.put(DESCRIPTION, Markdown.limited(Markdown.text(c.description())));
    putIfAny(facts, REMEDY, Markdown.limited(Markdown.text(c.remedySought())));
    facts.put(ATTACHMENTS, Markdown.limited(attachments(c)));
    facts.put(TIMELINE, Markdown.limited(timeline(c)));
    putIfAny(facts, MESSAGES, Markdown.limited(messages(c)));
    if (DRAFT_TASKS.contains(taskDefinitionKey)) {
      putIfAny(facts, DRAFTS, Markdown.limited(drafts(c)));
    }
    if (ComplaintProcess.TASK_REVIEW_ANSWER.equals(taskDefinitionKey)) {
      facts.putAll(draftUnderReview(c, taskVariables.get(DRAFT_ID)));
    } else if (ComplaintProcess.TASK_DRAFT_ANSWER.equals(taskDefinitionKey)) {
      drafts
          .latest(c.id())
          .filter(d -> Boolean.FALSE.equals(d.approved()))
          .ifPresent(
              d ->
                  putIfAny(facts, LAST_REVIEW, Markdown.limited(Markdown.text(d.reviewComment()))));
    } else if (ComplaintProcess.TASK_RECORD_EXTERNAL_REPLY.equals(taskDefinitionKey)) {
      if (taskVariables.get(EXTERNAL_ORGANISATION) instanceof String organisation) {
        putIfAny(facts, ORGANISATION, Markdown.line(organisation, 300));
      }
    }
    return facts;
  }

  /** Every fact name a task's form may be given. */
  static List<String> names() {
    return List.of(
        AS_OF,
        CUSTOMER,
        DATES,
        SUBJECT,
        DESCRIPTION,
        REMEDY,
        ATTACHMENTS,
        TIMELINE,
        MESSAGES,
        DRAFTS,
        DRAFT_TEXT_PIECES.get(0),
        DRAFT_TEXT_PIECES.get(1),
        DRAFT_TEXT_PIECES.get(2),
        DRAFT_TEXT_PIECES.get(3),
        DRAFT_TEXT_PIECES.get(4),
        DRAFT_OUTCOME,
        DRAFT_REASONS,
        LAST_REVIEW,
        ORGANISATION);
  }

  /**
   * The draft the review is for, as the customer will get it: the register's latest draft, which
   * must be the one the task's {@code draftId} names (the review's decision refuses any other).
   */
  private Map<String, Object> draftUnderReview(Complaint c, Object draftId) {
    Optional<AnswerDraft> latest =
        drafts.latest(c.id()).filter(d -> draftId instanceof Number id && d.id() == id.longValue());
    Map<String, Object> draft = new LinkedHashMap<>();
    List<String> text =
        Markdown.pieces(
            latest.isEmpty() ? words("caseFacts.notLatest") : Markdown.text(latest.get().text()),
            DRAFT_TEXT_PIECES.size());
    for (int i = 0; i < text.size(); i++) {
      draft.put(DRAFT_TEXT_PIECES.get(i), text.get(i));
    }
    if (latest.isEmpty()) {
      return draft;
    }
    AnswerDraft d = latest.get();
    draft.put(DRAFT_OUTCOME, outcome(d.proposedOutcome()));
    putIfAny(draft, DRAFT_REASONS, Markdown.limited(Markdown.text(d.refusalReasons())));
    return draft;
  }

  /**
   * The label of the draft form's choice ("Partially upheld"), in the staff language as the
   * translated draft form shows it.
   */
  String outcome(String code) {
    for (Outcome outcome : Outcome.values()) {
      if (outcome.name().equals(code)) {
        if (formLabels != null) {
          Optional<String> label =
              formLabels.label(
                  language, "Form_DraftAnswer.proposedOutcome.values." + outcome.name());
          if (label.isPresent()) {
            return label.get();
          }
        }
        return switch (outcome) {
          case UPHELD -> "Upheld";
          case PARTIALLY_UPHELD -> "Partially upheld";
          case REJECTED -> "Rejected";
        };
      }
    }
    return code == null ? "—" : Markdown.line(code, 40);
  }

  private String customer(Complaint c) {
    List<String> lines = new ArrayList<>();
    lines.add(
        label("caseFacts.name")
            + Markdown.line(c.customerName(), 200)
            + (blank(c.customerNumber())
                ? ""
                : " · "
                    + words("caseFacts.customerNumber", Markdown.line(c.customerNumber(), 60))));
    StringJoiner contact = new StringJoiner(" · ");
    if (!blank(c.customerEmail())) {
      contact.add(words("caseFacts.email", Markdown.line(c.customerEmail(), 254)));
    }
    if (!blank(c.customerPhone())) {
      contact.add(words("caseFacts.phone", Markdown.line(c.customerPhone(), 40)));
    }
    if (!blank(c.customerAddress())) {
      contact.add(words("caseFacts.address", Markdown.line(c.customerAddress(), 500)));
    }
    lines.add(
        label("caseFacts.contact")
            + (contact.length() == 0 ? words("caseFacts.noContact") : contact.toString()));
    lines.add(
        label("caseFacts.prefers")
            + code("contact", c.preferredContact())
            + " · "
            + words("caseFacts.language", code("language", c.language())));
    return String.join("\n", lines);
  }

  private String dates(Complaint c) {
    List<String> lines = new ArrayList<>();
    lines.add(
        label("caseFacts.channel")
            + code("channel", c.channel())
            + " · **"
            + words("caseFacts.received")
            + "** "
            + time(c.receivedAt()));
    lines.add(
        label("caseFacts.due")
            + (c.responseDueAt() == null ? "—" : date(c.responseDueAt()))
            + (c.extended() ? " " + words("caseFacts.extended") : "")
            + (c.clockPausedAt() == null
                ? ""
                : " · " + words("caseFacts.paused", time(c.clockPausedAt()))));
    lines.add(
        label("caseFacts.status")
            + code("status", c.status())
            + (c.repeatComplaint() ? " · **" + words("caseFacts.repeat") + "**" : ""));
    return String.join("\n", lines);
  }

  private String attachments(Complaint c) {
    List<String> lines = new ArrayList<>();
    for (AttachmentInfo a : attachments.list(c.id())) {
      lines.add(
          "- "
              + Markdown.link(
                  a.fileName(), AttachmentService.downloadPath(c.registrationNumber(), a.id()))
              + " ("
              + Markdown.line(a.mediaType(), 80)
              + ", "
              + kilobytes(a.size())
              + ", "
              + time(a.receivedAt())
              + ", "
              + words(
                  a.customerMessageId() == null
                      ? "caseFacts.withSubmission"
                      : "caseFacts.withMessage")
              + ")");
    }
    return lines.isEmpty() ? words("caseFacts.noAttachments") : String.join("\n", lines);
  }

  private String timeline(Complaint c) {
    List<TimelineEntry> all = register.timeline(c.id());
    List<String> lines = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && lines.size() < TIMELINE_ENTRIES; i--) {
      TimelineEntry entry = all.get(i);
      lines.add(
          "- "
              + time(entry.occurredAt())
              + " · **"
              + Markdown.line(t.code("event", entry.type()), 60)
              + "** · "
              + Markdown.line(entry.actor(), 60)
              + (blank(entry.detail()) ? "" : " · " + Markdown.line(entry.detail(), 160)));
    }
    if (all.size() > TIMELINE_ENTRIES) {
      lines.add("- " + count("caseFacts.earlierEntries", all.size() - TIMELINE_ENTRIES));
    }
    return String.join("\n", lines);
  }

  private String messages(Complaint c) {
    List<CustomerMessage> all = customerMessages.list(c.id());
    List<String> lines = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      CustomerMessage m = all.get(i);
      lines.add("- " + time(m.receivedAt()) + ": " + Markdown.indented(m.message(), 1000));
    }
    return String.join("\n", lines);
  }

  private String drafts(Complaint c) {
    List<AnswerDraft> all = drafts.list(c.id());
    List<String> lines = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      AnswerDraft d = all.get(i);
      StringBuilder item =
          new StringBuilder("- ")
              .append(
                  words(
                      "caseFacts.drafted",
                      time(d.draftedAt()),
                      Markdown.line(d.draftedBy(), 60),
                      Markdown.line(t.code("outcome", d.proposedOutcome()), 40)))
              .append(" ")
              .append(Markdown.indented(d.text(), 600));
      if (!blank(d.refusalReasons())) {
        item.append("\n  *")
            .append(words("caseFacts.reasons"))
            .append(":* ")
            .append(Markdown.indented(d.refusalReasons(), 300));
      }
      item.append("\n  *").append(words("caseFacts.review")).append(":* ");
      if (d.approved() == null) {
        item.append(words("caseFacts.notReviewed"));
      } else {
        item.append(
            words(
                d.approved() ? "caseFacts.approvedBy" : "caseFacts.returnedBy",
                Markdown.line(d.reviewedBy(), 60),
                time(d.reviewedAt())));
        if (!blank(d.reviewComment())) {
          item.append(": ").append(Markdown.indented(d.reviewComment(), 600));
        }
      }
      lines.add(item.toString());
    }
    return String.join("\n", lines);
  }

  private static void putIfAny(Map<String, Object> facts, String name, String markdown) {
    if (!markdown.isBlank()) {
      facts.put(name, markdown);
    }
  }

  /** A moment as the staff pages show it: 2026-11-24 10:00, in Latvian 24.11.2026. 10:00. */
  private String time(Instant instant) {
    return instant == null ? "—" : new StaffTimes(calendar.zone(), language).format(instant);
  }

  private String date(Instant instant) {
    return new StaffTimes(calendar.zone(), language)
        .date(instant.atZone(calendar.zone()).toLocalDate());
  }

  private String kilobytes(long bytes) {
    return bytes < 1024
        ? count("caseFacts.bytes", bytes)
        : words("caseFacts.kilobytes", String.valueOf((bytes + 1023) / 1024));
  }

  /** A list item's bold label in the staff language: "- **Name:** ". */
  private String label(String key) {
    return "- **" + words(key) + ":** ";
  }

  /**
   * The staff bundle's text of the key with its placeholders filled (ICU MessageFormat, values as
   * given: pass numbers as text).
   */
  private String words(String key, Object... values) {
    return new MessageFormat(t.get(key), t.locale()).format(values);
  }

  /** A counted text: {0} chooses the plural form, {1} shows the count ("3 earlier entries"). */
  private String count(String key, long count) {
    return words(key, count, String.valueOf(count));
  }

  /** The staff words of a code ("—" for none; English shows the code itself). */
  private String code(String group, Object code) {
    return code == null ? "—" : t.code(group, code);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
