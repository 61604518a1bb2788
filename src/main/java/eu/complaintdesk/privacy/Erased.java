package eu.complaintdesk.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an anonymisation removed, counted per kind of record. */
final class Erased {

  static final String COMPLAINTS = "complaints";
  static final String CUSTOMER_MESSAGES = "customerMessages";
  static final String ATTACHMENTS = "attachments";
  static final String DRAFTS = "drafts";
  static final String EXTERNAL_REPLIES = "externalReplies";
  static final String SURVEY_COMMENTS = "surveyComments";
  static final String MESSAGE_BODIES = "messageBodies";
  static final String MESSAGES_CANCELLED = "messagesCancelled";
  static final String LETTERS = "letters";
  static final String SUBMISSION_RECORDS = "submissionRecords";
  static final String SESSIONS = "sessions";
  static final String PROCESSES_ENDED = "processesEnded";
  static final String ENGINE_VARIABLES = "engineHistoryVariables";
  static final String ENGINE_DECISIONS = "engineHistoryDecisions";

  /** The case's e-mails marked to be deleted from the mailbox by the inbox poller's next round. */
  static final String INBOUND_EMAILS = "inboundEmails";

  /** Comments of the case's process instances and tasks in the engine (earlier releases). */
  static final String ENGINE_COMMENTS = "engineComments";

  /** Attachments of the case's process instances and tasks in the engine (earlier releases). */
  static final String ENGINE_ATTACHMENTS = "engineAttachments";

  private final Map<String, Integer> counts = new LinkedHashMap<>();

  Erased() {
    for (String kind :
        new String[] {
          COMPLAINTS,
          CUSTOMER_MESSAGES,
          ATTACHMENTS,
          DRAFTS,
          EXTERNAL_REPLIES,
          SURVEY_COMMENTS,
          MESSAGE_BODIES,
          MESSAGES_CANCELLED,
          LETTERS,
          SUBMISSION_RECORDS,
          SESSIONS,
          PROCESSES_ENDED,
          ENGINE_VARIABLES,
          ENGINE_DECISIONS,
          ENGINE_COMMENTS,
          ENGINE_ATTACHMENTS,
          INBOUND_EMAILS
        }) {
      counts.put(kind, 0);
    }
  }

  Erased add(String kind, int count) {
    counts.merge(kind, count, Integer::sum);
    return this;
  }

  Erased add(Erased other) {
    other.counts.forEach(this::add);
    return this;
  }

  int get(String kind) {
    return counts.getOrDefault(kind, 0);
  }

  Map<String, Integer> asMap() {
    return Collections.unmodifiableMap(counts);
  }
}
