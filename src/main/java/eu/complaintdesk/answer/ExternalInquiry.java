package eu.complaintdesk.answer;

import java.time.Instant;

/** A request for information sent to another organisation, and its reply once recorded. */
public record ExternalInquiry(
    long id,
    String organisation,
    Instant askedAt,
    String reply,
    Instant repliedAt,
    String recordedBy) {}
