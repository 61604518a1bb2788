package eu.complaintdesk.tasklist;

import static eu.complaintdesk.process.ComplaintVariables.DRAFT_ID;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATION;

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
import eu.complaintdesk.register.Outcome;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.text.Counts;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The facts of a case that its task forms show, read from the register and made into ready-to-show
 * Markdown: task-local variables named {@code caseFile…} (they vanish with the task and never reach
 * the engine's history, see {@link CaseFactsOutOfHistory}). Customers' text is escaped ({@link
 * Markdown}); each value fits the engine's string column.
 */
@Component
class CaseFacts {

  /**
   * The common prefix of every case fact variable: history drops what carries it, and no form
   * submits it (one name, {@link ComplaintVariables#CASE_FACTS_PREFIX}).
   */
  static final String PREFIX = ComplaintVariables.CASE_FACTS_PREFIX;

  /** When the facts were read, in the calendar's zone ("2026-11-24 10:00"). */
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

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final ComplaintRegister register;
  private final AnswerDrafts drafts;
  private final CustomerMessages customerMessages;
  private final AttachmentService attachments;
  private final WorkingCalendar calendar;
  private final Clock clock;

  CaseFacts(
      ComplaintRegister register,
      AnswerDrafts drafts,
      CustomerMessages customerMessages,
      AttachmentService attachments,
      WorkingCalendar calendar,
      Clock clock) {
    this.register = register;
    this.drafts = drafts;
    this.customerMessages = customerMessages;
    this.attachments = attachments;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * The facts for this task of a case, or none if the register has no such complaint. The task's
   * variables ({@code draftId}, {@code externalOrganisation}) say which draft or organisation it is
   * for.
   */
  Map<String, Object> of(long complaintId, DelegateTask task) {
    String taskDefinitionKey = task.getTaskDefinitionKey();
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
      facts.putAll(draftUnderReview(c, task.getVariable(DRAFT_ID)));
    } else if (ComplaintProcess.TASK_DRAFT_ANSWER.equals(taskDefinitionKey)) {
      drafts
          .latest(c.id())
          .filter(d -> Boolean.FALSE.equals(d.approved()))
          .ifPresent(
              d ->
                  putIfAny(facts, LAST_REVIEW, Markdown.limited(Markdown.text(d.reviewComment()))));
    } else if (ComplaintProcess.TASK_RECORD_EXTERNAL_REPLY.equals(taskDefinitionKey)) {
      if (task.getVariable(EXTERNAL_ORGANISATION) instanceof String organisation) {
        putIfAny(facts, ORGANISATION, Markdown.line(organisation, 300));
      }
    }
    return facts;
  }

  /** Every fact name a task may carry, for removing those a refresh no longer has. */
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
            latest.isEmpty()
                ? "**The draft under review is not the latest: open the case file.**"
                : Markdown.text(latest.get().text()),
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

  /** The label of the draft form's choice ("Partially upheld"). */
  static String outcome(String code) {
    for (Outcome outcome : Outcome.values()) {
      if (outcome.name().equals(code)) {
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
        "- **Name:** "
            + Markdown.line(c.customerName(), 200)
            + (blank(c.customerNumber())
                ? ""
                : " · customer number " + Markdown.line(c.customerNumber(), 60)));
    StringJoiner contact = new StringJoiner(" · ");
    if (!blank(c.customerEmail())) {
      contact.add("e-mail " + Markdown.line(c.customerEmail(), 254));
    }
    if (!blank(c.customerPhone())) {
      contact.add("phone " + Markdown.line(c.customerPhone(), 40));
    }
    if (!blank(c.customerAddress())) {
      contact.add("address " + Markdown.line(c.customerAddress(), 500));
    }
    lines.add("- **Contact:** " + (contact.length() == 0 ? "none given" : contact.toString()));
    lines.add(
        "- **Prefers:** "
            + (c.preferredContact() == null ? "—" : c.preferredContact().name())
            + " · language "
            + (c.language() == null ? "—" : c.language().name()));
    return String.join("\n", lines);
  }

  private String dates(Complaint c) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "- **Channel:** "
            + (c.channel() == null ? "—" : c.channel().name())
            + " · **received** "
            + time(c.receivedAt()));
    lines.add(
        "- **Answer due:** "
            + (c.responseDueAt() == null ? "—" : date(c.responseDueAt()))
            + (c.extended() ? " (extended)" : "")
            + (c.clockPausedAt() == null
                ? ""
                : " · clock paused since " + time(c.clockPausedAt())));
    lines.add(
        "- **Status:** " + c.status() + (c.repeatComplaint() ? " · **repeat complaint**" : ""));
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
              + (a.customerMessageId() == null ? ", with the submission" : ", with a message")
              + ")");
    }
    return lines.isEmpty() ? "none" : String.join("\n", lines);
  }

  private String timeline(Complaint c) {
    List<TimelineEntry> all = register.timeline(c.id());
    List<String> lines = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && lines.size() < TIMELINE_ENTRIES; i--) {
      TimelineEntry t = all.get(i);
      lines.add(
          "- "
              + time(t.occurredAt())
              + " · **"
              + Markdown.line(t.type(), 60)
              + "** · "
              + Markdown.line(t.actor(), 60)
              + (blank(t.detail()) ? "" : " · " + Markdown.line(t.detail(), 160)));
    }
    if (all.size() > TIMELINE_ENTRIES) {
      lines.add(
          "- … "
              + Counts.english(all.size() - TIMELINE_ENTRIES, "earlier entry", "earlier entries")
              + " in the case file");
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
          new StringBuilder("- **")
              .append(time(d.draftedAt()))
              .append("** by ")
              .append(Markdown.line(d.draftedBy(), 60))
              .append(", proposed ")
              .append(Markdown.line(d.proposedOutcome(), 40))
              .append(": ")
              .append(Markdown.indented(d.text(), 600));
      if (!blank(d.refusalReasons())) {
        item.append("\n  *Reasons:* ").append(Markdown.indented(d.refusalReasons(), 300));
      }
      item.append("\n  *Review:* ");
      if (d.approved() == null) {
        item.append("not reviewed yet");
      } else {
        item.append(d.approved() ? "approved" : "returned")
            .append(" by ")
            .append(Markdown.line(d.reviewedBy(), 60))
            .append(", ")
            .append(time(d.reviewedAt()));
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

  private String time(Instant instant) {
    return instant == null ? "—" : TIME.format(instant.atZone(calendar.zone()));
  }

  private String date(Instant instant) {
    return DATE.format(instant.atZone(calendar.zone()));
  }

  private static String kilobytes(long bytes) {
    return bytes < 1024 ? bytes + " bytes" : ((bytes + 1023) / 1024) + " KB";
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
