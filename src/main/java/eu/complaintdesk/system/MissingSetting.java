package eu.complaintdesk.system;

/**
 * A setting the application cannot start without. {@link MissingSettingAnalyzer} reports it as one
 * line instead of a stack trace.
 */
public class MissingSetting extends IllegalStateException {

  public MissingSetting(String message) {
    super(message);
  }
}
