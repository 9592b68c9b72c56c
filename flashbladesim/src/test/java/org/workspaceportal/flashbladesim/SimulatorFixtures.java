package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One in-memory simulator shared by the test classes of a JVM (its first start pays for loading
 * jclouds and Jetty), plus helpers that create uniquely named tenants so tests never collide.
 */
final class SimulatorFixtures {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String RUN = Long.toString(System.nanoTime() % 100_000, 36);
  private static FlashBladeSimulator shared;
  private static FlashBladeSimulator newest;

  private SimulatorFixtures() {}

  static synchronized FlashBladeSimulator shared() {
    if (shared == null) {
      shared = FlashBladeSimulator.start(SimulatorSettings.inMemory());
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  /** A second shared simulator, offering the newest REST version the simulator knows. */
  static synchronized FlashBladeSimulator newest() {
    if (newest == null) {
      newest =
          FlashBladeSimulator.start(
              SimulatorSettings.inMemory()
                  .withMaxRestVersion("2." + RestVersions.HIGHEST_KNOWN_MINOR));
      Runtime.getRuntime().addShutdownHook(new Thread(newest::close));
    }
    return newest;
  }

  /** A logged-in client that addresses {@code /api/<version>/}. */
  static SimulatorClient loggedIn(FlashBladeSimulator simulator, String version) {
    return new SimulatorClient(
            simulator.managementUri(), SimulatorClient.trusting(simulator.caCertificate()), version)
        .login(simulator.apiToken());
  }

  static SimulatorClient loggedIn(FlashBladeSimulator simulator) {
    return new SimulatorClient(simulator).login(simulator.apiToken());
  }

  /** A fresh lower-case name such as {@code acct-k3x-7}. */
  static String unique(String prefix) {
    return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
  }

  /**
   * An account with one full-access user, one access key and one bucket, as the portal provisioned
   * before it granted access policies.
   */
  record Tenant(String account, String user, String accessKeyId, String secret, String bucket) {}

  static Tenant tenant(SimulatorClient api) {
    return tenant(api, null);
  }

  /**
   * Like {@link #tenant(SimulatorClient)}, but the user is created without {@code full_access} and
   * granted exactly {@code policies} (short names such as {@code object-read}), or full access when
   * {@code policies} is {@code null}.
   */
  static Tenant tenant(SimulatorClient api, List<String> policies) {
    String account = unique("acct");
    String user = account + "/spark";
    String bucket = unique("bucket");
    assertThat(api.post("/object-store-accounts?names=" + account, null).status()).isEqualTo(200);
    String fullAccess = policies == null ? "&full_access=true" : "";
    assertThat(api.post("/object-store-users?names=" + user + fullAccess, null).status())
        .isEqualTo(200);
    if (policies != null && !policies.isEmpty()) {
      grant(api, user, policies);
    }
    var key = api.post("/object-store-access-keys", "{\"user\":{\"name\":\"" + user + "\"}}");
    assertThat(key.status()).isEqualTo(200);
    assertThat(api.post("/buckets?names=" + bucket, accountBody(account)).status()).isEqualTo(200);
    return new Tenant(
        account,
        user,
        key.items().path(0).path("name").asString(),
        key.items().path(0).path("secret_access_key").asString(),
        bucket);
  }

  /** Grants the built-in policies with these short names ({@code object-read}) to {@code user}. */
  static void grant(SimulatorClient api, String user, List<String> policies) {
    var reply =
        api.post(
            "/object-store-access-policies/object-store-users?member_names="
                + user
                + "&policy_names="
                + String.join(",", policies.stream().map(p -> "pure:policy/" + p).toList()),
            null);
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
  }

  static String accountBody(String account) {
    return "{\"account\":{\"name\":\"" + account + "\"}}";
  }
}
