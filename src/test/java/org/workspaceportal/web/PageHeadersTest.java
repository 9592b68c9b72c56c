package org.workspaceportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.workspaceportal.HttpApi;
import org.workspaceportal.HttpApi.Auth;
import org.workspaceportal.HttpApi.Reply;
import org.workspaceportal.PortalIntegrationTest;

/** What the server itself adds to pages over real HTTP: cookie attributes and privacy headers. */
@PortalIntegrationTest
class PageHeadersTest {

  @LocalServerPort int port;

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteLax() {
    Reply login = new HttpApi(port).getHtml("/login", Auth.NONE);

    assertThat(login.headers().allValues("Set-Cookie"))
        .filteredOn(c -> c.startsWith("JSESSIONID="))
        .singleElement()
        .satisfies(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax"));
  }

  @Test
  void pagesSendNoReferrerToOtherSites() {
    Reply login = new HttpApi(port).getHtml("/login", Auth.NONE);

    assertThat(login.header("Referrer-Policy")).isEqualTo("same-origin");
  }
}
