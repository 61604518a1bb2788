package eu.complaintdesk.engine;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Our own refusals (task input, four-eyes, start variables) and concurrent changes noted on the
 * HTTP request they happen in. The engine REST API answers an exception in a process start or a
 * task completion with 500 whatever it is; {@link EngineErrorBodies} turns such a 500 back into the
 * 400 or 409 it is.
 */
final class EngineRefusals {

  static final String ATTRIBUTE = EngineRefusals.class.getName();

  static final String CONCURRENT_CHANGE = ATTRIBUTE + ".concurrentChange";

  /** A rule that forbids what the user asked ({@link CaseNotesGuard}): its message. */
  static final String FORBIDDEN = ATTRIBUTE + ".forbidden";

  private EngineRefusals() {}

  /** Notes the refusal on the current request, if the command runs in one. */
  static void note(Refusal refusal) {
    noteOnRequest(ATTRIBUTE, refusal.getMessage());
  }

  /** Notes that the command met a concurrent change and did nothing. */
  static void noteConcurrentChange() {
    noteOnRequest(CONCURRENT_CHANGE, Boolean.TRUE);
  }

  private static void noteOnRequest(String name, Object value) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
    }
  }

  /**
   * Notes that a rule forbade the command (403), for a REST resource that answers the engine's
   * AuthorizationException with another status and message (creating a task's comment: 400 "Not
   * enough parameters submitted").
   */
  static void noteForbidden(String message) {
    noteOnRequest(FORBIDDEN, message);
  }
}
