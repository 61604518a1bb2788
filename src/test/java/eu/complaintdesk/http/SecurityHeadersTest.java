package eu.complaintdesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * HSTS only when the request came over HTTPS: the application's own answers over plain HTTP (the
 * integration tests) carry none, see {@code SecurityHeadersIT}.
 */
class SecurityHeadersTest {

  @Test
  void strictTransportSecurityOnlyOverHttps() throws Exception {
    MockHttpServletRequest secure = new MockHttpServletRequest("GET", "/status");
    secure.setSecure(true);
    secure.setScheme("https");
    MockHttpServletResponse overHttps = new MockHttpServletResponse();
    MockHttpServletResponse overHttp = new MockHttpServletResponse();

    new SecurityHeaders.Headers().doFilter(secure, overHttps, new MockFilterChain());
    new SecurityHeaders.Headers()
        .doFilter(new MockHttpServletRequest("GET", "/status"), overHttp, new MockFilterChain());

    assertThat(overHttps.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    assertThat(overHttp.getHeader("Strict-Transport-Security")).isNull();
    assertThat(overHttps.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(overHttps.getHeader("Cache-Control")).isEqualTo("no-store");
  }
}
