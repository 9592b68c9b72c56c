package org.workspaceportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.workspaceportal.HttpApi.Auth;
import org.workspaceportal.HttpApi.Reply;
import org.workspaceportal.identity.ApiTokenService;
import org.workspaceportal.identity.IdentityFixtures;
import org.workspaceportal.identity.IdentityFixtures.Account;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.Role;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;
import tools.jackson.databind.JsonNode;

/** What operations needs: health with the database, probes, and Prometheus metrics. */
@PortalIntegrationTest
class OperationsTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired ApiTokenService tokens;
  @Autowired WorkspaceService workspaces;

  private Account admin() {
    return IdentityFixtures.newAccount(identity, tokens, Role.ADMIN, "ops-admin");
  }

  private HttpApi api() {
    return new HttpApi(port);
  }

  @Test
  void healthIsUpAndShowsTheDatabaseToAnAdmin() {
    Account admin = IdentityFixtures.newAccount(identity, tokens, Role.ADMIN, "ops");

    Reply reply = api().get("/actuator/health", admin.bearer());

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonNode health = reply.json();
    assertThat(health.path("status").asString()).isEqualTo("UP");
    assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
    assertThat(health.path("components").path("db").path("details").path("database").asString())
        .isEqualTo("PostgreSQL");
  }

  @Test
  void anonymousHealthSaysUpWithoutDetails() {
    Reply reply = api().get("/actuator/health", Auth.NONE);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("status").asString()).isEqualTo("UP");
    assertThat(reply.json().has("components")).isFalse();
  }

  @Test
  void livenessAndReadinessProbesAnswer() {
    assertThat(api().get("/actuator/health/liveness", Auth.NONE).json().path("status").asString())
        .isEqualTo("UP");
    assertThat(api().get("/actuator/health/readiness", Auth.NONE).json().path("status").asString())
        .isEqualTo("UP");
  }

  @Test
  void prometheusMetricsAreReachableAsText() {
    api().get("/api/v1/templates", Auth.NONE); // at least one recorded request

    Reply reply = api().getAnything("/actuator/prometheus", Auth.NONE);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("text/plain");
    assertThat(reply.body())
        .contains(
            "jvm_memory_used_bytes", "http_server_requests_seconds_count", "hikaricp_connections");
  }

  @Test
  void otherActuatorEndpointsNeedAnAdmin() {
    Account user = IdentityFixtures.newAccount(identity, tokens, Role.USER, "ops-user");

    assertThat(api().get("/actuator/metrics", user.bearer()).status()).isEqualTo(403);
    assertThat(api().get("/actuator/metrics", user.basic()).status())
        .as("a password is accepted on POST /api/v1/tokens only")
        .isEqualTo(401);
    assertThat(api().get("/actuator/metrics", Auth.NONE).status()).isEqualTo(401);
    assertThat(api().get("/actuator/metrics", admin().bearer()).status()).isEqualTo(200);
  }

  /** Issue #2 asks for live workspaces by status; the gauge does not exist yet on main. */
  @Test
  void prometheusShowsLiveWorkspacesByStatus() {
    Account owner = IdentityFixtures.newAccount(identity, tokens, Role.USER, "ops-ws");
    workspaces.request(WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()), owner.asUser());

    String metrics = api().getAnything("/actuator/prometheus", Auth.NONE).body();

    Matcher pending =
        Pattern.compile("(?m)^portal_workspaces\\{[^}]*status=\"PENDING_APPROVAL\"[^}]*\\} (\\S+)$")
            .matcher(metrics);
    assertThat(pending.find())
        .as("a gauge portal_workspaces{status=\"PENDING_APPROVAL\"} in /actuator/prometheus")
        .isTrue();
    assertThat(Double.parseDouble(pending.group(1))).isGreaterThanOrEqualTo(1.0);
  }
}
