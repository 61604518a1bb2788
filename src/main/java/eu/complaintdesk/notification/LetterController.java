package eu.complaintdesk.notification;

import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.register.CaseReads;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answer letters for download: by the customer with the access code (an unknown number, a wrong
 * code and a letter of another complaint all get the same 404), and by signed-in staff, who also
 * see the complaint's outbox: every message with its delivery state, and the letters. A letter
 * staff download is recorded as a read of the case ({@link CaseReads}) before it is answered.
 */
@RestController
class LetterController {

  private final ComplaintRegister register;
  private final AnswerLetters letters;
  private final NotificationService notifications;
  private final CaseReads reads;

  LetterController(
      ComplaintRegister register,
      AnswerLetters letters,
      NotificationService notifications,
      CaseReads reads) {
    this.register = register;
    this.letters = letters;
    this.notifications = notifications;
    this.reads = reads;
  }

  @GetMapping("/api/complaints/{registrationNumber}/letters/{letterId}")
  ResponseEntity<byte[]> customerLetter(
      @PathVariable String registrationNumber,
      @PathVariable String letterId,
      @RequestHeader(name = "X-Access-Code", required = false) String accessCode) {
    Complaint complaint =
        register.findAccessible(registrationNumber, accessCode).orElseThrow(ApiProblem::notFound);
    return letter(complaint, letterId).asDownload();
  }

  @GetMapping("/api/staff/complaints/{registrationNumber}/letters/{letterId}")
  ResponseEntity<byte[]> staffLetter(
      @PathVariable String registrationNumber, @PathVariable String letterId, Principal user) {
    Complaint complaint = staffComplaint(registrationNumber);
    AnswerLetters.Letter letter = letter(complaint, letterId);
    reads.record(complaint.id(), user.getName(), CaseReads.Kind.LETTER, letter.id());
    return letter.asDownload();
  }

  /** The outbox of one complaint, for staff. */
  record Outbox(List<Message> messages, List<AnswerLetters.AnswerLetter> letters) {}

  record Message(
      long id,
      String kind,
      String channel,
      String recipient,
      String language,
      String subject,
      String body,
      DeliveryState state,
      int attempts,
      String error,
      Instant createdAt,
      Instant sentAt,
      Long letterId,
      Instant postedAt,
      String postedBy) {}

  /** The outbox: what we sent the customer, bodies included, so a read like a letter's. */
  @GetMapping("/api/staff/complaints/{registrationNumber}/messages")
  Outbox outbox(@PathVariable String registrationNumber, Principal user) {
    Complaint complaint = staffComplaint(registrationNumber);
    reads.record(complaint.id(), user.getName(), CaseReads.Kind.OUTBOX, null);
    return new Outbox(
        notifications.messages(complaint.id()).stream()
            .map(
                m ->
                    new Message(
                        m.id(),
                        m.kind().name(),
                        m.channel() == null ? null : m.channel().name(),
                        m.recipient(),
                        m.language().name(),
                        m.subject(),
                        m.body(),
                        m.state(),
                        m.attempts(),
                        m.error(),
                        m.createdAt(),
                        m.sentAt(),
                        m.letterId(),
                        m.postedAt(),
                        m.postedBy()))
            .toList(),
        letters.letters(complaint.id()));
  }

  private Complaint staffComplaint(String registrationNumber) {
    return register.findByRegistrationNumber(registrationNumber).orElseThrow(ApiProblem::notFound);
  }

  private AnswerLetters.Letter letter(Complaint complaint, String letterId) {
    long id;
    try {
      id = Long.parseLong(letterId);
    } catch (NumberFormatException e) {
      throw ApiProblem.notFound();
    }
    return letters.find(complaint.id(), id).orElseThrow(ApiProblem::notFound);
  }
}
