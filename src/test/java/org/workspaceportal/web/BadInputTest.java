package org.workspaceportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.workspaceportal.workspace.WorkspaceFixtures.requestBody;
import static org.workspaceportal.workspace.WorkspaceFixtures.uniqueName;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workspaceportal.HttpApi;
import org.workspaceportal.HttpApi.Reply;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.identity.ApiTokenService;
import org.workspaceportal.identity.IdentityFixtures;
import org.workspaceportal.identity.IdentityFixtures.Account;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.Role;
import org.workspaceportal.workspace.WorkspaceFixtures;

/**
 * Bad input to the API and the pages: always a clear 4xx with a problem body, never a 500, and
 * nothing stored. Markup is stored verbatim but escaped on every page that shows it.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

  private static final String SCRIPT =
      "<script>alert('pwned')</script><b onmouseover=alert(2)>bold</b>";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired ApiTokenService tokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  private HttpApi api;
  private Account user;
  private Account admin;

  @BeforeAll
  void accounts() {
    api = new HttpApi(port);
    user = IdentityFixtures.newAccount(identity, tokens, Role.USER, "bad-input");
    identity.setQuota(user.username(), 1000, 100_000, "test");
    admin = IdentityFixtures.newAccount(identity, tokens, Role.ADMIN, "bad-input-admin");
  }

  private int stored() {
    return jdbc.queryForObject(
            "select count(*) from workspaces where owner = ?", Integer.class, user.username())
        + jdbc.queryForObject(
            "select count(*) from audit_events where actor = ? and action like 'workspace.%'",
            Integer.class, user.username());
  }

  /**
   * Sends the request, and checks it was refused with a problem of this status and type and that
   * nothing was stored.
   */
  private Reply refused(int status, String type, Supplier<Reply> call) {
    int before = stored();
    Reply reply = call.get();
    assertThat(reply.status()).as("%s", reply).isEqualTo(status);
    assertThat(reply.contentType()).as("%s", reply).startsWith("application/problem+json");
    if (type != null) {
      assertThat(reply.problemType()).isEqualTo(type);
    }
    assertThat(reply.json().path("detail").asString())
        .isNotBlank()
        .doesNotContain("Exception", "at org.", "SQL");
    assertThat(stored()).as("rows stored by a refused request").isEqualTo(before);
    return reply;
  }

  private Reply refusedField(String field, Object body) {
    Reply reply =
        refused(400, "validation", () -> api.post("/api/v1/workspaces", user.bearer(), body));
    assertThat(reply.json().path("errors").findValuesAsString("field")).contains(field);
    assertThat(reply.json().path("errors").findValuesAsString("message"))
        .allSatisfy(m -> assertThat(m).isNotBlank());
    return reply;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab",
        "abcdefghijklmnopqrstuvwxyz0123456789-abcd",
        "Upper",
        "1leading-digit",
        "under_score",
        "-dash",
        "spa ce",
        "dot.ted",
        "<script>",
        "",
        "   "
      })
  void anInvalidNameIsRefusedOnTheNameField(String name) {
    refusedField("name", requestBody(name));
  }

  @Test
  void aMissingNameIsRefused() {
    refusedField("name", Map.of("description", "no name"));
  }

  @Test
  void moreWorkersThanTheTemplateAllowsAreRefusedOnTheWorkersField() {
    Reply reply =
        refusedField(
            "workers",
            requestBody(uniqueName(), WorkspaceFixtures.DEFAULT_TEMPLATE_MAX_WORKERS + 1));

    assertThat(reply.json().path("errors").get(0).path("message").asString())
        .isEqualTo("must be at most 4 for template '" + WorkspaceFixtures.STORAGE_TEMPLATE + "'");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65, 1000})
  void workersOutsideOneToSixtyFourAreRefusedOnTheWorkersField(int workers) {
    refusedField("workers", requestBody(uniqueName(), workers));
  }

  @Test
  void anUnknownTemplateIsRefusedOnTheTemplateField() {
    Map<String, Object> body = requestBody(uniqueName());
    body.put("template", "no-such-template");

    Reply reply = refusedField("template", body);

    assertThat(reply.json().path("errors").get(0).path("message").asString())
        .isEqualTo("unknown template 'no-such-template'");
  }

  @Test
  void aDescriptionOver2000CharactersIsRefused() {
    Map<String, Object> body = requestBody(uniqueName());
    body.put("description", "d".repeat(2001));

    refusedField("description", body);
  }

  @Test
  void anExpiryInThePastIsRefused() {
    Map<String, Object> body = requestBody(uniqueName());
    body.put("expiresAt", "2000-01-01T00:00:00Z");

    refusedField("expiresAt", body);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+99999-01-01T00:00:00Z", "2100-01-01T00:00:00Z"})
  void anExpiryBeyondTheMaximumLifetimeIsRefused(String expiresAt) {
    Map<String, Object> body = requestBody(uniqueName());
    body.put("expiresAt", expiresAt);

    refusedField("expiresAt", body);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+99999-01-01T00:00:00Z", "2100-01-01T00:00:00Z"})
  void aTokenWithAnExpiryBeyondTheMaximumLifetimeIsRefused(String expiresAt) {
    int before = tokens.list(user.username()).size();

    Reply reply =
        api.post(
            "/api/v1/tokens", user.bearer(), Map.of("name", "forever", "expiresAt", expiresAt));

    assertThat(reply.status()).as("%s", reply).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.body()).contains("expir");
    assertThat(tokens.list(user.username())).hasSize(before);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"name\": \"ok-name\", \"retention\": \"FOREVER\"}", // unknown enum value
        "{\"name\": \"ok-name\"", // malformed JSON
        "{name: 'ok-name'}", // not JSON
        "{\"name\": \"ok-name\", \"workers\": \"many\"}", // wrong type
        "{\"name\": \"ok-name\", \"workers\": {}}",
        "{\"name\": \"ok-name\", \"datahub\": \"maybe\"}",
        "{\"name\": \"ok-name\", \"expiresAt\": \"tomorrow\"}",
        "{\"name\": [\"ok-name\"]}",
        "[]",
        "null",
        "",
        "\"just a string\""
      })
  void aBodyThatIsNotAValidRequestIsAMalformedBodyProblem(String body) {
    Reply reply = refused(400, null, () -> api.post("/api/v1/workspaces", user.bearer(), body));

    assertThat(reply.problemType()).isIn("malformed-body", "validation");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"expiresAt\": \"tomorrow\", \"reason\": \"deadline\"}",
        "{\"expiresAt\": \"2030-13-45T00:00:00Z\", \"reason\": \"deadline\"}",
        "{\"expiresAt\": \"2030-01-01\", \"reason\": \"deadline\"}",
        "{\"expiresAt\": [], \"reason\": \"deadline\"}",
        "{\"reason\": \"deadline\"}",
        "{\"expiresAt\": \"2030-01-01T00:00:00Z\"}",
        "{\"expiresAt\": \"2030-01-01T00:00:00Z\", \"reason\": \"  \"}",
        "{\"expiresAt\": \"2030-01-01T00:00:00Z\", \"reason\": \"x\", \"extra\": 1}",
        "not json",
        ""
      })
  void anExtensionBodyWithABadDateOrReasonIsRefused(String body) {
    String id =
        api.post(
                "/api/v1/workspaces",
                user.bearer(),
                Map.of(
                    "name",
                    uniqueName(),
                    "template",
                    WorkspaceFixtures.STORAGE_TEMPLATE,
                    "expiresAt",
                    Instant.now().plusSeconds(86_400).toString()))
            .json()
            .path("id")
            .asString();
    Supplier<Integer> extensions =
        () ->
            jdbc.queryForObject(
                "select count(*) from workspace_extensions where workspace_id = ?::uuid",
                Integer.class,
                id);

    Reply reply =
        refused(
            400,
            null,
            () -> api.post("/api/v1/workspaces/" + id + "/extension", user.bearer(), body));

    assertThat(reply.problemType()).isIn("malformed-body", "validation");
    assertThat(extensions.get()).isZero();
  }

  @Test
  void aFractionalNumberOfWorkersIsNotSilentlyRoundedDown() {
    Reply reply =
        api.post(
            "/api/v1/workspaces",
            user.bearer(),
            "{\"name\": \"" + uniqueName() + "\", \"workers\": 2.5}");

    assertThat(reply.status()).as("%s", reply).isEqualTo(400);
  }

  @Test
  void anUnknownEnumValueSaysWhatIsWrong() {
    Reply reply =
        refused(
            400,
            "malformed-body",
            () ->
                api.post(
                    "/api/v1/workspaces",
                    user.bearer(),
                    "{\"name\": \"ok-name\", \"retention\": \"FOREVER\"}"));

    assertThat(reply.json().path("errors").findValuesAsString("field"))
        .containsExactly("retention");
    assertThat(reply.json().path("detail").asString()).contains("KEEP", "DESTROY", "ERADICATE");
  }

  @Test
  void aBodyThatIsNotJsonIsUnsupported() {
    refused(
        415,
        null,
        () ->
            api.send(
                "POST",
                "/api/v1/workspaces",
                user.bearer(),
                BodyPublishers.ofString("name=ok-name"),
                "application/x-www-form-urlencoded"));
  }

  private static byte[] oversizedJson() {
    String big = "{\"name\": \"ok-name\", \"description\": \"" + "x".repeat(70 * 1024) + "\"}";
    return big.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aBodyOver64KibWithContentLengthIsRefusedWith413() {
    byte[] body = oversizedJson();

    Reply reply =
        refused(
            413,
            "body-too-large",
            () ->
                api.send(
                    "POST",
                    "/api/v1/workspaces",
                    user.bearer(),
                    BodyPublishers.ofByteArray(body),
                    "application/json"));

    assertThat(reply.json().path("title").asString()).isEqualTo("Request body too large");
  }

  @Test
  void aChunkedBodyThatGrowsOver64KibIsRefusedWith413() {
    refused(
        413,
        "body-too-large",
        () -> api.postChunked("/api/v1/workspaces", user.bearer(), oversizedJson()));
  }

  @Test
  void aBodyJustUnderTheLimitIsReadAndValidatedNormally() {
    String body = "{\"name\": \"ok-name\", \"description\": \"" + "x".repeat(60 * 1024) + "\"}";

    Reply reply =
        refused(400, "validation", () -> api.post("/api/v1/workspaces", user.bearer(), body));

    assertThat(reply.json().path("errors").findValuesAsString("field"))
        .containsExactly("description");
  }

  @Test
  void anOversizedBodyOnAnotherEndpointIsRefusedToo() {
    byte[] body =
        ("{\"name\": \"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

    Reply reply = api.postChunked("/api/v1/tokens", user.bearer(), body);

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.problemType()).isEqualTo("body-too-large");
  }

  @Test
  void anUnknownStatusFilterIsABadRequestThatListsTheAllowedValues() {
    for (var who : List.of(user, admin)) {
      Reply reply =
          refused(
              400,
              "invalid-parameter",
              () -> api.get("/api/v1/workspaces?status=BOGUS", who.bearer()));
      assertThat(reply.json().path("detail").asString())
          .contains("status", "PENDING_APPROVAL", "DELETED");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET ", "DELETE ", "POST /approve", "POST /reject"})
  void anIdThatIsNotAUuidIsAClientErrorNotAServerError(String call) {
    String method = call.substring(0, call.indexOf(' '));
    String suffix = call.substring(call.indexOf(' ') + 1);
    String path = "/api/v1/workspaces/not-a-uuid" + suffix;

    Reply reply =
        refused(
            400,
            "invalid-parameter",
            () ->
                api.sendJson(
                    method,
                    path,
                    admin.bearer(),
                    suffix.equals("/reject") ? Map.of("reason", "x") : null));

    assertThat(reply.json().path("detail").asString()).contains("'id'");
  }

  @Test
  void aTokenIdThatIsNotAUuidIsAClientError() {
    refused(400, "invalid-parameter", () -> api.delete("/api/v1/tokens/not-a-uuid", user.bearer()));
  }

  @Test
  void anUnknownApiPathIsANotFoundProblemNotAPage() {
    Reply reply = refused(404, null, () -> api.get("/api/v1/no-such-thing", user.bearer()));

    assertThat(reply.json().path("status").asInt()).isEqualTo(404);
  }

  @Test
  void anUnsupportedMethodIsAProblemNotAPage() {
    Reply reply =
        refused(
            405,
            null,
            () ->
                api.sendJson(
                    "PUT", "/api/v1/workspaces", user.bearer(), requestBody(uniqueName())));

    assertThat(reply.json().path("status").asInt()).isEqualTo(405);
  }

  @Test
  void aBadAuditPageParameterIsAClientError() {
    refused(
        400, "invalid-parameter", () -> api.get("/api/v1/admin/audit?page=abc", admin.bearer()));
  }

  @Test
  void anUnknownIdIsNotFound() {
    refused(
        404, "not-found", () -> api.get("/api/v1/workspaces/" + UUID.randomUUID(), admin.bearer()));
    refused(
        404,
        "not-found",
        () ->
            api.post("/api/v1/workspaces/" + UUID.randomUUID() + "/approve", admin.bearer(), null));
  }

  @Test
  void aTokenWithAnExpiryInThePastIsRefused() {
    Reply reply =
        api.post(
            "/api/v1/tokens",
            user.bearer(),
            Map.of("name", "old", "expiresAt", "2000-01-01T00:00:00Z"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.problemType()).isEqualTo("invalid-token-request");
  }

  @Test
  void aTokenWithoutANameIsRefusedOnTheNameField() {
    Reply reply = api.post("/api/v1/tokens", user.bearer(), Map.of());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("errors").findValuesAsString("field")).containsExactly("name");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"username\": \"Bad Name\", \"password\": \"long-enough\", \"role\": \"USER\"}",
        "{\"username\": \"fine-name\", \"password\": \"short\", \"role\": \"USER\"}",
        "{\"username\": \"fine-name\", \"password\": \"long-enough\", \"role\": \"GOD\"}",
        "{\"username\": \"fine-name\", \"password\": \"long-enough\"}"
      })
  void anInvalidNewUserIsRefused(String body) {
    Reply reply = api.post("/api/v1/admin/users", admin.bearer(), body);

    assertThat(reply.status()).as("%s", reply).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(identity.findUser("fine-name")).isEmpty();
  }

  @Test
  void markupInADescriptionIsStoredVerbatimAndEscapedOnEveryPageThatShowsIt() throws Exception {
    Map<String, Object> body = requestBody(uniqueName());
    body.put("description", SCRIPT);
    Reply created = api.post("/api/v1/workspaces", user.bearer(), body);
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().path("id").asString();

    // Stored verbatim: the API returns exactly what was sent.
    assertThat(
            api.get("/api/v1/workspaces/" + id, user.bearer())
                .json()
                .path("description")
                .asString())
        .isEqualTo(SCRIPT);

    // Escaped on the pages that show it.
    String detail = page("/workspaces/" + id, user.username(), false);
    String approvals = page("/admin/approvals", admin.username(), true);
    String adminDetail = page("/workspaces/" + id, admin.username(), true);
    for (String html : List.of(detail, approvals, adminDetail)) {
      assertThat(html)
          .doesNotContain("<script>alert", "<b onmouseover")
          .contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;");
    }
  }

  @Test
  void markupInARejectionReasonIsEscapedOnTheDetailAndAuditPages() throws Exception {
    Reply created = api.post("/api/v1/workspaces", user.bearer(), requestBody(uniqueName()));
    String id = created.json().path("id").asString();
    String reason = "<img src=x onerror=alert(3)>";
    assertThat(
            api.post(
                    "/api/v1/workspaces/" + id + "/reject",
                    admin.bearer(),
                    Map.of("reason", reason))
                .status())
        .isEqualTo(200);

    String detail = page("/workspaces/" + id, user.username(), false);
    String audit = page("/admin/audit?action=workspace.rejected", admin.username(), true);

    for (String html : List.of(detail, audit)) {
      assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(3)&gt;");
    }
  }

  @Test
  void markupInAUsernameAttemptIsEscapedOnTheAuditPage() throws Exception {
    api.post(
        "/api/v1/tokens", HttpApi.Auth.basic("<svg onload=alert(4)>", "x"), Map.of("name", "x"));

    String audit = page("/admin/audit?action=login.failed", admin.username(), true);

    assertThat(audit).doesNotContain("<svg onload").contains("&lt;svg onload=alert(4)&gt;");
  }

  @Test
  void anUnknownPageShowsAPageWrittenForPeople() {
    Reply html = api.getHtml("/no-such-page", api.signIn(user.username(), user.password()));

    assertThat(html.status()).isEqualTo(404);
    assertThat(html.contentType()).startsWith("text/html");
    assertThat(html.body())
        .contains("There is nothing at this address.", "HTTP <span>404</span>")
        .doesNotContain("Exception", "at org.");
  }

  @Test
  void aPageWithAnIdThatIsNotAUuidIsNotFoundNotAServerError() throws Exception {
    var response =
        mvc.perform(get("/workspaces/not-a-uuid").with(user(user.username()).roles("USER")))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(404);
  }

  private String page(String path, String username, boolean admin) throws Exception {
    var who = admin ? user(username).roles("ADMIN", "USER") : user(username).roles("USER");
    var response = mvc.perform(get(path).with(who)).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString();
  }
}
