package org.workspaceportal.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workspaceportal.testsupport.ApiProblems.assertProblem;
import static org.workspaceportal.workspace.WorkspaceFixtures.APPROVED_OR_LATER;
import static org.workspaceportal.workspace.WorkspaceFixtures.requestBody;
import static org.workspaceportal.workspace.WorkspaceFixtures.uniqueName;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.HttpApi;
import org.workspaceportal.HttpApi.Auth;
import org.workspaceportal.HttpApi.Reply;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.audit.AuditFixtures;
import org.workspaceportal.identity.IdentityFixtures;
import org.workspaceportal.identity.IdentityService;
import tools.jackson.databind.JsonNode;

/**
 * The whole flow through the REST API as a script with only curl would run it: the bootstrap admin
 * creates a user, the user gets a token with HTTP Basic, requests a workspace, the admin approves
 * or rejects it, quotas and names are enforced, and every step is in the audit trail.
 */
@PortalIntegrationTest
class WorkspaceApiFlowTest {

  private static final String LOCALHOST = "127.0.0.1";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  private HttpApi api;
  private Auth admin;

  @BeforeEach
  void bootstrapAdminGetsAToken() {
    api = new HttpApi(port);
    IdentityFixtures.ensureBootstrapAdmin(identity);
    admin =
        tokenViaBasic(PortalIntegrationTest.ADMIN_USERNAME, PortalIntegrationTest.ADMIN_PASSWORD);
  }

  private Auth tokenViaBasic(String username, String password) {
    Reply reply =
        api.post("/api/v1/tokens", Auth.basic(username, password), Map.of("name", "flow test"));
    assertThat(reply.status()).as("token for %s: %s", username, reply).isEqualTo(201);
    return Auth.bearer(reply.json().path("token").asString());
  }

  /**
   * A new USER created by the admin through the API; returns the username (password {@link
   * IdentityFixtures#PASSWORD}).
   */
  private String newUser(String prefix) {
    String username = IdentityFixtures.uniqueUsername(prefix);
    Reply reply =
        api.post(
            "/api/v1/admin/users",
            admin,
            Map.of("username", username, "password", IdentityFixtures.PASSWORD, "role", "USER"));
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return username;
  }

  private Auth newUserWithToken(String prefix) {
    String username = newUser(prefix);
    return tokenViaBasic(username, IdentityFixtures.PASSWORD);
  }

  private JsonNode requested(Auth user, Map<String, Object> body) {
    Reply reply = api.post("/api/v1/workspaces", user, body);
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.json();
  }

  private String status(Auth who, String id) {
    return api.get("/api/v1/workspaces/" + id, who).json().path("status").asString();
  }

  private int workspacesOf(String owner) {
    return jdbc.queryForObject(
        "select count(*) from workspaces where owner = ?", Integer.class, owner);
  }

  private Reply patchUser(String username, Map<String, Object> patch) {
    Reply reply = api.patch("/api/v1/admin/users/" + username, admin, patch);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply;
  }

  @Test
  void aNewUserRequestsAWorkspaceTheAdminApprovesItAndOnlyTheOwnerAndAdminsSeeIt() {
    // The admin creates a user through the API.
    String alice = IdentityFixtures.uniqueUsername("alice");
    Reply createdUser =
        api.post(
            "/api/v1/admin/users",
            admin,
            Map.of("username", alice, "password", IdentityFixtures.PASSWORD, "role", "USER"));
    assertThat(createdUser.status()).isEqualTo(201);
    assertThat(createdUser.header("Location")).isEqualTo("/api/v1/admin/users/" + alice);
    assertThat(createdUser.json().path("username").asString()).isEqualTo(alice);
    assertThat(createdUser.json().path("role").asString()).isEqualTo("USER");
    assertThat(createdUser.json().path("enabled").asBoolean()).isTrue();
    assertThat(createdUser.body())
        .doesNotContain(IdentityFixtures.PASSWORD)
        .doesNotContain("password");

    // The user gets a token with HTTP Basic.
    Reply token =
        api.post(
            "/api/v1/tokens",
            Auth.basic(alice, IdentityFixtures.PASSWORD),
            Map.of("name", "laptop"));
    assertThat(token.status()).isEqualTo(201);
    String secret = token.json().path("token").asString();
    assertThat(secret).startsWith("wsp_").hasSizeGreaterThan(40);
    assertThat(token.json().path("prefix").asString()).isEqualTo(secret.substring(0, 10));
    assertThat(token.header("Location"))
        .isEqualTo("/api/v1/tokens/" + token.json().path("id").asString());
    Auth user = Auth.bearer(secret);
    assertThat(api.get("/api/v1/tokens", user).body()).doesNotContain(secret);

    // The user requests a workspace.
    String name = uniqueName();
    Instant before = Instant.now().minusSeconds(5);
    Reply request =
        api.post(
            "/api/v1/workspaces",
            user,
            Map.of(
                "name",
                name,
                "description",
                "Churn model",
                "template",
                WorkspaceFixtures.STORAGE_TEMPLATE));
    assertThat(request.status()).isEqualTo(201);
    JsonNode ws = request.json();
    String id = ws.path("id").asString();
    assertThat(UUID.fromString(id)).isNotNull();
    assertThat(request.header("Location")).isEqualTo("/api/v1/workspaces/" + id);
    assertThat(ws.path("name").asString()).isEqualTo(name);
    assertThat(ws.path("status").asString()).isEqualTo("PENDING_APPROVAL");
    assertThat(ws.path("owner").asString()).isEqualTo(alice);
    assertThat(ws.path("template").asString()).isEqualTo(WorkspaceFixtures.STORAGE_TEMPLATE);
    assertThat(ws.path("workers").asInt()).as("the template's default").isEqualTo(2);
    assertThat(ws.path("datahub").asBoolean()).isFalse();
    assertThat(ws.path("retention").asString()).isEqualTo("DESTROY");
    assertThat(Instant.parse(ws.path("createdAt").asString()))
        .isBetween(before, Instant.now().plusSeconds(5));

    // The user lists it.
    Reply list = api.get("/api/v1/workspaces", user);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().findValuesAsString("id")).containsExactly(id);

    // An admin token approves it.
    Reply approve = api.post("/api/v1/workspaces/" + id + "/approve", admin, null);
    assertThat(approve.status()).as("%s", approve).isEqualTo(200);
    assertThat(WorkspaceStatus.valueOf(approve.json().path("status").asString()))
        .isIn(APPROVED_OR_LATER);

    // The user reads it back: approved (or already on its way), with the approval in its history.
    Reply readBack = api.get("/api/v1/workspaces/" + id, user);
    assertThat(readBack.status()).isEqualTo(200);
    assertThat(WorkspaceStatus.valueOf(readBack.json().path("status").asString()))
        .isIn(APPROVED_OR_LATER);
    JsonNode history = readBack.json().path("history");
    assertThat(history.get(0).path("to").asString()).isEqualTo("PENDING_APPROVAL");
    assertThat(history.get(0).path("actor").asString()).isEqualTo(alice);
    assertThat(history.get(1).path("from").asString()).isEqualTo("PENDING_APPROVAL");
    assertThat(history.get(1).path("to").asString()).isEqualTo("APPROVED");
    assertThat(history.get(1).path("actor").asString())
        .isEqualTo(PortalIntegrationTest.ADMIN_USERNAME);

    // Another user gets 404 for it and does not see it.
    Auth bob = newUserWithToken("bob");
    assertProblem(api.get("/api/v1/workspaces/" + id, bob), 404, "not-found");
    assertThat(api.get("/api/v1/workspaces", bob).json().findValuesAsString("id"))
        .doesNotContain(id);

    // The admin sees it when filtering by owner.
    assertThat(api.get("/api/v1/workspaces?owner=" + alice, admin).json().findValuesAsString("id"))
        .containsExactly(id);

    // Every step is in the audit trail with who and from where.
    JsonNode userCreated = AuditFixtures.entry(api, admin, "user.created", alice);
    assertThat(userCreated.path("actor").asString())
        .isEqualTo(PortalIntegrationTest.ADMIN_USERNAME);
    assertThat(userCreated.path("detail").asString()).isEqualTo("role USER");
    assertThat(userCreated.path("remoteAddress").asString()).isEqualTo(LOCALHOST);
    JsonNode tokenCreated = AuditFixtures.entry(api, admin, "token.created", alice);
    assertThat(tokenCreated.path("actor").asString()).isEqualTo(alice);
    assertThat(tokenCreated.path("detail").asString())
        .contains("laptop", secret.substring(0, 10))
        .doesNotContain(secret);
    assertThat(tokenCreated.path("remoteAddress").asString()).isEqualTo(LOCALHOST);
    JsonNode requestedEntry =
        AuditFixtures.entry(api, admin, "workspace.requested", alice + "/" + name);
    assertThat(requestedEntry.path("actor").asString()).isEqualTo(alice);
    assertThat(requestedEntry.path("detail").asString()).contains(id);
    assertThat(requestedEntry.path("remoteAddress").asString()).isEqualTo(LOCALHOST);
    assertThat(Instant.parse(requestedEntry.path("at").asString())).isAfter(before);
    JsonNode approvedEntry =
        AuditFixtures.entry(api, admin, "workspace.approved", alice + "/" + name);
    assertThat(approvedEntry.path("actor").asString())
        .isEqualTo(PortalIntegrationTest.ADMIN_USERNAME);
    assertThat(approvedEntry.path("detail").asString()).isEqualTo("PENDING_APPROVAL → APPROVED");
    assertThat(approvedEntry.path("remoteAddress").asString()).isEqualTo(LOCALHOST);
  }

  @Test
  void aRequestWithoutATemplateGetsTheDefaultTemplateAndItsDefaultWorkers() {
    Auth user = newUserWithToken("deftpl");
    JsonNode ws = requested(user, Map.<String, Object>of("name", uniqueName()));

    assertThat(ws.path("template").asString()).isEqualTo(WorkspaceFixtures.DEFAULT_TEMPLATE);
    assertThat(ws.path("workers").asInt()).isEqualTo(2);
    assertThat(api.delete("/api/v1/workspaces/" + ws.path("id").asString(), user).status())
        .isEqualTo(202);
  }

  @Test
  void rejectingNeedsAReasonAndTheRequesterSeesIt() {
    Auth user = newUserWithToken("rej");
    String id = requested(user, requestBody(uniqueName())).path("id").asString();
    String path = "/api/v1/workspaces/" + id + "/reject";

    Reply noReason = api.post(path, admin, Map.of());
    Reply blankReason = api.post(path, admin, Map.of("reason", "   "));
    Reply noBody = api.post(path, admin, null);

    assertProblem(noReason, 400, "validation");
    assertThat(noReason.json().path("errors").findValuesAsString("field"))
        .containsExactly("reason");
    assertThat(noReason.json().path("errors").get(0).path("message").asString())
        .isEqualTo("is required");
    assertProblem(blankReason, 400, "validation");
    assertThat(blankReason.json().path("errors").findValuesAsString("field"))
        .containsExactly("reason");
    assertThat(noBody.status()).isEqualTo(400);
    assertThat(status(user, id)).isEqualTo("PENDING_APPROVAL");

    Reply rejected = api.post(path, admin, Map.of("reason", "Use the shared cluster for this"));
    assertThat(rejected.status()).isEqualTo(200);
    assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");

    JsonNode seen = api.get("/api/v1/workspaces/" + id, user).json();
    assertThat(seen.path("status").asString()).isEqualTo("REJECTED");
    assertThat(seen.path("statusReason").asString()).isEqualTo("Use the shared cluster for this");
    JsonNode last = seen.path("history").get(seen.path("history").size() - 1);
    assertThat(last.path("to").asString()).isEqualTo("REJECTED");
    assertThat(last.path("reason").asString()).isEqualTo("Use the shared cluster for this");

    JsonNode audit =
        AuditFixtures.entry(
            api,
            admin,
            "workspace.rejected",
            seen.path("owner").asString() + "/" + seen.path("name").asString());
    assertThat(audit.path("actor").asString()).isEqualTo(PortalIntegrationTest.ADMIN_USERNAME);
    assertThat(audit.path("detail").asString())
        .isEqualTo("PENDING_APPROVAL → REJECTED: Use the shared cluster for this");
    assertThat(audit.path("remoteAddress").asString()).isEqualTo(LOCALHOST);
  }

  @Test
  void anIllegalTransitionIsAConflictProblemAndChangesNothing() {
    Auth user = newUserWithToken("conflict");
    JsonNode rejectedWs = requested(user, requestBody(uniqueName()));
    String rejected = rejectedWs.path("id").asString();
    api.post("/api/v1/workspaces/" + rejected + "/reject", admin, Map.of("reason", "no"));

    Reply approveRejected = api.post("/api/v1/workspaces/" + rejected + "/approve", admin, null);
    Reply rejectAgain =
        api.post("/api/v1/workspaces/" + rejected + "/reject", admin, Map.of("reason", "still no"));

    assertProblem(approveRejected, 409, "illegal-transition");
    assertThat(approveRejected.json().path("detail").asString())
        .isEqualTo(
            "Workspace '"
                + rejectedWs.path("name").asString()
                + "' is REJECTED; it cannot be approved in that status.");
    assertProblem(rejectAgain, 409, "illegal-transition");
    assertThat(status(user, rejected)).isEqualTo("REJECTED");

    String approved = requested(user, requestBody(uniqueName())).path("id").asString();
    assertThat(api.post("/api/v1/workspaces/" + approved + "/approve", admin, null).status())
        .isEqualTo(200);
    Reply rejectApproved =
        api.post(
            "/api/v1/workspaces/" + approved + "/reject",
            admin,
            Map.of("reason", "changed my mind"));
    assertProblem(rejectApproved, 409, "illegal-transition");
    assertThat(WorkspaceStatus.valueOf(status(user, approved))).isIn(APPROVED_OR_LATER);
  }

  @Test
  void deletingAPendingRequestIsAcceptedAndFreesItsName() {
    String owner = newUser("del");
    Auth user = tokenViaBasic(owner, IdentityFixtures.PASSWORD);
    String name = uniqueName();
    String id = requested(user, requestBody(name)).path("id").asString();

    Reply delete = api.delete("/api/v1/workspaces/" + id, user);

    assertThat(delete.status()).isEqualTo(202);
    assertThat(delete.header("Location")).isEqualTo("/api/v1/workspaces/" + id);
    assertThat(delete.json().path("status").asString()).isEqualTo("DELETED");
    assertThat(status(user, id)).isEqualTo("DELETED");
    assertThat(api.get("/api/v1/workspaces", user).json().findValuesAsString("id"))
        .doesNotContain(id);
    assertThat(api.get("/api/v1/workspaces?status=DELETED", admin).json().findValuesAsString("id"))
        .contains(id);
    assertProblem(api.delete("/api/v1/workspaces/" + id, user), 409, "illegal-transition");
    assertThat(
            AuditFixtures.entry(api, admin, "workspace.deleted", owner + "/" + name)
                .path("actor")
                .asString())
        .isEqualTo(owner);

    assertThat(api.post("/api/v1/workspaces", user, requestBody(name)).status()).isEqualTo(201);
  }

  @Test
  void anAdminMayDeleteSomeoneElsesRequest() {
    Auth user = newUserWithToken("admindel");
    String id = requested(user, requestBody(uniqueName())).path("id").asString();

    Reply delete = api.delete("/api/v1/workspaces/" + id, admin);

    assertThat(delete.status()).isEqualTo(202);
    assertThat(status(user, id)).isEqualTo("DELETED");
  }

  @Test
  void aRequestBeyondTheWorkspaceQuotaIsAConflictThatNamesTheLimitAndTheUsage() {
    String owner = newUser("quota-ws");
    Auth user = tokenViaBasic(owner, IdentityFixtures.PASSWORD);
    Reply patched = patchUser(owner, Map.of("maxWorkspaces", 1));
    assertThat(patched.json().path("maxWorkspaces").asInt()).isEqualTo(1);
    requested(user, requestBody(uniqueName()));

    Reply second = api.post("/api/v1/workspaces", user, requestBody(uniqueName()));

    assertProblem(second, 409, "quota-exceeded");
    assertThat(second.json().path("detail").asString())
        .isEqualTo("Quota exceeded: at most 1 live workspaces are allowed and you have 1.");
    assertThat(workspacesOf(owner)).isEqualTo(1);
  }

  @Test
  void aRequestBeyondTheWorkerQuotaIsAConflictThatNamesTheLimitAndTheUsage() {
    String owner = newUser("quota-wk");
    Auth user = tokenViaBasic(owner, IdentityFixtures.PASSWORD);
    patchUser(owner, Map.of("maxWorkers", 3));
    requested(user, requestBody(uniqueName(), 2));

    Reply second = api.post("/api/v1/workspaces", user, requestBody(uniqueName(), 2));

    assertProblem(second, 409, "quota-exceeded");
    assertThat(second.json().path("detail").asString())
        .isEqualTo(
            "Quota exceeded: at most 3 workers in total are allowed; you use 2 and asked for 2 more.");
    assertThat(workspacesOf(owner)).isEqualTo(1);
  }

  @Test
  void rejectedAndDeletedWorkspacesNoLongerCountAgainstTheQuota() {
    String owner = newUser("quota-free");
    Auth user = tokenViaBasic(owner, IdentityFixtures.PASSWORD);
    patchUser(owner, Map.of("maxWorkspaces", 1));
    String first = requested(user, requestBody(uniqueName())).path("id").asString();
    api.post("/api/v1/workspaces/" + first + "/reject", admin, Map.of("reason", "no"));
    String second = requested(user, requestBody(uniqueName())).path("id").asString();
    api.delete("/api/v1/workspaces/" + second, user);

    assertThat(api.post("/api/v1/workspaces", user, requestBody(uniqueName())).status())
        .isEqualTo(201);
  }

  @Test
  void theQuotaIsCheckedAgainWhenApproving() {
    String owner = newUser("quota-appr");
    Auth user = tokenViaBasic(owner, IdentityFixtures.PASSWORD);
    String first = requested(user, requestBody(uniqueName(), 2)).path("id").asString();
    String second = requested(user, requestBody(uniqueName(), 2)).path("id").asString();
    assertThat(api.post("/api/v1/workspaces/" + first + "/approve", admin, null).status())
        .isEqualTo(200);

    // The admin lowers the quota after both were requested: the second no longer fits.
    patchUser(owner, Map.of("maxWorkers", 3));
    Reply approve = api.post("/api/v1/workspaces/" + second + "/approve", admin, null);

    assertProblem(approve, 409, "quota-exceeded");
    assertThat(approve.json().path("detail").asString())
        .isEqualTo(
            "Quota exceeded: at most 3 workers in total are allowed; you use 2 and asked for 2 more.");
    assertThat(status(user, second)).isEqualTo("PENDING_APPROVAL");

    patchUser(owner, Map.of("maxWorkers", 4));
    assertThat(api.post("/api/v1/workspaces/" + second + "/approve", admin, null).status())
        .isEqualTo(200);
  }

  @Test
  void aWorkspaceQuotaOfZeroRefusesApprovalOfAnExistingRequest() {
    String owner = newUser("quota-zero");
    Auth user = tokenViaBasic(owner, IdentityFixtures.PASSWORD);
    String id = requested(user, requestBody(uniqueName())).path("id").asString();
    patchUser(owner, Map.of("maxWorkspaces", 0));

    Reply approve = api.post("/api/v1/workspaces/" + id + "/approve", admin, null);

    assertProblem(approve, 409, "quota-exceeded");
    assertThat(approve.json().path("detail").asString())
        .isEqualTo("Quota exceeded: at most 0 live workspaces are allowed and you have 0.");
  }

  @Test
  void aNameIsUniqueAmongLiveWorkspacesButFreeAgainAfterRejectOrDelete() {
    Auth user = newUserWithToken("names");
    String name = uniqueName();
    String first = requested(user, requestBody(name)).path("id").asString();

    Reply duplicate = api.post("/api/v1/workspaces", user, requestBody(name));
    assertProblem(duplicate, 409, "name-taken");
    assertThat(duplicate.json().path("detail").asString()).contains("'" + name + "'");

    api.post("/api/v1/workspaces/" + first + "/reject", admin, Map.of("reason", "no"));
    String second = requested(user, requestBody(name)).path("id").asString();
    assertThat(second).isNotEqualTo(first);
    assertThat(api.delete("/api/v1/workspaces/" + second, user).status()).isEqualTo(202);
    String third = requested(user, requestBody(name)).path("id").asString();

    assertThat(status(user, third)).isEqualTo("PENDING_APPROVAL");
    assertThat(requested(newUserWithToken("names2"), requestBody(name)).path("name").asString())
        .isEqualTo(name);
  }

  @Test
  void anApprovedWorkspaceKeepsItsName() {
    Auth user = newUserWithToken("names-appr");
    String name = uniqueName();
    String id = requested(user, requestBody(name)).path("id").asString();
    api.post("/api/v1/workspaces/" + id + "/approve", admin, null);

    assertProblem(api.post("/api/v1/workspaces", user, requestBody(name)), 409, "name-taken");
  }

  @Test
  void optionalFieldsAreTakenAsGiven() {
    Auth user = newUserWithToken("fields");
    Instant expires = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> body = new LinkedHashMap<>(requestBody(uniqueName(), 4));
    body.put("template", WorkspaceFixtures.DEFAULT_TEMPLATE);
    body.put("datahub", true);
    body.put("retention", "ERADICATE");
    body.put("expiresAt", expires.toString());

    JsonNode ws = requested(user, body);

    assertThat(ws.path("workers").asInt()).isEqualTo(4);
    assertThat(ws.path("datahub").asBoolean()).isTrue();
    assertThat(ws.path("retention").asString()).isEqualTo("ERADICATE");
    assertThat(Instant.parse(ws.path("expiresAt").asString())).isEqualTo(expires);
  }

  @Test
  void theTemplatesEndpointListsTheDefaultTemplate() {
    Reply templates = api.get("/api/v1/templates", newUserWithToken("tpl"));

    assertThat(templates.status()).isEqualTo(200);
    assertThat(templates.json().findValuesAsString("name"))
        .contains(WorkspaceFixtures.DEFAULT_TEMPLATE);
  }
}
