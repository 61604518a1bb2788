package eu.complaintdesk.intake;

import eu.complaintdesk.register.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What staff may register, the same for the staff API and the Tasklist start form: only the
 * channels customers cannot use themselves (the web form and the public API register themselves),
 * and a receipt time no further back than {@code complaints.intake.max-backdating} (90 days by
 * default), so that a mistyped year neither makes an old registration number nor fires every timer
 * of the case at once.
 */
@Component
class StaffIntakeRules {

  /** Channels whose submissions register themselves, never through staff. */
  static final Set<Channel> SELF_SERVICE = Set.of(Channel.WEB_FORM, Channel.API);

  private final Duration maxBackdating;

  StaffIntakeRules(@Value("${complaints.intake.max-backdating:P90D}") Duration maxBackdating) {
    if (maxBackdating.isNegative()) {
      throw new IllegalArgumentException("complaints.intake.max-backdating must not be negative");
    }
    this.maxBackdating = maxBackdating;
  }

  /** Why staff may not register this channel, if they may not. */
  Optional<String> channelProblem(Channel channel) {
    return SELF_SERVICE.contains(channel)
        ? Optional.of(
            "must not be "
                + channel
                + ": customers register those themselves; choose the channel it came by")
        : Optional.empty();
  }

  /** Why this receipt time is refused, if it is: in the future or too far back. */
  Optional<String> receivedAtProblem(Instant receivedAt, Instant now) {
    if (receivedAt.isAfter(now)) {
      return Optional.of("must not be in the future");
    }
    if (receivedAt.isBefore(now.minus(maxBackdating))) {
      String limit =
          maxBackdating.equals(Duration.ofDays(maxBackdating.toDays()))
              ? maxBackdating.toDays() + " days"
              : maxBackdating.toString();
      return Optional.of("must not be more than " + limit + " ago");
    }
    return Optional.empty();
  }
}
