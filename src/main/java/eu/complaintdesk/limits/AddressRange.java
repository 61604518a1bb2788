package eu.complaintdesk.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One address or CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 127.0.0.1}). Only
 * literal addresses are read: nothing here ever asks DNS, whatever a header says.
 */
record AddressRange(byte[] network, int prefix) {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

  /** A configured range; anything else stops the start-up with the offending value. */
  static AddressRange parse(String text) {
    String value = text == null ? "" : text.strip();
    int slash = value.indexOf('/');
    Optional<InetAddress> address = literal(slash < 0 ? value : value.substring(0, slash));
    if (address.isEmpty()) {
      throw new IllegalArgumentException(
          "complaints.limits: not an IP address or CIDR range: '" + text + "'");
    }
    byte[] bytes = address.get().getAddress();
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(value.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException(
            "complaints.limits: not a CIDR prefix length: '" + text + "'");
      }
    }
    return new AddressRange(bytes, prefix);
  }

  /**
   * An IPv4 or IPv6 literal (as Tomcat reports peers and proxies write {@code X-Forwarded-For});
   * empty for anything else, host names included: they are never looked up.
   */
  static Optional<InetAddress> literal(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = text.strip();
    if (value.startsWith("[") && value.endsWith("]")) {
      value = value.substring(1, value.length() - 1);
    }
    if (value.length() > 45 || !(IPV4.matcher(value).matches() || IPV6.matcher(value).matches())) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(value)); // a literal: parsed, not resolved
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (bytes[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (bytes[full] & mask) == (network[full] & mask);
  }
}
