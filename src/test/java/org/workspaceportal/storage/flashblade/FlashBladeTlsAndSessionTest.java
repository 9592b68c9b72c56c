package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.workspaceportal.flashbladesim.FaultInjector;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.storage.StorageException;

/** Against the simulator over HTTPS: whom the adapter trusts, and how it keeps its session. */
class FlashBladeTlsAndSessionTest {

  private final FlashBladeSimulator array = SimulatedFlashBlade.shared();

  @AfterEach
  void resetFaults() {
    FaultInjector.of(array).reset();
  }

  @Test
  void aClientWithoutTheArraysCaRefusesTheCertificateAndSendsNothing() {
    FlashBladeProperties noCa =
        FlashBladeFixtures.properties(array.managementUri(), array.apiToken(), null);
    int before = array.calls().size();

    try (var storage = new FlashBladeObjectStorage(noCa, new SimpleMeterRegistry())) {
      assertThatThrownBy(() -> storage.ensureAccount(SimulatedFlashBlade.unique("tls")))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("certificate is not trusted")
          .hasMessageContaining("portal.storage.flashblade.ca-certificate")
          .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
    }
    assertThat(array.calls()).hasSize(before);
  }

  @Test
  void aClientTrustingTheArraysCaWorks() {
    String account = SimulatedFlashBlade.unique("tls");
    try (var storage = SimulatedFlashBlade.adapter(array)) {
      storage.ensureAccount(account);
    }
    assertThat(array.accounts()).anyMatch(a -> a.name().equals(account));
  }

  @Test
  void skippingVerificationIsAnExplicitOptInThatWorks() {
    String account = SimulatedFlashBlade.unique("tls");
    FlashBladeProperties insecure =
        FlashBladeFixtures.insecure(SimulatedFlashBlade.properties(array));
    try (var storage = new FlashBladeObjectStorage(insecure, new SimpleMeterRegistry())) {
      storage.ensureAccount(account);
    }
    assertThat(array.accounts()).anyMatch(a -> a.name().equals(account));
  }

  @Test
  void expiredSessionsAreRenewedWithOneNewLogin() {
    try (var storage = SimulatedFlashBlade.adapter(array)) {
      storage.ensureAccount(SimulatedFlashBlade.unique("sess"));
      long logins = array.callCount("POST", "login");

      FaultInjector.of(array).expireAllSessions();
      String account = SimulatedFlashBlade.unique("sess");
      storage.ensureAccount(account);

      assertThat(array.callCount("POST", "login")).isEqualTo(logins + 1);
      assertThat(array.accounts()).anyMatch(a -> a.name().equals(account));
    }
  }

  @Test
  void closingLogsOut() {
    var storage = SimulatedFlashBlade.adapter(array);
    storage.ensureAccount(SimulatedFlashBlade.unique("sess"));
    long logouts = array.callCount("POST", "logout");

    storage.close();

    assertThat(array.callCount("POST", "logout")).isEqualTo(logouts + 1);
  }

  @Test
  void aWrongApiTokenIsAPermanentFailure() {
    FlashBladeProperties wrong =
        FlashBladeFixtures.properties(array.managementUri(), "T-wrong", array.caCertificate());
    try (var storage = new FlashBladeObjectStorage(wrong, new SimpleMeterRegistry())) {
      assertThatThrownBy(() -> storage.ensureAccount(SimulatedFlashBlade.unique("sess")))
          .hasMessageContaining("did not accept the API token")
          .hasMessageNotContaining("T-wrong")
          .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
    }
  }
}
