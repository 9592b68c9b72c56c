package org.workspaceportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workspaceportal.testsupport.ApiProblems.assertProblem;
import static org.workspaceportal.workspace.WorkspaceFixtures.request;
import static org.workspaceportal.workspace.WorkspaceFixtures.requestBody;
import static org.workspaceportal.workspace.WorkspaceFixtures.uniqueName;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.workspaceportal.HttpApi;
import org.workspaceportal.HttpApi.Auth;
import org.workspaceportal.HttpApi.Reply;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.host.HostRegistration;
import org.workspaceportal.host.HostService;
import org.workspaceportal.identity.IdentityFixtures.Account;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.lifetime.ExpirySetting;
import org.workspaceportal.workspace.lifetime.ExpirySettings;
import org.workspaceportal.workspace.lifetime.ExtensionService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every REST endpoint × {anonymous, the owner, another user, an admin}, over real HTTP with real
 * tokens. Refused calls must also change nothing.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuthorizationMatrixTest {

  enum Actor {
    ANONYMOUS,
    OWNER,
    OTHER_USER,
    ADMIN
  }

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TeamService teams;
  @Autowired ApiTokenService tokens;
  @Autowired WorkspaceService workspaces;
  @Autowired ExtensionService extensions;
  @Autowired HostService hosts;
  @Autowired ExpirySettings expirySettings;
  @Autowired JdbcTemplate jdbc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  HttpApi api;
  Account owner;
  Account other;
  Account admin;
  private String patchTarget;

  /** What the last call acted on, so that a refused call can be checked for side effects. */
  private UUID lastWorkspace;

  private WorkspaceStatus lastWorkspaceStatus;
  private UUID lastToken;
  private UUID lastExtension;
  private UUID lastUnextended;
  private UUID lastHost;
  private String lastCreatedUsername;
  private ExpirySetting lastExpirySetting;

  @BeforeAll
  void users() {
    api = new HttpApi(port);
    owner = IdentityFixtures.newAccount(identity, tokens, Role.USER, "owner");
    identity.setQuota(owner.username(), 1000, 100_000, "test");
    other = IdentityFixtures.newAccount(identity, tokens, Role.USER, "other");
    admin = IdentityFixtures.newAccount(identity, tokens, Role.ADMIN, "admin");
    patchTarget = IdentityFixtures.newAccount(identity, tokens, Role.USER, "patched").username();
  }

  private static Stream<Arguments> row(
      String endpoint, int anonymous, int owner, int otherUser, int admin) {
    return Stream.of(
        Arguments.of(endpoint, Actor.ANONYMOUS, anonymous),
        Arguments.of(endpoint, Actor.OWNER, owner),
        Arguments.of(endpoint, Actor.OTHER_USER, otherUser),
        Arguments.of(endpoint, Actor.ADMIN, admin));
  }

  /**
   * {id} is a pending workspace of the owner; {token} is a token of the owner; {username} another
   * user.
   */
  static Stream<Arguments> matrix() {
    return Stream.of(
            row("POST /api/v1/workspaces", 401, 201, 201, 201),
            row("GET /api/v1/workspaces", 401, 200, 200, 200),
            row("GET /api/v1/workspaces/{id}", 401, 200, 404, 200),
            row("POST /api/v1/workspaces/{id}/approve", 401, 403, 403, 200),
            row("POST /api/v1/workspaces/{id}/reject", 401, 403, 403, 200),
            row("DELETE /api/v1/workspaces/{id}", 401, 202, 404, 202),
            row("POST /api/v1/workspaces/{failed}/retry", 401, 403, 403, 202),
            row("POST /api/v1/workspaces/{ready}/stop", 401, 202, 404, 202),
            row("POST /api/v1/workspaces/{stopped}/start", 401, 202, 404, 202),
            // storage-only, so refused as a bad request, but only once the caller may see it
            row("POST /api/v1/workspaces/{ready}/resize", 401, 400, 404, 400),
            row("POST /api/v1/workspaces/{degraded}/repair", 401, 202, 404, 202),
            // storage-only, so no host of it can be silent: a conflict with its reason, but only
            // for those who may see it (the 202 is MultiHostClusterTest's, with a stopped engine)
            row("GET /api/v1/workspaces/{unreachable}/move", 401, 409, 404, 409),
            row("POST /api/v1/workspaces/{unreachable}/move", 401, 409, 404, 409),
            row("GET /api/v1/workspaces/{id}/credentials", 401, 409, 404, 404),
            // a pending workspace has no container yet: 404 for everyone who may see it
            row("GET /api/v1/workspaces/{id}/logs/{role}", 401, 404, 404, 404),
            row("POST /api/v1/workspaces/{expiring}/extension", 401, 201, 404, 201),
            row("GET /api/v1/workspaces/{extended}/extension", 401, 200, 404, 200),
            row("GET /api/v1/admin/extensions", 401, 403, 403, 200),
            row("POST /api/v1/admin/extensions/{extension}/approve", 401, 403, 403, 200),
            row("POST /api/v1/admin/extensions/{extension}/reject", 401, 403, 403, 200),
            row("GET /api/v1/templates", 401, 200, 200, 200),
            row("POST /api/v1/admin/users", 401, 403, 403, 201),
            row("GET /api/v1/admin/users", 401, 403, 403, 200),
            row("PATCH /api/v1/admin/users/{username}", 401, 403, 403, 200),
            row("POST /api/v1/admin/teams", 401, 403, 403, 201),
            row("GET /api/v1/admin/teams", 401, 403, 403, 200),
            row("GET /api/v1/admin/teams/{team}", 401, 403, 403, 200),
            row("PUT /api/v1/admin/teams/{team}", 401, 403, 403, 200),
            row("DELETE /api/v1/admin/teams/{team}", 401, 403, 403, 204),
            row("POST /api/v1/tokens", 401, 201, 201, 201),
            row("GET /api/v1/tokens", 401, 200, 200, 200),
            row("DELETE /api/v1/tokens/{token}", 401, 204, 404, 404),
            row("GET /api/v1/admin/audit", 401, 403, 403, 200),
            row("GET /api/v1/admin/settings/expiry", 401, 403, 403, 200),
            // the admin saves the default's 14 days, and the next row makes the default apply again
            row("PUT /api/v1/admin/settings/expiry", 401, 403, 403, 200),
            row("DELETE /api/v1/admin/settings/expiry", 401, 403, 403, 200),
            row("GET /api/v1/admin/hosts", 401, 403, 403, 200),
            row("POST /api/v1/admin/hosts", 401, 403, 403, 201),
            row("GET /api/v1/admin/hosts/{host}", 401, 403, 403, 200),
            row("PUT /api/v1/admin/hosts/{host}", 401, 403, 403, 200),
            row("POST /api/v1/admin/hosts/{host}/drain", 401, 403, 403, 200),
            row("POST /api/v1/admin/hosts/{host}/undrain", 401, 403, 403, 200),
            row("POST /api/v1/admin/hosts/{host}/check", 401, 403, 403, 200),
            row("DELETE /api/v1/admin/hosts/{host}", 401, 403, 403, 204))
        .flatMap(s -> s);
  }

  static Stream<String> endpoints() {
    return matrix().map(a -> (String) a.get()[0]).distinct();
  }

  /**
   * How each actor authenticates: a portal API token ({@link ProviderTokenMatrixTest}: another).
   */
  Auth auth(Actor actor) {
    return switch (actor) {
      case ANONYMOUS -> Auth.NONE;
      case OWNER -> owner.bearer();
      case OTHER_USER -> other.bearer();
      case ADMIN -> admin.bearer();
    };
  }

  private UUID ownersPendingWorkspace() {
    lastWorkspace = workspaces.request(request(uniqueName()), owner.asUser()).id();
    lastWorkspaceStatus = WorkspaceStatus.PENDING_APPROVAL;
    return lastWorkspace;
  }

  /** A workspace of the owner that failed (set directly: nothing was provisioned for it). */
  private UUID ownersFailedWorkspace() {
    UUID id = workspaces.request(request(uniqueName()), owner.asUser()).id();
    jdbc.update(
        "update workspaces set status = 'FAILED', status_reason = 'matrix' where id = ?", id);
    lastWorkspace = id;
    lastWorkspaceStatus = WorkspaceStatus.FAILED;
    return id;
  }

  /** A workspace of the owner in {@code status} (set directly: storage-only, nothing runs). */
  private UUID ownersWorkspaceIn(WorkspaceStatus status) {
    UUID id = workspaces.request(request(uniqueName()), owner.asUser()).id();
    jdbc.update("update workspaces set status = ? where id = ?", status.name(), id);
    lastWorkspace = id;
    lastWorkspaceStatus = status;
    return id;
  }

  /** A READY workspace of the owner that expires tomorrow (set directly, like the statuses). */
  private UUID ownersExpiringWorkspace() {
    UUID id = ownersWorkspaceIn(WorkspaceStatus.READY);
    jdbc.update("update workspaces set expires_at = now() + interval '1 day' where id = ?", id);
    lastUnextended = id;
    return id;
  }

  /** An extension request of the owner's, waiting for an admin. */
  private UUID ownersPendingExtension() {
    UUID workspace = ownersExpiringWorkspace();
    lastUnextended = null;
    lastExtension =
        extensions
            .request(workspace, Instant.now().plus(Duration.ofDays(3)), "matrix", owner.asUser())
            .id();
    return workspace;
  }

  private UUID ownersSpareToken() {
    lastToken = tokens.create(owner.username(), "spare", null).id();
    return lastToken;
  }

  /** A host on a loopback port where no engine listens: registering it contacts nothing else. */
  private static HostRegistration hostBody(String name) {
    return new HostRegistration(
        name, "tcp://127.0.0.1:9", null, null, null, null, null, null, null, null, null);
  }

  private UUID aHost() {
    lastHost = hosts.register(hostBody(uniqueHostName()), "matrix").id();
    return lastHost;
  }

  private static String uniqueHostName() {
    return "matrix-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private Reply call(String endpoint, Auth auth) {
    lastWorkspace = null;
    lastExtension = null;
    lastUnextended = null;
    lastToken = null;
    lastHost = null;
    lastCreatedUsername = null;
    lastExpirySetting = null;
    String ws = "/api/v1/workspaces/";
    return switch (endpoint) {
      case "POST /api/v1/workspaces" ->
          api.post("/api/v1/workspaces", auth, requestBody(uniqueName()));
      case "GET /api/v1/workspaces" -> api.get("/api/v1/workspaces", auth);
      case "GET /api/v1/workspaces/{id}" -> api.get(ws + ownersPendingWorkspace(), auth);
      case "POST /api/v1/workspaces/{id}/approve" ->
          api.post(ws + ownersPendingWorkspace() + "/approve", auth, null);
      case "POST /api/v1/workspaces/{id}/reject" ->
          api.post(ws + ownersPendingWorkspace() + "/reject", auth, Map.of("reason", "matrix"));
      case "DELETE /api/v1/workspaces/{id}" -> api.delete(ws + ownersPendingWorkspace(), auth);
      case "POST /api/v1/workspaces/{failed}/retry" ->
          api.post(ws + ownersFailedWorkspace() + "/retry", auth, null);
      case "POST /api/v1/workspaces/{ready}/stop" ->
          api.post(ws + ownersWorkspaceIn(WorkspaceStatus.READY) + "/stop", auth, null);
      case "POST /api/v1/workspaces/{stopped}/start" ->
          api.post(ws + ownersWorkspaceIn(WorkspaceStatus.STOPPED) + "/start", auth, null);
      case "POST /api/v1/workspaces/{ready}/resize" ->
          api.post(
              ws + ownersWorkspaceIn(WorkspaceStatus.READY) + "/resize",
              auth,
              Map.of("workers", 2));
      case "POST /api/v1/workspaces/{degraded}/repair" ->
          api.post(ws + ownersWorkspaceIn(WorkspaceStatus.DEGRADED) + "/repair", auth, null);
      case "GET /api/v1/workspaces/{unreachable}/move" ->
          api.get(ws + ownersWorkspaceIn(WorkspaceStatus.UNREACHABLE) + "/move", auth);
      case "POST /api/v1/workspaces/{unreachable}/move" ->
          api.post(ws + ownersWorkspaceIn(WorkspaceStatus.UNREACHABLE) + "/move", auth, null);
      case "GET /api/v1/workspaces/{id}/logs/{role}" ->
          api.get(ws + ownersPendingWorkspace() + "/logs/master", auth);
      case "GET /api/v1/workspaces/{id}/credentials" ->
          api.get(ws + ownersPendingWorkspace() + "/credentials", auth);
      case "POST /api/v1/workspaces/{expiring}/extension" ->
          api.post(
              ws + ownersExpiringWorkspace() + "/extension",
              auth,
              Map.of(
                  "expiresAt",
                  Instant.now().plus(Duration.ofDays(2)).toString(),
                  "reason",
                  "matrix"));
      case "GET /api/v1/workspaces/{extended}/extension" ->
          api.get(ws + ownersPendingExtension() + "/extension", auth);
      case "GET /api/v1/admin/extensions" -> api.get("/api/v1/admin/extensions", auth);
      case "POST /api/v1/admin/extensions/{extension}/approve" -> {
        ownersPendingExtension();
        yield api.post("/api/v1/admin/extensions/" + lastExtension + "/approve", auth, null);
      }
      case "POST /api/v1/admin/extensions/{extension}/reject" -> {
        ownersPendingExtension();
        yield api.post(
            "/api/v1/admin/extensions/" + lastExtension + "/reject",
            auth,
            Map.of("reason", "matrix"));
      }
      case "GET /api/v1/templates" -> api.get("/api/v1/templates", auth);
      case "POST /api/v1/admin/users" -> {
        lastCreatedUsername = IdentityFixtures.uniqueUsername("created");
        yield api.post(
            "/api/v1/admin/users",
            auth,
            Map.of(
                "username",
                lastCreatedUsername,
                "password",
                IdentityFixtures.PASSWORD,
                "role",
                "USER"));
      }
      case "GET /api/v1/admin/users" -> api.get("/api/v1/admin/users", auth);
      case "PATCH /api/v1/admin/users/{username}" ->
          api.patch("/api/v1/admin/users/" + patchTarget, auth, Map.of("enabled", true));
      case "POST /api/v1/admin/teams" ->
          api.post("/api/v1/admin/teams", auth, Map.of("name", matrixTeamName()));
      case "GET /api/v1/admin/teams" -> api.get("/api/v1/admin/teams", auth);
      case "GET /api/v1/admin/teams/{team}" -> api.get("/api/v1/admin/teams/" + aTeam(), auth);
      case "PUT /api/v1/admin/teams/{team}" -> {
        String team = aTeam();
        yield api.sendJson(
            "PUT", "/api/v1/admin/teams/" + team, auth, Map.of("name", team, "maxWorkers", 3));
      }
      case "DELETE /api/v1/admin/teams/{team}" ->
          api.delete("/api/v1/admin/teams/" + aTeam(), auth);
      case "POST /api/v1/tokens" -> api.post("/api/v1/tokens", auth, Map.of("name", "matrix"));
      case "GET /api/v1/tokens" -> api.get("/api/v1/tokens", auth);
      case "DELETE /api/v1/tokens/{token}" ->
          api.delete("/api/v1/tokens/" + ownersSpareToken(), auth);
      case "GET /api/v1/admin/audit" -> api.get("/api/v1/admin/audit", auth);
      case "GET /api/v1/admin/settings/expiry" -> api.get("/api/v1/admin/settings/expiry", auth);
      case "PUT /api/v1/admin/settings/expiry" -> {
        lastExpirySetting = expirySettings.current();
        yield api.sendJson(
            "PUT", "/api/v1/admin/settings/expiry", auth, Map.of("keepStoppedForDays", 14));
      }
      case "DELETE /api/v1/admin/settings/expiry" -> {
        lastExpirySetting = expirySettings.current();
        yield api.delete("/api/v1/admin/settings/expiry", auth);
      }
      case "GET /api/v1/admin/hosts" -> api.get("/api/v1/admin/hosts", auth);
      case "POST /api/v1/admin/hosts" ->
          api.post("/api/v1/admin/hosts", auth, hostBody(uniqueHostName()));
      case "GET /api/v1/admin/hosts/{host}" -> api.get("/api/v1/admin/hosts/" + aHost(), auth);
      case "PUT /api/v1/admin/hosts/{host}" -> {
        UUID host = aHost();
        yield api.sendJson(
            "PUT", "/api/v1/admin/hosts/" + host, auth, hostBody(hosts.get(host).name()));
      }
      case "POST /api/v1/admin/hosts/{host}/drain" ->
          api.post("/api/v1/admin/hosts/" + aHost() + "/drain", auth, null);
      case "POST /api/v1/admin/hosts/{host}/undrain" ->
          api.post("/api/v1/admin/hosts/" + aHost() + "/undrain", auth, null);
      case "POST /api/v1/admin/hosts/{host}/check" ->
          api.post("/api/v1/admin/hosts/" + aHost() + "/check", auth, null);
      case "DELETE /api/v1/admin/hosts/{host}" ->
          api.delete("/api/v1/admin/hosts/" + aHost(), auth);
      default -> throw new IllegalArgumentException(endpoint);
    };
  }

  @ParameterizedTest(name = "{0} as {1} → {2}")
  @MethodSource("matrix")
  void everyEndpointAnswersEveryKindOfCallerAsSpecified(
      String endpoint, Actor actor, int expected) {
    Reply reply = call(endpoint, auth(actor));

    assertThat(reply.status()).as("%s as %s: %s", endpoint, actor, reply).isEqualTo(expected);
    switch (expected) {
      case 401 -> {
        assertProblem(reply, 401, "unauthenticated");
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer");
      }
      case 403 -> assertProblem(reply, 403, "forbidden");
      case 404 -> assertProblem(reply, 404, "not-found");
      case 409 ->
          assertProblem(
              reply,
              409,
              endpoint.endsWith("/move") ? "move-not-possible" : "credentials-not-available");
      case 400 -> assertProblem(reply, 400, "validation");
      default ->
          assertThat(reply.contentType())
              .satisfiesAnyOf(
                  ct -> assertThat(ct).isNull(),
                  ct -> assertThat(ct).startsWith("application/json"));
    }
    if (expected >= 400) {
      assertNothingChanged();
    }
  }

  private void assertNothingChanged() {
    if (lastWorkspace != null) {
      assertThat(workspaces.get(lastWorkspace, owner.asUser()).status())
          .isEqualTo(lastWorkspaceStatus);
    }
    if (lastExtension != null) {
      assertThat(
              jdbc.queryForObject(
                  "select status from workspace_extensions where id = ?",
                  String.class,
                  lastExtension))
          .isEqualTo("PENDING");
    }
    if (lastUnextended != null) {
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from workspace_extensions where workspace_id = ?",
                  Long.class,
                  lastUnextended))
          .isZero();
    }
    if (lastToken != null) {
      assertThat(tokens.list(owner.username()))
          .filteredOn(t -> t.id().equals(lastToken))
          .singleElement()
          .satisfies(t -> assertThat(t.revokedAt()).isNull());
    }
    if (lastCreatedUsername != null) {
      assertThat(identity.findUser(lastCreatedUsername)).isEmpty();
    }
    if (lastHost != null) {
      assertThat(hosts.get(lastHost).drained()).isFalse();
    }
    if (lastExpirySetting != null) {
      assertThat(expirySettings.current()).isEqualTo(lastExpirySetting);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void everyEndpointRefusesAnUnknownToken(String endpoint) {
    Reply reply = call(endpoint, Auth.bearer("wsp_" + "x".repeat(43)));

    assertThat(reply.status()).as("%s", reply).isEqualTo(401);
    assertProblem(reply, 401, "unauthenticated");
    assertThat(reply.header("WWW-Authenticate")).isNotBlank();
    assertNothingChanged();
  }

  private static ObjectNode withoutInstance(JsonNode problem) {
    ObjectNode copy = (ObjectNode) problem.deepCopy();
    copy.remove("instance");
    return copy;
  }

  @Test
  void anotherUsersWorkspaceAnswersExactlyLikeAWorkspaceThatDoesNotExist() {
    UUID owners = ownersPendingWorkspace();
    UUID random = UUID.randomUUID();

    Reply get = api.get("/api/v1/workspaces/" + owners, other.bearer());
    Reply getRandom = api.get("/api/v1/workspaces/" + random, other.bearer());
    Reply delete = api.delete("/api/v1/workspaces/" + owners, other.bearer());
    Reply deleteRandom = api.delete("/api/v1/workspaces/" + random, other.bearer());

    assertThat(get.status()).isEqualTo(404).isEqualTo(getRandom.status());
    assertThat(withoutInstance(get.json())).isEqualTo(withoutInstance(getRandom.json()));
    assertThat(delete.status()).isEqualTo(404).isEqualTo(deleteRandom.status());
    assertThat(withoutInstance(delete.json())).isEqualTo(withoutInstance(deleteRandom.json()));
    assertThat(get.json().path("instance").asString()).isEqualTo("/api/v1/workspaces/" + owners);
    assertThat(get.headers().map().keySet()).isEqualTo(getRandom.headers().map().keySet());
  }

  @Test
  void anotherUsersTokenAnswersExactlyLikeATokenThatDoesNotExist() {
    UUID owners = ownersSpareToken();

    Reply foreign = api.delete("/api/v1/tokens/" + owners, other.bearer());
    Reply random = api.delete("/api/v1/tokens/" + UUID.randomUUID(), other.bearer());

    assertThat(foreign.status()).isEqualTo(404).isEqualTo(random.status());
    assertThat(withoutInstance(foreign.json())).isEqualTo(withoutInstance(random.json()));
    assertNothingChanged();
  }

  @Test
  void aUserListsOnlyTheirOwnWorkspacesEvenWhenAskingForSomeoneElses() {
    UUID owners = ownersPendingWorkspace();

    Reply asOther = api.get("/api/v1/workspaces?owner=" + owner.username(), other.bearer());
    Reply asAdmin = api.get("/api/v1/workspaces?owner=" + owner.username(), admin.bearer());

    assertThat(asOther.status()).isEqualTo(200);
    assertThat(asOther.json().findValuesAsString("id")).doesNotContain(owners.toString());
    assertThat(asOther.json().findValuesAsString("owner")).allMatch(other.username()::equals);
    assertThat(asAdmin.json().findValuesAsString("id")).contains(owners.toString());
    assertThat(asAdmin.json().findValuesAsString("owner")).allMatch(owner.username()::equals);
  }

  @Test
  void onlyAFailedWorkspaceCanBeRetriedSoRetryCannotBypassApproval() {
    // PENDING_APPROVAL → APPROVED is a legal move, but retry must not approve a pending request
    // (that would skip the approval and its quota check)
    Account requester = IdentityFixtures.newAccount(identity, tokens, Role.USER, "retry");
    UUID pending = workspaces.request(request(uniqueName()), requester.asUser()).id();
    identity.setQuota(requester.username(), 0, 0, "test");

    Reply retry = api.post("/api/v1/workspaces/" + pending + "/retry", admin.bearer(), null);

    assertThat(workspaces.get(pending, requester.asUser()).status())
        .as("after retry: %s", retry)
        .isEqualTo(WorkspaceStatus.PENDING_APPROVAL);
    assertProblem(retry, 409, "illegal-transition");
  }

  @Test
  void onlyADegradedWorkspaceCanBeRepaired() {
    UUID ready = ownersWorkspaceIn(WorkspaceStatus.READY);

    Reply repair = api.post("/api/v1/workspaces/" + ready + "/repair", owner.bearer(), null);

    assertProblem(repair, 409, "illegal-transition");
    assertThat(workspaces.get(ready, owner.asUser()).status()).isEqualTo(WorkspaceStatus.READY);
  }

  @Test
  void onlyAnUnreachableWorkspaceCanBeMovedAndTheRefusalSaysWhy() {
    UUID ready = ownersWorkspaceIn(WorkspaceStatus.READY);
    UUID unreachable = ownersWorkspaceIn(WorkspaceStatus.UNREACHABLE);

    Reply readyMove = api.post("/api/v1/workspaces/" + ready + "/move", owner.bearer(), null);
    Reply answering = api.post("/api/v1/workspaces/" + unreachable + "/move", owner.bearer(), null);
    Reply terms = api.get("/api/v1/workspaces/" + unreachable + "/move", owner.bearer());

    assertProblem(readyMove, 409, "move-not-possible");
    assertThat(readyMove.json().path("detail").asString())
        .contains("it is READY")
        .contains("Stop and start it");
    assertProblem(answering, 409, "move-not-possible");
    assertThat(answering.json().path("detail").asString()).contains("answers again");
    assertProblem(terms, 409, "move-not-possible");
    assertThat(workspaces.get(ready, owner.asUser()).status()).isEqualTo(WorkspaceStatus.READY);
    assertThat(workspaces.get(unreachable, owner.asUser()).status())
        .isEqualTo(WorkspaceStatus.UNREACHABLE);
  }

  @Test
  void aRevokedTokenIsRefused() {
    NewApiToken token = tokens.create(other.username(), "soon revoked", null);
    assertThat(api.get("/api/v1/workspaces", Auth.bearer(token.token())).status()).isEqualTo(200);

    Reply revoke = api.delete("/api/v1/tokens/" + token.id(), other.bearer());
    Reply after = api.get("/api/v1/workspaces", Auth.bearer(token.token()));

    assertThat(revoke.status()).isEqualTo(204);
    assertThat(after.status()).isEqualTo(401);
    assertProblem(after, 401, "unauthenticated");
  }

  @Test
  void anExpiredTokenIsRefused() {
    NewApiToken token =
        tokens.create(other.username(), "short-lived", Instant.now().plusSeconds(3600));
    assertThat(api.get("/api/v1/workspaces", Auth.bearer(token.token())).status()).isEqualTo(200);

    jdbc.update(
        "update api_tokens set expires_at = now() - interval '1 second' where id = ?", token.id());

    assertThat(api.get("/api/v1/workspaces", Auth.bearer(token.token())).status()).isEqualTo(401);
  }

  @Test
  void aTokenThatIsNotAPortalTokenIsRefused() {
    for (String garbage :
        new String[] {
          "garbage", "wsp_", "Bearer", owner.token().toUpperCase(), owner.token() + "x"
        }) {
      assertThat(api.get("/api/v1/workspaces", Auth.bearer(garbage)).status())
          .as(garbage)
          .isEqualTo(401);
    }
  }

  @Test
  void aDisabledUsersTokenIsRefusedUntilTheUserIsEnabledAgain() {
    Account temp = IdentityFixtures.newAccount(identity, tokens, Role.USER, "disabled");

    identity.setEnabled(temp.username(), false, "test");
    Reply whileDisabled = api.get("/api/v1/workspaces", temp.bearer());
    Reply basicWhileDisabled = api.post("/api/v1/tokens", temp.basic(), Map.of("name", "x"));
    identity.setEnabled(temp.username(), true, "test");
    Reply afterwards = api.get("/api/v1/workspaces", temp.bearer());

    assertThat(whileDisabled.status()).isEqualTo(401);
    assertProblem(whileDisabled, 401, "unauthenticated");
    assertThat(basicWhileDisabled.status()).isEqualTo(401);
    assertThat(afterwards.status()).isEqualTo(200);
  }

  @Test
  void httpBasicIsAcceptedOnlyToCreateAToken() {
    Reply create = api.post("/api/v1/tokens", other.basic(), Map.of("name", "via basic"));
    Reply list = api.get("/api/v1/tokens", other.basic());
    Reply revoke =
        api.delete("/api/v1/tokens/" + create.json().path("id").asString(), other.basic());

    assertThat(create.status()).isEqualTo(201);
    assertThat(create.json().path("token").asString()).startsWith("wsp_");
    assertProblem(list, 401, "unauthenticated");
    assertProblem(revoke, 401, "unauthenticated");
    assertThat(tokens.list(other.username()))
        .filteredOn(t -> t.id().toString().equals(create.json().path("id").asString()))
        .singleElement()
        .satisfies(t -> assertThat(t.revokedAt()).isNull());
  }

  @Test
  void noAnswerAsksABrowserForBasicCredentials() {
    Reply wrongPassword =
        api.post("/api/v1/tokens", Auth.basic(other.username(), "wrong"), Map.of("name", "x"));
    Reply anonymous = api.get("/api/v1/workspaces", Auth.NONE);

    for (Reply reply : new Reply[] {wrongPassword, anonymous}) {
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.headers().allValues("WWW-Authenticate"))
          .isNotEmpty()
          .noneMatch(h -> h.toLowerCase(Locale.ROOT).contains("basic"));
    }
  }

  @Test
  void httpBasicIsNotAcceptedAnywhereElseOnTheApi() {
    for (String path : new String[] {"/api/v1/workspaces", "/api/v1/templates"}) {
      Reply reply = api.get(path, other.basic());
      assertThat(reply.status()).as(path).isEqualTo(401);
      assertProblem(reply, 401, "unauthenticated");
    }
    assertThat(api.get("/api/v1/admin/users", admin.basic()).status()).isEqualTo(401);
    assertThat(api.post("/api/v1/workspaces", other.basic(), requestBody(uniqueName())).status())
        .isEqualTo(401);
  }

  @Test
  void aWrongPasswordOnTheTokenEndpointIsAProblemNotAPage() {
    Reply reply =
        api.post(
            "/api/v1/tokens",
            Auth.basic(other.username(), "wrong-password"),
            Map.of("name", "nope"));

    assertThat(reply.status()).isEqualTo(401);
    assertProblem(reply, 401, "unauthenticated");
  }

  @Test
  void theApiIsStatelessAndNeverHandsOutASessionCookie() {
    assertThat(
            api.post("/api/v1/tokens", other.basic(), Map.of("name", "cookie?"))
                .header("Set-Cookie"))
        .isNull();
    assertThat(api.get("/api/v1/workspaces", other.bearer()).header("Set-Cookie")).isNull();
    assertThat(api.get("/api/v1/workspaces", Auth.NONE).header("Set-Cookie")).isNull();
  }

  @Test
  void aPresentedTokenIsNeverWrittenToTheAuditTrail() {
    // A bearer token that fails (mistyped, revoked, or of a disabled user) must not end up in the
    // append-only audit table, where every admin can read it and nobody can remove it.
    Account temp = IdentityFixtures.newAccount(identity, tokens, Role.USER, "leak");
    String unknown = "wsp_" + UUID.randomUUID().toString().replace("-", "") + "abcdefghijk";
    api.get("/api/v1/workspaces", Auth.bearer(unknown));
    identity.setEnabled(temp.username(), false, "test");
    api.get("/api/v1/workspaces", temp.bearer());

    var rows =
        jdbc.queryForList(
            "select actor, action, target, detail, remote_address from audit_events"
                + " where actor in (?, ?) or target in (?, ?) or detail like ? or detail like ?",
            unknown,
            temp.token(),
            unknown,
            temp.token(),
            "%" + unknown + "%",
            "%" + temp.token() + "%");
    assertThat(rows).as("audit rows that contain a presented bearer token").isEmpty();
  }

  @Test
  void theMatrixCoversEveryEndpointForEveryKindOfCaller() {
    assertThat(matrix().count()).isEqualTo(endpoints().count() * Actor.values().length);
    // every /api/v1 endpoint the portal serves, so that a new one cannot slip past the matrix
    Set<String> served = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info ->
                info.getPatternValues().stream()
                    .filter(path -> path.startsWith("/api/v1/"))
                    .forEach(
                        path ->
                            info.getMethodsCondition()
                                .getMethods()
                                .forEach(m -> served.add(m.name() + " " + anyVariable(path)))));
    assertThat(endpoints().filter(Objects::nonNull).map(ApiAuthorizationMatrixTest::anyVariable))
        .containsExactlyInAnyOrderElementsOf(served);
  }

  private static String anyVariable(String endpoint) {
    return endpoint.replaceAll("\\{[^}]*}", "{}");
  }

  private static String matrixTeamName() {
    return IdentityFixtures.uniqueUsername("team");
  }

  /** A team made for one row (each caller's own). */
  private String aTeam() {
    String name = matrixTeamName();
    teams.create(new TeamForm(name, null, null, null, null), "matrix");
    return name;
  }
}
