package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionExpiryTest {

  private static FlashBladeSimulator simulator;

  @BeforeAll
  static void start() {
    simulator =
        FlashBladeSimulator.start(
            SimulatorSettings.inMemory()
                .withSessionIdleTimeout(Duration.ofMillis(400))
                .withApiToken("T-session-test"));
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void aSessionIdleForLongerThanTheTimeoutIsInvalid() throws InterruptedException {
    var api = SimulatorFixtures.loggedIn(simulator);
    assertThat(api.get("/arrays").status()).isEqualTo(200);

    Thread.sleep(700);

    assertThat(api.get("/arrays").status()).isEqualTo(401);
    assertThat(api.login("T-session-test").get("/arrays").status()).isEqualTo(200);
  }

  @Test
  void usingASessionKeepsItAlive() throws InterruptedException {
    var api = SimulatorFixtures.loggedIn(simulator);

    for (int i = 0; i < 6; i++) {
      Thread.sleep(150);
      assertThat(api.get("/arrays").status()).isEqualTo(200);
    }
  }

  @Test
  void theConfiguredTokenIsTheOneAccepted() {
    assertThat(simulator.apiToken()).isEqualTo("T-session-test");
    assertThat(SimulatorFixtures.loggedIn(simulator).session()).isNotBlank();
  }
}
