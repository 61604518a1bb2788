package eu.complaintdesk.register;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Access codes: random, read aloud or typed by the customer, so drawn from an alphabet without
 * look-alikes (no 0/O, 1/I/L). Only a SHA-256 hash is stored; with 12 characters from 31 the code
 * carries about 59 bits, which is enough for an unsalted fast hash of a random secret.
 */
final class AccessCodes {

  static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  static final int LENGTH = 12;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String NO_MATCH_HASH = hash("no access code can have this hash");

  private AccessCodes() {}

  static String generate() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** Hex SHA-256 of the code, ignoring case, spaces and hyphens the customer may type. */
  static String hash(String code) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(normalise(code).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * Compares in constant time. A {@code null} stored hash (unknown registration number) is compared
   * against a dummy so that both kinds of failure take the same time.
   */
  static boolean matches(String code, String storedHash) {
    byte[] given = hash(code == null ? "" : code).getBytes(StandardCharsets.US_ASCII);
    byte[] stored =
        (storedHash == null ? NO_MATCH_HASH : storedHash).getBytes(StandardCharsets.US_ASCII);
    boolean equal = MessageDigest.isEqual(given, stored);
    return equal && storedHash != null && code != null;
  }

  private static String normalise(String code) {
    return code.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
  }
}
