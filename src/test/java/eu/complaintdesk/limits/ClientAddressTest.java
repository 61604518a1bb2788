package eu.complaintdesk.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

/** Where a client's address comes from: the peer, or X-Forwarded-For only from trusted proxies. */
class ClientAddressTest {

  final ClientAddress clients = clients(List.of("10.0.0.0/8", "192.0.2.1"), List.of("10.9.9.9"));

  @Test
  void forwardedForFromAnUntrustedPeerIsIgnored() {
    assertThat(clients.of(request("203.0.113.5", "198.51.100.7"))).isEqualTo("203.0.113.5");
  }

  @Test
  void behindTrustedProxiesTheClientIsTheFirstUntrustedAddressFromTheRight() {
    // the client wrote "1.2.3.4" itself; our proxies appended what they saw
    assertThat(clients.of(request("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.1.1.1")))
        .isEqualTo("198.51.100.7");
    assertThat(clients.of(request("192.0.2.1", "198.51.100.7:51234"))).isEqualTo("198.51.100.7");
  }

  @Test
  void aTrustedProxyWithoutForwardedForIsItselfTheClient() {
    assertThat(clients.of(request("10.0.0.2", null))).isEqualTo("10.0.0.2");
  }

  @Test
  void anEntryThatIsNoAddressEndsTheWalkAtTheProxyThatPassedItOn() {
    assertThat(clients.of(request("10.0.0.2", "evil.example.com"))).isEqualTo("10.0.0.2");
    assertThat(clients.of(request("10.0.0.2", "198.51.100.7, unknown"))).isEqualTo("10.0.0.2");
  }

  @Test
  void ipv6ClientsAreCountedByTheirSlash64() {
    assertThat(clients.of(request("2001:db8:1:2:aaaa::1", null)))
        .isEqualTo(clients.of(request("2001:db8:1:2:bbbb::7", null)))
        .isEqualTo("2001:db8:1:2:0:0:0:0/64");
  }

  @Test
  void unlimitedClientsAreRecognisedBehindProxiesToo() {
    assertThat(clients.isUnlimited(request("10.0.0.2", "10.9.9.9"))).isTrue();
    assertThat(clients.isUnlimited(request("203.0.113.5", "10.9.9.9"))).isFalse();
  }

  @Test
  void aConfiguredHostNameOrBadRangeStopsTheStart() {
    assertThatThrownBy(() -> clients(List.of("proxy.example.com"), List.of()))
        .hasMessageContaining("proxy.example.com");
    assertThatThrownBy(() -> clients(List.of("10.0.0.0/33"), List.of()))
        .hasMessageContaining("10.0.0.0/33");
  }

  private static ClientAddress clients(List<String> proxies, List<String> unlimited) {
    return new ClientAddress(
        new LimitsProperties(proxies, unlimited, 20, 30, 10, 30, 10, DataSize.ofKilobytes(256)));
  }

  private static MockHttpServletRequest request(String peer, String forwardedFor) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/complaints/x");
    request.setRemoteAddr(peer);
    if (forwardedFor != null) {
      request.addHeader("X-Forwarded-For", forwardedFor);
    }
    return request;
  }
}
