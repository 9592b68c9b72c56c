package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workspaceportal.flashbladesim.SimulatorFixtures.accountBody;
import static org.workspaceportal.flashbladesim.SimulatorFixtures.unique;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

  private final FlashBladeSimulator simulator = SimulatorFixtures.shared();
  private final SimulatorClient api = SimulatorFixtures.loggedIn(simulator);

  @AfterEach
  void resetFaults() {
    FaultInjector.of(simulator).reset();
  }

  @Test
  void theNextMatchingCallsFailWith429AndAFlatBodyWithoutTakingEffect() {
    String account = unique("acct");
    api.post("/object-store-accounts?names=" + account, null);
    String bucket = unique("bucket");
    FaultInjector.of(simulator).failNext(2, "POST", "/buckets", 429);

    var first = api.post("/buckets?names=" + bucket, accountBody(account));
    var second = api.post("/buckets?names=" + bucket, accountBody(account));
    var unaffected = api.get("/buckets?names=" + bucket);
    var third = api.post("/buckets?names=" + bucket, accountBody(account));

    assertThat(first.status()).isEqualTo(429);
    assertThat(first.json().path("message").asString()).isNotBlank();
    assertThat(first.json().has("errors")).isFalse();
    assertThat(second.status()).isEqualTo(429);
    assertThat(unaffected.status()).isEqualTo(400);
    assertThat(third.status()).isEqualTo(200);
    assertThat(simulator.buckets()).filteredOn(b -> b.name().equals(bucket)).hasSize(1);
  }

  @Test
  void serverErrorsUseTheErrorsShape() {
    FaultInjector.of(simulator).failNext(1, "GET", "/arrays", 503);

    var reply = api.get("/arrays");

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.json().path("errors").path(0).has("message")).isTrue();
    assertThat(api.get("/arrays").status()).isEqualTo(200);
  }

  @Test
  void aLostResponseStillCreatesTheKeyLeavingAnOrphanWhoseSecretIsGone() {
    var tenant = SimulatorFixtures.tenant(api);
    FaultInjector.of(simulator).failNextAfterApplying(1, "POST", "/object-store-access-keys", 500);

    var reply =
        api.post("/object-store-access-keys", "{\"user\":{\"name\":\"" + tenant.user() + "\"}}");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.raw().body()).doesNotContain("secret_access_key");
    assertThat(simulator.accessKeyIds(tenant.user())).hasSize(2);
  }

  @Test
  void randomFailuresHitEveryCallAtRateOneAndNoneAtZero() {
    FaultInjector.of(simulator).failRandomly(1.0, 502);
    var failing = api.get("/arrays");
    FaultInjector.of(simulator).failRandomly(0.0, 502);
    var passing = api.get("/arrays");

    assertThat(failing.status()).isEqualTo(502);
    assertThat(passing.status()).isEqualTo(200);
  }

  @Test
  void latencyDelaysEveryCall() {
    FaultInjector.of(simulator).latency(Duration.ofMillis(300));

    long start = System.nanoTime();
    assertThat(api.get("/arrays").status()).isEqualTo(200);
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
  }

  @Test
  void expiringAllSessionsForcesALoginAgain() {
    FaultInjector.of(simulator).expireAllSessions();

    var expired = api.get("/arrays");
    api.login(simulator.apiToken());

    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.firstError()).isEqualTo("Invalid session.");
    assertThat(api.get("/arrays").status()).isEqualTo(200);
  }

  @Test
  void loginCanBeMadeToFailToo() {
    FaultInjector.of(simulator).failNext(1, "*", "/api/login", 500);

    assertThatThrownBy(() -> new SimulatorClient(simulator).login(simulator.apiToken()))
        .hasMessageContaining("login failed");
    assertThat(new SimulatorClient(simulator).login(simulator.apiToken()).session()).isNotBlank();
  }

  @Test
  void theCallLogCountsCallsPerMethodAndResource() {
    String account = unique("acct");
    long before = simulator.callCount("POST", "object-store-accounts");

    api.post("/object-store-accounts?names=" + account, null);
    api.post("/object-store-accounts?names=" + account, null);
    api.get("/object-store-accounts?names=" + account);

    assertThat(simulator.callCount("POST", "object-store-accounts")).isEqualTo(before + 2);
    var last = simulator.calls().getLast();
    assertThat(last.method()).isEqualTo("GET");
    assertThat(last.resource()).isEqualTo("object-store-accounts");
    assertThat(last.query()).contains(account);
    assertThat(last.status()).isEqualTo(200);
  }

  @Test
  void resetRemovesPendingFailures() {
    FaultInjector.of(simulator).failNext(5, "GET", "/arrays", 500).latency(Duration.ofSeconds(5));

    FaultInjector.of(simulator).reset();

    assertThat(api.get("/arrays").status()).isEqualTo(200);
  }

  @Test
  void onlyErrorStatusesCanBeInjected() {
    assertThatThrownBy(() -> FaultInjector.of(simulator).failNext(1, "GET", "/arrays", 200))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultInjector.of(simulator).failRandomly(1.5, 500))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
