package eu.complaintdesk.intake;

import eu.complaintdesk.register.CategoryCode;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.text.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(
    name = "Submission",
    description =
        "A complaint, proposal, praise or question. The preferred contact must be given (email"
            + " for EMAIL, phone for SMS, address for POST).")
@PreferredContactGiven
public record Submission(
    @Schema(description = "Language of all messages to the customer", example = "lv") @NotNull
        Language language,
    @NotNull @Valid Customer customer,
    @Schema(example = "EMAIL") @NotNull PreferredContact preferredContact,
    @Schema(example = "Radiators are cold", maxLength = Limits.SUBJECT)
        @NotBlank
        @Size(max = Limits.SUBJECT)
        @PlainText
        String subject,
    @Schema(example = "No heating in the flat since Monday.", maxLength = Limits.DESCRIPTION)
        @NotBlank
        @Size(max = Limits.DESCRIPTION)
        @PlainText
        String description,
    @Schema(example = "Restore heating and recalculate the bill", maxLength = Limits.REMEDY)
        @Size(max = Limits.REMEDY)
        @PlainText
        String remedySought,
    @Schema(description = "A category code, if the customer knows it", example = "HEATING_QUALITY")
        @Pattern(regexp = CategoryCode.REGEX, message = "must be a category code such as BILLING")
        @PlainText
        String categoryHint,
    @Schema(
            description =
                "What the customer says they are sending, if they say: a hint for the"
                    + " classification, which staff confirm or correct",
            example = "COMPLAINT")
        FeedbackTypeHint feedbackTypeHint,
    @Schema(description = "Staff only: the channel it came by", example = "PHONE") Channel channel,
    @Schema(description = "Staff only: when it was received, not in the future")
        OffsetDateTime receivedAt) {

  @Schema(name = "Customer", description = "Who submits; at least one of email, phone or address")
  public record Customer(
      @Schema(example = "Anna Ozola", maxLength = Limits.NAME)
          @NotBlank
          @Size(max = Limits.NAME)
          @PlainText
          String name,
      @Schema(example = "anna@example.lv", maxLength = Limits.EMAIL)
          @Email
          @Size(max = Limits.EMAIL)
          @PlainText
          String email,
      @Schema(example = "+371 29000000")
          @Pattern(regexp = Limits.PHONE, message = "must be a phone number such as +371 20000000")
          @PlainText
          String phone,
      @Schema(example = "C-10042", maxLength = Limits.CUSTOMER_NUMBER)
          @Size(max = Limits.CUSTOMER_NUMBER)
          @PlainText
          String customerNumber,
      @Schema(example = "Brīvības iela 1, Rīga, LV-1010", maxLength = Limits.ADDRESS)
          @Size(max = Limits.ADDRESS)
          @PlainText
          String address) {

    /** The organisation must be able to answer somehow. */
    @Schema(hidden = true)
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
