package eu.complaintdesk.answer;

import java.time.Instant;

/** A draft answer and its review; {@code approved} is {@code null} until it is reviewed. */
public record AnswerDraft(
    long id,
    String text,
    String proposedOutcome,
    String refusalReasons,
    String draftedBy,
    Instant draftedAt,
    Boolean approved,
    String reviewedBy,
    String reviewComment,
    Instant reviewedAt) {}
