package eu.complaintdesk.register;

import java.time.Instant;

/** A complaint as the register holds it (without the access code hash). */
public record Complaint(
    long id,
    String registrationNumber,
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
    boolean extended,
    Instant clockPausedAt,
    ComplaintStatus status,
    String feedbackType,
    String category,
    String priority,
    boolean repeatComplaint,
    String processInstanceId,
    String outcome,
    Instant answeredAt,
    Instant closedAt,
    /** The text of the answer sent, once it was. */
    String answerText,
    /** Why the deadline was extended, if it was. */
    String extensionReason) {}
