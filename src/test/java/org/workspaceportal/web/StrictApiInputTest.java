package org.workspaceportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workspaceportal.workspace.WorkspaceFixtures.uniqueName;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.HttpApi;
import org.workspaceportal.HttpApi.Reply;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.identity.ApiTokenService;
import org.workspaceportal.identity.IdentityFixtures;
import org.workspaceportal.identity.IdentityFixtures.Account;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.Role;

/**
 * The API speaks JSON only and reads it strictly: every refusal is a 400 problem that names the
 * field, and nothing is stored. Free text refuses what cannot be stored or shown as it was sent.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictApiInputTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired ApiTokenService tokens;
  @Autowired JdbcTemplate jdbc;

  private HttpApi api;
  private Account user;
  private Account admin;

  @BeforeAll
  void accounts() {
    api = new HttpApi(port);
    user = IdentityFixtures.newAccount(identity, tokens, Role.USER, "strict");
    identity.setQuota(user.username(), 1000, 100_000, "test");
    admin = IdentityFixtures.newAccount(identity, tokens, Role.ADMIN, "strict-admin");
  }

  private int workspacesOfUser() {
    return jdbc.queryForObject(
        "select count(*) from workspaces where owner = ?", Integer.class, user.username());
  }

  private Reply refusedOnField(String path, HttpApi.Auth auth, String body, String field) {
    int before = workspacesOfUser();
    Reply reply = api.post(path, auth, body);
    assertThat(reply.status()).as("%s", reply).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().path("errors").findValuesAsString("field"))
        .as("%s", reply)
        .containsExactly(field);
    assertThat(reply.json().path("detail").asString()).contains(field);
    assertThat(workspacesOfUser()).isEqualTo(before);
    return reply;
  }

  @Test
  void anEnumGivenByItsPositionIsRefusedSoNoAdminIsCreatedByANumber() {
    String username = IdentityFixtures.uniqueUsername("by-number");

    refusedOnField(
        "/api/v1/admin/users",
        admin.bearer(),
        "{\"username\":\"" + username + "\",\"password\":\"password-123\",\"role\":1}",
        "role");

    assertThat(identity.findUser(username)).isEmpty();
  }

  @Test
  void aDuplicateKeyIsRefusedInsteadOfTheLastOneWinning() {
    String username = IdentityFixtures.uniqueUsername("dup");

    refusedOnField(
        "/api/v1/admin/users",
        admin.bearer(),
        "{\"username\":\""
            + username
            + "\",\"password\":\"password-123\",\"role\":\"USER\",\"role\":\"ADMIN\"}",
        "role");

    assertThat(identity.findUser(username)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"workers\": \"2\"|workers",
        "\"workers\": true|workers",
        "\"datahub\": \"true\"|datahub",
        "\"datahub\": 1|datahub",
        "\"description\": 42|description",
        "\"description\": false|description",
        "\"retention\": 0|retention",
        "\"expiresAt\": 4102444800|expiresAt",
        "\"workers\": \"\"|workers",
        "\"colour\": \"blue\"|colour"
      })
  void aValueOfTheWrongKindOrAnUnknownFieldIsRefusedNamingTheField(String member, String field) {
    refusedOnField(
        "/api/v1/workspaces",
        user.bearer(),
        "{\"name\": \"" + uniqueName() + "\", " + member + "}",
        field);
  }

  @Test
  void aNumberForATokenNameIsRefused() {
    refusedOnField("/api/v1/tokens", user.bearer(), "{\"name\": 123}", "name");
  }

  @Test
  void anUnknownFieldOfATokenRequestIsRefused() {
    refusedOnField(
        "/api/v1/tokens", user.bearer(), "{\"name\": \"x\", \"scope\": \"all\"}", "scope");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\u0000", "\\u0001", "\\u001b[31m", "\\u007f", "\\u0085"})
  void aControlCharacterInADescriptionIsRefused(String control) {
    refusedOnField(
        "/api/v1/workspaces",
        user.bearer(),
        "{\"name\": \"" + uniqueName() + "\", \"description\": \"before" + control + "after\"}",
        "description");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\ud800", "x\\udc00y", "\\ud83d"})
  void anUnpairedSurrogateIsRefusedRatherThanStoredAsAQuestionMark(String broken) {
    refusedOnField(
        "/api/v1/workspaces",
        user.bearer(),
        "{\"name\": \"" + uniqueName() + "\", \"description\": \"" + broken + "\"}",
        "description");
  }

  @Test
  void lineBreaksTabsAndRealEmojiAreStoredAndEchoedExactly() {
    String description = "line one\r\nline two\n\tindented \uD83D\uDE80";

    Reply created =
        api.post(
            "/api/v1/workspaces",
            user.bearer(),
            Map.of("name", uniqueName(), "description", description));

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.json().path("description").asString()).isEqualTo(description);
    String id = created.json().path("id").asString();
    assertThat(
            api.get("/api/v1/workspaces/" + id, user.bearer())
                .json()
                .path("description")
                .asString())
        .isEqualTo(description);
  }

  @Test
  void aControlCharacterInARejectionReasonOrATokenNameIsRefused() {
    String id =
        api.post("/api/v1/workspaces", user.bearer(), Map.of("name", uniqueName()))
            .json()
            .path("id")
            .asString();

    refusedOnField(
        "/api/v1/workspaces/" + id + "/reject",
        admin.bearer(),
        "{\"reason\": \"no\\u0007\"}",
        "reason");
    refusedOnField("/api/v1/tokens", user.bearer(), "{\"name\": \"lap\\u0000top\"}", "name");
  }

  @ParameterizedTest
  @CsvSource({"application/xml", "application/yaml", "text/xml", "application/cbor"})
  void aBodyInAnotherFormatThanJsonIsUnsupported(String contentType) {
    int before = workspacesOfUser();

    Reply reply =
        api.send(
            "POST",
            "/api/v1/workspaces",
            user.bearer(),
            BodyPublishers.ofString(
                contentType.contains("xml")
                    ? "<WorkspaceRequest><name>" + uniqueName() + "</name></WorkspaceRequest>"
                    : "name: " + uniqueName()),
            contentType);

    assertThat(reply.status()).as("%s", reply).isEqualTo(415);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(workspacesOfUser()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/xml", "application/yaml", "text/xml"})
  void askingForAnotherFormatThanJsonIsNotAcceptable(String accept) {
    Reply reply = api.getAccepting("/api/v1/workspaces", user.bearer(), accept);

    assertThat(reply.status()).as("%s", reply).isEqualTo(406);
    assertThat(reply.body()).doesNotContain("<");
  }
}
