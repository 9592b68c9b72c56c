package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertPathBuilderException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ManagementApiTest {

  private final FlashBladeSimulator simulator = SimulatorFixtures.shared();
  private final SimulatorClient anonymous = new SimulatorClient(simulator);

  @Test
  void aClientThatDoesNotTrustTheSimulatorCaIsRefused() {
    HttpClient untrusting = HttpClient.newHttpClient();
    var request =
        HttpRequest.newBuilder(simulator.managementUri().resolve("/api/api_version")).build();

    assertThatThrownBy(() -> untrusting.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(SSLHandshakeException.class)
        .hasRootCauseInstanceOf(CertPathBuilderException.class);
  }

  @Test
  void apiVersionNeedsNoLoginAndListsOneAndTwoUpToTheMaximum() {
    var reply = anonymous.raw("GET", "/api/api_version", null);

    assertThat(reply.status()).isEqualTo(200);
    var versions = reply.json().path("versions").valueStream().map(v -> v.asString()).toList();
    assertThat(versions).startsWith("1.0").contains("1.12", "2.0", "2.8").endsWith("2.17");
  }

  @Test
  void loginWithTheApiTokenOpensASession() {
    var reply =
        anonymous.send(
            HttpRequest.newBuilder(simulator.managementUri().resolve("/api/login"))
                .header("api-token", simulator.apiToken())
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("x-auth-token")).isNotBlank();
    assertThat(reply.items().path(0).path("username").asString()).isEqualTo("pureuser");
  }

  @Test
  void loginWithAWrongTokenIs401WithTheErrorsShape() {
    var reply =
        anonymous.send(
            HttpRequest.newBuilder(simulator.managementUri().resolve("/api/login"))
                .header("api-token", "T-wrong")
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().path("errors").path(0).has("context")).isTrue();
    assertThat(reply.firstError()).isNotBlank();
    assertThat(reply.header("x-auth-token")).isNull();
  }

  @Test
  void callsWithoutAValidSessionAre401InvalidSession() {
    var noSession = anonymous.get("/arrays");
    var client = new SimulatorClient(simulator);
    client.useSession("not-a-session");
    var unknown = client.get("/arrays");

    assertThat(noSession.status()).isEqualTo(401);
    assertThat(noSession.firstError()).isEqualTo("Invalid session.");
    assertThat(unknown.status()).isEqualTo(401);
  }

  @Test
  void logoutEndsTheSession() {
    var client = SimulatorFixtures.loggedIn(simulator);
    assertThat(client.get("/arrays").status()).isEqualTo(200);

    assertThat(client.raw("POST", "/api/logout", null).status()).isEqualTo(200);

    assertThat(client.get("/arrays").status()).isEqualTo(401);
  }

  @Test
  void requestIdIsEchoedOrGenerated() {
    var client = SimulatorFixtures.loggedIn(simulator);
    var echoed =
        client.send(
            HttpRequest.newBuilder(simulator.managementUri().resolve("/api/2.17/arrays"))
                .header("x-auth-token", client.session())
                .header("X-Request-ID", "req-42")
                .GET());
    var generated = client.get("/arrays");

    assertThat(echoed.header("X-Request-ID")).isEqualTo("req-42");
    assertThat(generated.header("X-Request-ID")).isNotBlank();
    assertThat(generated.header("X-RateLimit-Limit-second")).isNotBlank();
  }

  @Test
  void versionsTheArrayDoesNotOfferAre404() {
    var client = SimulatorFixtures.loggedIn(simulator);

    assertThat(client.raw("GET", "/api/2.18/arrays", null).status()).isEqualTo(404);
    assertThat(client.raw("GET", "/api/1.12/arrays", null).status()).isEqualTo(404);
    assertThat(client.raw("GET", "/api/3.0/arrays", null).status()).isEqualTo(404);
    assertThat(client.raw("GET", "/api/2.latest/arrays", null).status()).isEqualTo(200);
    assertThat(client.raw("GET", "/api/2.0/arrays", null).status()).isEqualTo(200);
  }

  @Test
  void unknownResourcesAre404AndUnsupportedMethods405() {
    var client = SimulatorFixtures.loggedIn(simulator);

    assertThat(client.get("/hardware").status()).isEqualTo(404);
    assertThat(client.get("/buckets/extra").status()).isEqualTo(404);
    assertThat(client.post("/arrays", "{}").status()).isEqualTo(405);
    assertThat(client.raw("GET", "/api/login", null).status()).isEqualTo(405);
  }

  @Test
  void malformedJsonAndUnknownFieldsAre400WithTheErrorsShape() {
    var client = SimulatorFixtures.loggedIn(simulator);
    String account = SimulatorFixtures.unique("acct");

    var malformed = client.post("/object-store-accounts?names=" + account, "{\"quota_limit\":");
    var unknown = client.post("/object-store-accounts?names=" + account, "{\"colour\":\"blue\"}");

    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.firstError()).contains("Malformed JSON");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("errors").path(0).path("context").asString())
        .isEqualTo("colour");
    assertThat(simulator.accounts()).extracting(SimulatedAccount::name).doesNotContain(account);
  }

  @Test
  void fieldsNewerThanTheAddressedVersionAreRefused() {
    var client =
        new SimulatorClient(
                simulator.managementUri(),
                SimulatorClient.trusting(simulator.caCertificate()),
                "2.7")
            .login(simulator.apiToken());
    String account = SimulatorFixtures.unique("acct");

    var reply =
        client.post("/object-store-accounts?names=" + account, "{\"quota_limit\":\"1000\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.firstError()).contains("2.8");
  }

  @Test
  void networkInterfacesShowOneDataVipAndTheManagementVipOnLoopback() {
    var reply =
        SimulatorFixtures.loggedIn(simulator).get("/network-interfaces?filter=services='data'");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.items()).hasSize(1);
    assertThat(reply.items().path(0).path("name").asString()).isEqualTo("data1");
    assertThat(reply.items().path(0).path("address").asString()).isEqualTo("127.0.0.1");
    assertThat(reply.json().path("total_item_count").asInt()).isEqualTo(1);
  }
}
