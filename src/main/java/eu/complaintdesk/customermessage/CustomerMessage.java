package eu.complaintdesk.customermessage;

import java.time.Instant;

/** A message the customer added to their complaint after submitting it. */
public record CustomerMessage(long id, String message, Instant receivedAt) {}
