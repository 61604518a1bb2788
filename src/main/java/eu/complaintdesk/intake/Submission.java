package eu.complaintdesk.intake;

import eu.complaintdesk.register.CategoryCode;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.PreferredContact;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * A submission through the API. {@code channel} and {@code receivedAt} are for staff who register a
 * letter, call or visit; the public API refuses them.
 */
@PreferredContactGiven
public record Submission(
    @NotNull Language language,
    @NotNull @Valid Customer customer,
    @NotNull PreferredContact preferredContact,
    @NotBlank @Size(max = Limits.SUBJECT) String subject,
    @NotBlank @Size(max = Limits.DESCRIPTION) String description,
    @Size(max = Limits.REMEDY) String remedySought,
    @Pattern(regexp = CategoryCode.REGEX, message = "must be a category code such as BILLING")
        String categoryHint,
    Channel channel,
    OffsetDateTime receivedAt) {

  public record Customer(
      @NotBlank @Size(max = Limits.NAME) String name,
      @Email @Size(max = Limits.EMAIL) String email,
      @Pattern(regexp = Limits.PHONE, message = "must be a phone number such as +371 20000000")
          String phone,
      @Size(max = Limits.CUSTOMER_NUMBER) String customerNumber,
      @Size(max = Limits.ADDRESS) String address) {

    /** The organisation must be able to answer somehow. */
    @AssertTrue(message = "give at least one of email, phone or address")
    boolean isReachable() {
      return notBlank(email) || notBlank(phone) || notBlank(address);
    }

    private static boolean notBlank(String value) {
      return value != null && !value.isBlank();
    }
  }

  /** Limits of the intake, documented in the README. */
  public static final class Limits {
    static final int NAME = 200;
    static final int EMAIL = 254;
    static final int CUSTOMER_NUMBER = 50;
    static final int ADDRESS = 500;
    static final int SUBJECT = 200;
    static final int DESCRIPTION = 10_000;
    static final int REMEDY = 2_000;
    public static final int MESSAGE = 10_000;
    static final String PHONE = "\\+?[0-9][0-9 ()-]{5,19}";

    private Limits() {}
  }
}
