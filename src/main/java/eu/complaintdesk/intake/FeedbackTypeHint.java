package eu.complaintdesk.intake;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the customer says they are sending, in their words. It is only a hint: the decision {@code
 * SuggestFeedbackType} turns it into a suggested feedback type (a complaint into one of the two
 * complaint types), and the registrar confirms or corrects that.
 */
@Schema(
    description =
        "What the customer says they are sending: COMPLAINT, PROPOSAL, PRAISE or QUESTION."
            + " Leave it out if not sure; it is a hint that staff confirm or correct.")
public enum FeedbackTypeHint {
  COMPLAINT,
  PROPOSAL,
  PRAISE,
  QUESTION
}
