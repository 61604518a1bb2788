package eu.complaintdesk.process;

import java.util.List;

/**
 * Ids and variables of {@code bpmn/StaffComplaintRegistration.bpmn}: a registrar registers a
 * complaint from another channel through its start form in Tasklist.
 */
public final class StaffRegistrationProcess {

  public static final String PROCESS_KEY = "StaffComplaintRegistration";
  public static final String START_FORM = "Form_RegisterComplaint";

  public static final String START_EVENT = "StartEvent_ComplaintReported";
  public static final String REGISTER_COMPLAINT = "ServiceTask_RegisterComplaint";
  public static final String END_REGISTERED = "EndEvent_ComplaintRegistered";

  // Start form variables
  public static final String CHANNEL = "channel";
  public static final String RECEIVED_AT = "receivedAt";
  public static final String LANGUAGE = "language";
  public static final String CUSTOMER_NAME = "customerName";
  public static final String CUSTOMER_EMAIL = "customerEmail";
  public static final String CUSTOMER_PHONE = "customerPhone";
  public static final String CUSTOMER_NUMBER = "customerNumber";
  public static final String CUSTOMER_ADDRESS = "customerAddress";
  public static final String PREFERRED_CONTACT = "preferredContact";
  public static final String SUBJECT = "subject";
  public static final String DESCRIPTION = "description";
  public static final String REMEDY_SOUGHT = "remedySought";
  public static final String CATEGORY_HINT = "categoryHint";

  /** The initiator (camunda:initiator): the registrar who submitted the start form. */
  public static final String REGISTERED_BY = "registeredBy";

  /** What the instance keeps once the complaint is registered. */
  public static final String REGISTRATION_NUMBER = "registrationNumber";

  /** Every start form variable: removed after registering and never written to history. */
  public static final List<String> FORM_VARIABLES =
      List.of(
          CHANNEL,
          RECEIVED_AT,
          LANGUAGE,
          CUSTOMER_NAME,
          CUSTOMER_EMAIL,
          CUSTOMER_PHONE,
          CUSTOMER_NUMBER,
          CUSTOMER_ADDRESS,
          PREFERRED_CONTACT,
          SUBJECT,
          DESCRIPTION,
          REMEDY_SOUGHT,
          CATEGORY_HINT);

  private StaffRegistrationProcess() {}
}
