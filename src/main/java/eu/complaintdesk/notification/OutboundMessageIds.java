package eu.complaintdesk.notification;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Message-IDs of the e-mails we send, and the case a reply to one of them belongs to.
 *
 * <p>An e-mail's Message-ID is {@code <outbound-{message id}.{reply token}@{domain of the
 * sender}>}: the same on every attempt (ADR 0007), without personal data, and with a random token
 * kept with the message, so that a reply naming it in {@code In-Reply-To} or {@code References} can
 * be matched to its case while a made-up header naming a guessed message number matches nothing.
 */
@Component
public class OutboundMessageIds {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern OURS =
      Pattern.compile("<?outbound-(\\d{1,18})\\.([0-9a-f]{32})@[^<>\\s]+>?");

  private static final List<String> CUSTOMER_KINDS = kinds(NotificationKind::isForCustomer);

  private final JdbcClient jdbc;

  OutboundMessageIds(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new reply token: 128 random bits, hex. */
  static String newReplyToken() {
    byte[] token = new byte[16];
    RANDOM.nextBytes(token);
    return HexFormat.of().formatHex(token);
  }

  /** The Message-ID of the e-mail that carries the message. */
  static String of(OutboundMessage message, String domain) {
    return "<outbound-"
        + message.id()
        + (message.replyToken() == null ? "" : "." + message.replyToken())
        + "@"
        + domain
        + ">";
  }

  /**
   * Whether the Message-ID has the shape of ours ({@code <outbound-{id}.{token}@…>}): an e-mail
   * carrying it as its own Message-ID is one of ours that came back (a forward, a redirect, a
   * loop), never a customer's.
   */
  public static boolean isOurs(String messageId) {
    return messageId != null && OURS.matcher(messageId.strip()).matches();
  }

  /**
   * The complaint whose e-mail to the customer the given Message-IDs (of a reply's {@code
   * In-Reply-To} and {@code References}) name, the latest named first; empty when none is one of
   * ours. E-mails to staff or other organisations do not count: a reply to them is no message of
   * the customer.
   */
  public Optional<Long> repliedComplaint(Collection<String> referencedMessageIds) {
    return latestOfOurs(
        referencedMessageIds,
        (id, token) ->
            jdbc.sql(
                    "select complaint_id from outbound_message where id = :id"
                        + " and reply_token = :token and channel = 'EMAIL' and kind in (:kinds)")
                .param("id", id)
                .param("kinds", CUSTOMER_KINDS)
                .param("token", token)
                .query(Long.class)
                .optional());
  }

  /**
   * The first of the named Message-IDs, latest named first, that has the shape of ours and whose
   * message id and reply token {@code lookup} finds.
   */
  private static <T> Optional<T> latestOfOurs(
      Collection<String> referencedMessageIds, BiFunction<Long, String, Optional<T>> lookup) {
    List<String> latestFirst = new ArrayList<>(referencedMessageIds);
    Collections.reverse(latestFirst);
    for (String referenced : latestFirst) {
      Matcher ours = OURS.matcher(referenced == null ? "" : referenced.strip());
      if (ours.matches()) {
        Optional<T> found = lookup.apply(Long.parseLong(ours.group(1)), ours.group(2));
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  // --- issue 12, partners' replies (engineer D) ---------------------------------------------

  /** The kinds of message an organisation's reply answers: the inquiry and its reminder. */
  private static final List<String> INQUIRY_KINDS = kinds(NotificationKind::isForOrganisation);

  /**
   * An inquiry or reminder we sent to another organisation, which a reply names: the complaint and
   * the message's dedup key (the inquiry's {@code message_key}, or that key with {@code
   * ":reminder"}).
   */
  public record RepliedInquiry(long complaintId, String dedupKey) {}

  /**
   * The inquiry to another organisation (or its reminder) that the given Message-IDs (of a reply's
   * {@code In-Reply-To} and {@code References}) name, the latest named first; empty when none is
   * one. Matched by id and reply token as {@link #repliedComplaint} matches, never by subject; any
   * channel counts (an inquiry recorded before it went out by e-mail carries its token as well).
   */
  public Optional<RepliedInquiry> repliedInquiry(Collection<String> referencedMessageIds) {
    return latestOfOurs(
        referencedMessageIds,
        (id, token) ->
            jdbc.sql(
                    "select complaint_id, dedup_key from outbound_message where id = :id"
                        + " and reply_token = :token and kind in (:kinds)")
                .param("id", id)
                .param("token", token)
                .param("kinds", INQUIRY_KINDS)
                .query(
                    (row, number) ->
                        new RepliedInquiry(row.getLong("complaint_id"), row.getString("dedup_key")))
                .optional());
  }

  // --- replies to staff e-mails (review of issue 12) -----------------------------------------

  /** The Message-ID of a morning digest ({@code <digest-{id}@…>}, see digest/DigestJob). */
  private static final Pattern DIGEST = Pattern.compile("<?digest-(\\d{1,18})@[^<>\\s]+>?");

  /** The kinds of message that go to staff: neither the customer's nor an inquiry. */
  private static final List<String> STAFF_KINDS = kinds(NotificationKind::isForStaff);

  /** The names of the kinds that pass the test. */
  private static List<String> kinds(Predicate<NotificationKind> test) {
    return Arrays.stream(NotificationKind.values())
        .filter(test)
        .map(NotificationKind::name)
        .toList();
  }

  /**
   * Whether the given Message-IDs (of an e-mail's {@code In-Reply-To} and {@code References}) name
   * one of our e-mails to staff: a message of a staff kind (by id and reply token, as {@link
   * #repliedComplaint} matches), or a morning digest ({@code <digest-{id}@…>}, an id we gave,
   * though its row may be gone after 90 days). A staff member's answer to it is neither a complaint
   * nor a message of a case.
   */
  public boolean repliesToStaffEmail(Collection<String> referencedMessageIds) {
    return latestOfOurs(
                referencedMessageIds,
                (id, token) ->
                    jdbc.sql(
                            "select 1 from outbound_message where id = :id"
                                + " and reply_token = :token and kind in (:kinds)")
                        .param("id", id)
                        .param("token", token)
                        .param("kinds", STAFF_KINDS)
                        .query(Integer.class)
                        .optional())
            .isPresent()
        || referencedMessageIds.stream().anyMatch(this::isOurDigest);
  }

  /** Whether the Message-ID is that of a morning digest we sent. */
  private boolean isOurDigest(String referenced) {
    Matcher digest = DIGEST.matcher(referenced == null ? "" : referenced.strip());
    return digest.matches()
        // ids are given in order and old rows are deleted: any id up to the newest was ours
        && jdbc.sql("select count(*) from staff_digest where id >= :id")
                .param("id", Long.parseLong(digest.group(1)))
                .query(Integer.class)
                .single()
            > 0;
  }
}
