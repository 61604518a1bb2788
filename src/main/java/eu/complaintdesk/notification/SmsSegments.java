package eu.complaintdesk.notification;

/**
 * How many SMS segments a text costs. A text whose every character is in the GSM 03.38 alphabet
 * goes as GSM-7: 160 characters in one SMS, 153 a segment when concatenated, the characters of the
 * extension table ({@code ^ { } \ [ ] ~ | €}, form feed) counting two. Any other character (ā, ž,
 * Cyrillic …) makes the whole text UCS-2: 70 UTF-16 units in one SMS, 67 a segment when
 * concatenated. Neither an extension character's escape nor a surrogate pair is split between
 * segments, so a segment may hold one less. The gateway splits; this only counts.
 */
record SmsSegments(Encoding encoding, int units, int segments) {

  enum Encoding {
    GSM_7,
    UCS_2
  }

  static final int GSM_SINGLE = 160;
  static final int GSM_PART = 153;
  static final int UCS_SINGLE = 70;
  static final int UCS_PART = 67;

  /** The GSM 03.38 basic character set (without the escape to the extension table). */
  private static final String GSM_BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  /** The GSM 03.38 extension table: each costs the escape and itself, two septets. */
  private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

  static SmsSegments of(String text) {
    return isGsm7(text) ? gsm7(text) : ucs2(text);
  }

  private static boolean isGsm7(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static SmsSegments gsm7(String text) {
    int total = 0;
    for (int i = 0; i < text.length(); i++) {
      total += septets(text.charAt(i));
    }
    if (total <= GSM_SINGLE) {
      return new SmsSegments(Encoding.GSM_7, total, 1);
    }
    int segments = 1;
    int used = 0;
    for (int i = 0; i < text.length(); i++) {
      int size = septets(text.charAt(i));
      if (used + size > GSM_PART) {
        segments++;
        used = 0;
      }
      used += size;
    }
    return new SmsSegments(Encoding.GSM_7, total, segments);
  }

  private static int septets(char c) {
    return GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1;
  }

  private static SmsSegments ucs2(String text) {
    int total = text.length();
    if (total <= UCS_SINGLE) {
      return new SmsSegments(Encoding.UCS_2, total, 1);
    }
    int segments = 1;
    int used = 0;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      int size = Character.charCount(text.codePointAt(i));
      if (used + size > UCS_PART) {
        segments++;
        used = 0;
      }
      used += size;
    }
    return new SmsSegments(Encoding.UCS_2, total, segments);
  }
}
