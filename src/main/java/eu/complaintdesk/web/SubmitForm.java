package eu.complaintdesk.web;

import eu.complaintdesk.intake.FeedbackTypeHint;
import eu.complaintdesk.intake.Submission;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.PreferredContact;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What the submission page posts, as the visitor typed it. It becomes a {@link Submission} and is
 * checked by the API's own rules; until it passes, it is shown again as entered.
 */
class SubmitForm {

  /** The form's fields in the order they appear, so errors are listed in that order. */
  static final List<String> FIELDS =
      List.of(
          "name",
          "email",
          "phone",
          "address",
          "customerNumber",
          "contact",
          "preferredContact",
          "language",
          "feedbackTypeHint",
          "categoryHint",
          "subject",
          "description",
          "remedySought",
          "attachments");

  /** What a form sent again after its session ended may bring back: every field and the token. */
  static final List<String> RESUBMITTED =
      List.of(
          "language",
          "name",
          "email",
          "phone",
          "customerNumber",
          "address",
          "preferredContact",
          "subject",
          "description",
          "remedySought",
          "feedbackTypeHint",
          "categoryHint",
          "token");

  private String language;
  private String name;
  private String email;
  private String phone;
  private String customerNumber;
  private String address;
  private String preferredContact;
  private String subject;
  private String description;
  private String remedySought;
  private String feedbackTypeHint;
  private String categoryHint;
  private String token;

  static SubmitForm empty(Locale pageLocale) {
    SubmitForm form = new SubmitForm();
    form.language = PageLanguage.supported(pageLocale.getLanguage()).orElse(Language.en).name();
    form.preferredContact = PreferredContact.EMAIL.name();
    form.newToken();
    return form;
  }

  /** A fresh idempotency token: the next post of this form is a new submission. */
  void newToken() {
    token = UUID.randomUUID().toString();
  }

  /** The token, if it is one this page made; a retried post carries the same one. */
  String idempotencyKey() {
    try {
      return token == null ? null : "web-" + UUID.fromString(token);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The submission the API would receive; a code that is not ours becomes a missing value. */
  Submission toSubmission() {
    Language chosenLanguage = PageLanguage.supported(language).orElse(null);
    PreferredContact contact =
        Arrays.stream(PreferredContact.values())
            .filter(c -> c.name().equals(preferredContact))
            .findFirst()
            .orElse(null);
    return new Submission(
        chosenLanguage,
        new Submission.Customer(
            trimmed(name),
            trimmed(email),
            trimmed(phone),
            trimmed(customerNumber),
            trimmed(address)),
        contact,
        subject,
        description,
        blankToNull(remedySought),
        blankToNull(categoryHint),
        hint().orElse(null),
        null,
        null);
  }

  /** What the visitor says they send; "don't know" and a code that is not ours are none. */
  private Optional<FeedbackTypeHint> hint() {
    return Arrays.stream(FeedbackTypeHint.values())
        .filter(h -> h.name().equals(feedbackTypeHint))
        .findFirst();
  }

  private static String trimmed(String value) {
    return blankToNull(value) == null ? null : value.strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** The files are not part of the form object; errors about them are. */
  public String getAttachments() {
    return null;
  }

  /** The contact fieldset as a whole, for the error that no contact was given. */
  public String getContact() {
    return null;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getCustomerNumber() {
    return customerNumber;
  }

  public void setCustomerNumber(String customerNumber) {
    this.customerNumber = customerNumber;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getPreferredContact() {
    return preferredContact;
  }

  public void setPreferredContact(String preferredContact) {
    this.preferredContact = preferredContact;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getRemedySought() {
    return remedySought;
  }

  public void setRemedySought(String remedySought) {
    this.remedySought = remedySought;
  }

  /** The chosen hint's code, or "" for "don't know" (the radio button that is then checked). */
  public String getFeedbackTypeHint() {
    return hint().map(Enum::name).orElse("");
  }

  public void setFeedbackTypeHint(String feedbackTypeHint) {
    this.feedbackTypeHint = feedbackTypeHint;
  }

  public String getCategoryHint() {
    return categoryHint;
  }

  public void setCategoryHint(String categoryHint) {
    this.categoryHint = categoryHint;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }
}
