package org.workspaceportal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.workspaceportal.Html;
import org.workspaceportal.HttpApi;
import org.workspaceportal.HttpApi.Auth;
import org.workspaceportal.HttpApi.Reply;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.identity.IdentityFixtures;
import org.workspaceportal.identity.IdentityService;
import tools.jackson.databind.JsonNode;

/** The audit trail as an admin reads it: {@code GET /api/v1/admin/audit} and the audit page. */
@PortalIntegrationTest
class AuditApiTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired MockMvc mvc;

  private HttpApi api;
  private Auth admin;

  @BeforeEach
  void adminToken() {
    api = new HttpApi(port);
    IdentityFixtures.ensureBootstrapAdmin(identity);
    Reply reply =
        api.post(
            "/api/v1/tokens",
            Auth.basic(PortalIntegrationTest.ADMIN_USERNAME, PortalIntegrationTest.ADMIN_PASSWORD),
            Map.of("name", "audit test"));
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    admin = Auth.bearer(reply.json().path("token").asString());
  }

  @Test
  void theAuditTrailIsPagedNewestFirst() {
    Reply page = api.get("/api/v1/admin/audit?size=2&page=0", admin);

    assertThat(page.status()).isEqualTo(200);
    JsonNode json = page.json();
    assertThat(json.path("items")).hasSize(2);
    assertThat(json.path("size").asInt()).isEqualTo(2);
    assertThat(json.path("totalItems").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(json.path("items").get(0).path("id").asLong())
        .isGreaterThan(json.path("items").get(1).path("id").asLong());
  }

  @ParameterizedTest
  @CsvSource({
    "page=2147483647, page, 10737418",
    "page=-1, page, 10737418",
    "size=0, size, 200",
    "size=100000, size, 200",
    "size=-5, size, 200"
  })
  void pagingOutOfRangeIsABadRequestThatSaysTheAllowedRange(
      String query, String parameter, String upperBound) {
    Reply reply = api.get("/api/v1/admin/audit?" + query, admin);

    assertThat(reply.status()).as("%s", reply).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.problemType()).isEqualTo("invalid-parameter");
    assertThat(reply.json().path("detail").asString())
        .contains("'" + parameter + "'", "between", upperBound);
    assertThat(reply.json().path("errors").findValuesAsString("field")).containsExactly(parameter);
  }

  @Test
  void theAuditPageWithAHugePageNumberSaysWhatIsWrong() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                get("/admin/audit?page=2147483647")
                    .with(user(PortalIntegrationTest.ADMIN_USERNAME).roles("ADMIN", "USER")))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(Html.text(response.getContentAsString()))
        .contains("Parameter &#39;page&#39; must be between 0 and 10737418.");
  }
}
