package eu.complaintdesk.inbox;

import eu.complaintdesk.attachment.UploadedFile;
import eu.complaintdesk.notification.OutboundMessageIds;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.text.TextCharacters;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Reads what the inbox needs from an e-mail: sender, subject, the text (the plain part, or the HTML
 * part without its markup), the files, a guess of the language, the e-mails it answers, and whether
 * a machine sent it (auto-reply, bounce, bulk mail).
 */
final class EmailParser {

  private static final Pattern SCRIPT_OR_STYLE =
      Pattern.compile("(?is)<(script|style|head)[^>]*>.*?</\\1\\s*>");
  private static final Pattern LINE_BREAKING_TAG =
      Pattern.compile("(?i)<\\s*(br|/p|/div|/li|/tr|/h[1-6])[^>]*>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");

  private static final Pattern LATVIAN = Pattern.compile("[āēīķļņģĀĒĪĶĻŅĢ]");
  private static final Pattern LITHUANIAN = Pattern.compile("[ąęėįųĄĘĖĮŲ]");
  private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
  private static final Set<String> ENGLISH_WORDS =
      Set.of("the", "and", "my", "is", "was", "not", "have", "please", "dear", "hello", "bill");

  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,500}>");
  private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list");
  private static final Set<String> MAILER_SENDERS = Set.of("mailer-daemon", "postmaster");

  private EmailParser() {}

  static IncomingEmail parse(Message message, Language defaultLanguage, Instant now)
      throws MessagingException, IOException {
    InternetAddress from = sender(message);
    String subject = message.getSubject();
    Content content = new Content();
    collect(message, content);
    String text =
        content.plain != null
            ? content.plain
            : content.html != null ? htmlToText(content.html) : "";
    Instant received =
        message.getReceivedDate() != null ? message.getReceivedDate().toInstant() : null;
    if (received == null || received.isAfter(now)) {
      received = now;
    }
    return new IncomingEmail(
        messageKey(message, from, subject),
        from == null ? null : TextCharacters.strip(from.getAddress()),
        from == null ? null : TextCharacters.strip(from.getPersonal()),
        TextCharacters.strip(subject),
        TextCharacters.strip(text).strip(),
        language(message, subject, text, defaultLanguage),
        List.copyOf(content.files),
        received,
        referencedMessageIds(message),
        isAutomatic(message, from));
  }

  /**
   * Whether a machine sent the e-mail, so that it must be neither registered nor answered (no mail
   * loops): {@code Auto-Submitted} other than {@code no} (RFC 3834), {@code X-Autoreply} or {@code
   * X-Autorespond}, {@code Precedence} bulk, junk or list, a delivery report ({@code
   * multipart/report}, {@code message/delivery-status}), a sender MAILER-DAEMON or postmaster, an
   * empty {@code Return-Path} ({@code <>}, the mark of a bounce), or a Message-ID of the shape of
   * ours ({@link OutboundMessageIds#isOurs}: our own e-mail coming back).
   */
  static boolean isAutomatic(Message message, InternetAddress from) throws MessagingException {
    if (message instanceof MimeMessage mime && OutboundMessageIds.isOurs(mime.getMessageID())) {
      return true;
    }
    String autoSubmitted = firstHeader(message, "Auto-Submitted");
    if (autoSubmitted != null && !"no".equals(headerToken(autoSubmitted))) {
      return true;
    }
    if (firstHeader(message, "X-Autoreply") != null
        || firstHeader(message, "X-Autorespond") != null) {
      return true;
    }
    String precedence = firstHeader(message, "Precedence");
    if (precedence != null && BULK_PRECEDENCE.contains(headerToken(precedence))) {
      return true;
    }
    if (message.isMimeType("multipart/report") || message.isMimeType("message/delivery-status")) {
      return true;
    }
    String returnPath = firstHeader(message, "Return-Path");
    if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
      return true;
    }
    String address = from == null ? null : from.getAddress();
    if (address != null) {
      int at = address.indexOf('@');
      String local = (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
      return MAILER_SENDERS.contains(local);
    }
    return false;
  }

  /** The Message-IDs named in {@code References} and {@code In-Reply-To}, oldest first. */
  static List<String> referencedMessageIds(Message message) throws MessagingException {
    List<String> ids = new ArrayList<>();
    for (String name : List.of("References", "In-Reply-To")) {
      String[] values = message.getHeader(name);
      if (values == null) {
        continue;
      }
      for (String value : values) {
        MESSAGE_ID.matcher(value).results().map(m -> m.group()).forEach(ids::add);
      }
    }
    // A header stuffed with ids is no reply of a customer's mail client: the first 100 suffice.
    return List.copyOf(ids.size() > 100 ? ids.subList(ids.size() - 100, ids.size()) : ids);
  }

  private static String firstHeader(Message message, String name) throws MessagingException {
    String[] values = message.getHeader(name);
    return values == null || values.length == 0 || values[0] == null ? null : values[0];
  }

  /** The value of a header up to its parameters or comment, trimmed, lower case. */
  private static String headerToken(String value) {
    String token = value.split("[;(]", 2)[0];
    return token.strip().toLowerCase(Locale.ROOT);
  }

  /** The HTML as text: no scripts, styles or tags, entities decoded, blank lines squeezed. */
  static String htmlToText(String html) {
    String text = COMMENT.matcher(html).replaceAll("");
    text = SCRIPT_OR_STYLE.matcher(text).replaceAll("");
    text = LINE_BREAKING_TAG.matcher(text).replaceAll("\n");
    text = TAG.matcher(text).replaceAll("");
    text = HtmlUtils.htmlUnescape(text).replace('\u00a0', ' ');
    return text.replaceAll("[ \\t]+", " ").replaceAll(" *\\n *", "\n").replaceAll("\n{3,}", "\n\n");
  }

  /**
   * The language: from a Content-Language header when it names one of ours, else by the letters
   * (Cyrillic: ru; ā ē ī ķ ļ ņ ģ: lv; ą ę ė į ų: lt; common English words: en), else the default.
   */
  static Language language(Message message, String subject, String text, Language fallback)
      throws MessagingException {
    String[] header = message.getHeader("Content-Language");
    if (header != null && header.length > 0) {
      String tag = header[0].trim().toLowerCase(Locale.ROOT);
      for (Language language : Language.values()) {
        if (tag.startsWith(language.name())) {
          return language;
        }
      }
    }
    return guess((subject == null ? "" : subject) + "\n" + text, fallback);
  }

  static Language guess(String text, Language fallback) {
    long cyrillic = CYRILLIC.matcher(text).results().count();
    long letters = text.codePoints().filter(Character::isLetter).count();
    if (letters > 0 && cyrillic * 2 >= letters) {
      return Language.ru;
    }
    long latvian = LATVIAN.matcher(text).results().count();
    long lithuanian = LITHUANIAN.matcher(text).results().count();
    if (latvian > lithuanian) {
      return Language.lv;
    }
    if (lithuanian > latvian) {
      return Language.lt;
    }
    long english =
        Pattern.compile("[^\\p{L}]+")
            .splitAsStream(text.toLowerCase(Locale.ROOT))
            .filter(ENGLISH_WORDS::contains)
            .count();
    return english >= 2 ? Language.en : fallback;
  }

  private static InternetAddress sender(Message message) throws MessagingException {
    Address[] from = message.getFrom();
    if (from == null) {
      return null;
    }
    for (Address address : from) {
      if (address instanceof InternetAddress internet && internet.getAddress() != null) {
        return internet;
      }
    }
    return null;
  }

  /**
   * The key of the e-mail ({@link IncomingEmail#messageKey}), read from its headers only, so that
   * it is the same at every poll even when the rest of the e-mail cannot be read.
   */
  static String messageKey(Message message) throws MessagingException {
    return messageKey(message, sender(message), message.getSubject());
  }

  /** The Message-ID identifies an e-mail; lacking one, sender, sent date and subject do. */
  private static String messageKey(Message message, InternetAddress from, String subject)
      throws MessagingException {
    String id = message instanceof MimeMessage mime ? mime.getMessageID() : null;
    if (id != null && !id.isBlank()) {
      return keyOfMessageId(id);
    }
    return hash(
        "from:"
            + (from == null ? "" : from.getAddress())
            + "|sent:"
            + message.getSentDate()
            + "|subject:"
            + subject);
  }

  /**
   * The key of an e-mail that has this Message-ID (not blank): the same as {@link
   * #messageKey(Message)} gives it, so that the mailbox can be searched for the e-mails of a key.
   */
  static String keyOfMessageId(String messageId) {
    return hash("id:" + messageId.trim());
  }

  private static String hash(String identity) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(identity.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static final class Content {
    String plain;
    String html;
    final List<UploadedFile> files = new ArrayList<>();
  }

  private static void collect(Part part, Content content) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, content);
      }
      return;
    }
    String fileName = fileName(part);
    boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    boolean document = part.isMimeType("image/*") || part.isMimeType("application/*");
    if (attached || fileName != null || document || part.isMimeType("message/*")) {
      try (InputStream in = part.getInputStream()) {
        content.files.add(UploadedFile.of(fileName, baseType(part), in));
      }
    } else if (part.isMimeType("text/plain") && content.plain == null) {
      content.plain = String.valueOf(part.getContent());
    } else if (part.isMimeType("text/html") && content.html == null) {
      content.html = String.valueOf(part.getContent());
    }
  }

  private static String fileName(Part part) throws MessagingException {
    String name = part.getFileName();
    if (name == null) {
      return null;
    }
    try {
      return MimeUtility.decodeText(name);
    } catch (UnsupportedEncodingException e) {
      return name;
    }
  }

  private static String baseType(Part part) throws MessagingException {
    String type = part.getContentType();
    if (type == null) {
      return null;
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }
}
