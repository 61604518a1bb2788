package eu.complaintdesk.limits;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who a request comes from, for every per-client limit: the connection's peer, unless the peer is
 * one of {@code complaints.limits.trusted-proxies}; then {@code X-Forwarded-For} is read from the
 * right (the entry the nearest proxy added) past further trusted proxies, and the first address no
 * trusted proxy holds is the client. Anything a client writes into the header itself stands to the
 * left of what our proxy appended and is never reached, so a client cannot choose its address. An
 * entry that is not an IP literal ends the walk at the proxy that passed it on.
 *
 * <p>IPv6 clients are counted by their /64 network: one subscriber gets a whole /64 and could
 * otherwise take a fresh address for every request.
 */
@Component
public class ClientAddress {

  static final String FORWARDED_FOR = "X-Forwarded-For";

  private final List<AddressRange> trustedProxies;
  private final List<AddressRange> unlimitedClients;

  public ClientAddress(LimitsProperties properties) {
    this.trustedProxies = properties.trustedProxies().stream().map(AddressRange::parse).toList();
    this.unlimitedClients =
        properties.unlimitedClients().stream().map(AddressRange::parse).toList();
  }

  /** The client as the key of its buckets: an IPv4 address, or an IPv6 /64 network. */
  public String of(HttpServletRequest request) {
    return key(client(request));
  }

  /** Whether the per-client limits leave this request's client alone. */
  public boolean isUnlimited(HttpServletRequest request) {
    InetAddress client = client(request);
    return client != null && unlimitedClients.stream().anyMatch(range -> range.contains(client));
  }

  private InetAddress client(HttpServletRequest request) {
    InetAddress current = AddressRange.literal(request.getRemoteAddr()).orElse(null);
    if (current == null || !isTrustedProxy(current)) {
      return current;
    }
    List<String> hops = forwardedFor(request);
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = AddressRange.literal(withoutPort(hops.get(i)));
      if (hop.isEmpty()) {
        return current;
      }
      current = hop.get();
      if (!isTrustedProxy(current)) {
        return current;
      }
    }
    return current;
  }

  private boolean isTrustedProxy(InetAddress address) {
    return trustedProxies.stream().anyMatch(range -> range.contains(address));
  }

  /** Every entry of every {@code X-Forwarded-For} header, in order. */
  private static List<String> forwardedFor(HttpServletRequest request) {
    return Collections.list(request.getHeaders(FORWARDED_FOR)).stream()
        .flatMap(header -> Arrays.stream(header.split(",")))
        .map(String::strip)
        .filter(entry -> !entry.isEmpty())
        .toList();
  }

  /** {@code 203.0.113.7:51234} and {@code [2001:db8::1]:443} as some proxies write them. */
  private static String withoutPort(String entry) {
    if (entry.startsWith("[") && entry.contains("]")) {
      return entry.substring(1, entry.indexOf(']'));
    }
    int colon = entry.indexOf(':');
    return colon > 0 && colon == entry.lastIndexOf(':') ? entry.substring(0, colon) : entry;
  }

  private static String key(InetAddress address) {
    if (address == null) {
      return "unknown";
    }
    if (address instanceof Inet6Address) {
      byte[] network = Arrays.copyOf(address.getAddress(), 16);
      Arrays.fill(network, 8, 16, (byte) 0);
      try {
        return InetAddress.getByAddress(network).getHostAddress() + "/64";
      } catch (java.net.UnknownHostException e) {
        throw new IllegalStateException("16 bytes are an IPv6 address", e);
      }
    }
    return address.getHostAddress();
  }
}
