package eu.complaintdesk.security;

/**
 * A setting the application cannot start without. {@link MissingSettingAnalyzer} reports it as one
 * line instead of a stack trace.
 */
class MissingSetting extends IllegalStateException {

  MissingSetting(String message) {
    super(message);
  }
}
