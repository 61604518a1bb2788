package eu.complaintdesk.engine;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Our own refusals (task input, four-eyes, start variables) noted on the HTTP request they happen
 * in. The engine REST API answers an exception in a process start with 500 whatever it is; {@link
 * EngineErrorBodies} turns such a 500 back into the 400 it is.
 */
final class EngineRefusals {

  static final String ATTRIBUTE = EngineRefusals.class.getName();

  private EngineRefusals() {}

  /** Notes the refusal on the current request, if the command runs in one. */
  static void note(Throwable refusal) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.setAttribute(ATTRIBUTE, refusal.getMessage(), RequestAttributes.SCOPE_REQUEST);
    }
  }
}
