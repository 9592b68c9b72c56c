package org.workspaceportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.workspaceportal.compute.GatewaySignature;

/**
 * The image's Spark master UI filter against the portal's own signing: the two sides of image
 * contract 3, compiled together here (the filter's source lives in the image's jobs folder).
 */
class GatewaySignatureFilterTest {

  private static final String SECRET = "the-clusters-spark-secret-0123456789";

  @Test
  void aRequestThePortalSignedWithTheClustersSecretGoesThrough() throws Exception {
    MockHttpServletResponse response =
        filtered(SECRET, GatewaySignature.sign("alice", SECRET, Instant.now()));
    assertThat(response.getStatus()).isEqualTo(200);
  }

  @Test
  void anythingElseIsRefusedWithNoPageOfTheUi() throws Exception {
    Instant now = Instant.now();
    String valid = GatewaySignature.sign("alice", SECRET, now);
    String[] refused = {
      null,
      "",
      "alice",
      GatewaySignature.sign("alice", "another-clusters-secret-0123456789", now),
      GatewaySignature.sign("alice", SECRET, now.minusSeconds(120)), // expired
      GatewaySignature.sign("alice", SECRET, now.plusSeconds(3600)), // too far ahead
      valid.replace("alice;", "bob;"), // another user, same signature
      valid + ";extra",
      valid.toUpperCase(java.util.Locale.ROOT), // hex must be lower case, as signed
      "alice;" + (now.getEpochSecond() + 30) + ";" + "0".repeat(64),
      ";" + (now.getEpochSecond() + 30) + ";" + "0".repeat(64),
      "alice;٣٣٣;" + "0".repeat(64), // digits other than ASCII
    };
    for (String header : refused) {
      MockHttpServletResponse response = filtered(SECRET, header);
      assertThat(response.getStatus()).as(header).isEqualTo(403);
      assertThat(response.getContentAsString()).contains("Workspace Portal");
    }
  }

  @Test
  void withoutAKeyOrWithAShortOneEveryRequestIsRefused() throws Exception {
    for (String key : new String[] {null, "", "short"}) {
      String header =
          GatewaySignature.sign("alice", key == null || key.isEmpty() ? "k" : key, Instant.now());
      assertThat(filtered(key, header).getStatus()).as(String.valueOf(key)).isEqualTo(403);
    }
  }

  private static MockHttpServletResponse filtered(String secret, String header)
      throws IOException, ServletException {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/json/");
    if (header != null) {
      request.addHeader(GatewaySignatureFilter.HEADER, header);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    new GatewaySignatureFilter(secret).doFilter(request, response, chain);
    if (chain.getRequest() != null) {
      response.setStatus(200);
    }
    return response;
  }
}
