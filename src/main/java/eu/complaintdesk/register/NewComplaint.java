package eu.complaintdesk.register;

import java.time.Instant;

/**
 * A submission to be registered. The intake validates it; the maximum lengths below are the
 * register's column sizes.
 *
 * @param registeredBy staff user id, {@code null} for self-service
 */
public record NewComplaint(
    Channel channel,
    Language language,
    String customerName,
    String customerEmail,
    String customerPhone,
    String customerNumber,
    String customerAddress,
    PreferredContact preferredContact,
    String subject,
    String description,
    String remedySought,
    String categoryHint,
    Instant receivedAt,
    Instant responseDueAt,
    String registeredBy) {

  public static final int MAX_CUSTOMER_NAME = 200;
  public static final int MAX_CUSTOMER_EMAIL = 254;
  public static final int MAX_CUSTOMER_PHONE = 40;
  public static final int MAX_CUSTOMER_NUMBER = 50;
  public static final int MAX_CUSTOMER_ADDRESS = 500;
  public static final int MAX_SUBJECT = 300;
  public static final int MAX_DESCRIPTION = 10000;
  public static final int MAX_REMEDY_SOUGHT = 4000;
  public static final int MAX_CATEGORY_HINT = 100;
  public static final int MAX_USER_ID = 64;
}
