package eu.complaintdesk.survey;

import java.time.Instant;

/** A satisfaction survey invitation and, once answered, its answer. */
public record Survey(
    String token,
    long complaintId,
    Instant expiresAt,
    Integer score,
    String comment,
    Instant answeredAt) {}
