package eu.complaintdesk.register;

import java.time.Instant;

/** One event in the history of a complaint. */
public record TimelineEntry(
    Instant occurredAt, String type, String actor, String detail, boolean visibleToCustomer) {}
