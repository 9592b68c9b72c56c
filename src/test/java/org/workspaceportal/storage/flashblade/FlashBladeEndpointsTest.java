package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workspaceportal.storage.flashblade.ScriptedArray.items;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.storage.DataEndpoints;
import org.workspaceportal.storage.StorageException;

/** Where clients reach the data: discovered from the data VIP, or configured. */
class FlashBladeEndpointsTest {

  private final FlashBladeSimulator array = SimulatedFlashBlade.shared();

  @Test
  void theFirstDataVipIsTheS3EndpointAndNfsServerAndIsLookedUpOnce() {
    try (var storage = SimulatedFlashBlade.adapter(array)) {
      long before = array.callCount("GET", "network-interfaces");

      DataEndpoints endpoints = storage.endpoints();
      storage.endpoints();

      assertThat(endpoints)
          .isEqualTo(new DataEndpoints(URI.create("http://127.0.0.1"), "127.0.0.1"));
      assertThat(array.callCount("GET", "network-interfaces")).isEqualTo(before + 1);
    }
  }

  @Test
  void aConfiguredDataEndpointWinsWithoutAsking() {
    FlashBladeProperties properties =
        FlashBladeFixtures.withDataEndpoint(
            SimulatedFlashBlade.properties(array), array.s3Endpoint());
    long before = array.callCount("GET", "network-interfaces");
    try (var storage = new FlashBladeObjectStorage(properties, new SimpleMeterRegistry())) {
      assertThat(storage.endpoints())
          .isEqualTo(new DataEndpoints(array.s3Endpoint(), array.s3Endpoint().getHost()));
    }
    assertThat(array.callCount("GET", "network-interfaces")).isEqualTo(before);
  }

  @Test
  void onlyEnabledDataInterfacesCountAndIpv6AddressesAreBracketed() throws IOException {
    ScriptedArray scripted =
        new ScriptedArray()
            .then(
                items(
                    "{\"name\":\"mgmt\",\"address\":\"10.0.0.1\",\"enabled\":true,\"services\":[\"management\"]}",
                    "{\"name\":\"data0\",\"address\":\"10.0.0.9\",\"enabled\":false,\"services\":[\"data\"]}",
                    "{\"name\":\"data1\",\"address\":\"fd00::5\",\"enabled\":true,\"services\":[\"data\",\"replication\"]}"));
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(scripted);
      server.start();
      try (var storage =
          new FlashBladeObjectStorage(
              FlashBladeFixtures.properties(
                  server.url("/").uri(), FlashBladeFixtures.API_TOKEN, null),
              new SimpleMeterRegistry())) {
        assertThat(storage.endpoints())
            .isEqualTo(new DataEndpoints(URI.create("http://[fd00::5]"), "fd00::5"));
      }
    }
  }

  @Test
  void anArrayWithoutDataVipSaysWhatToConfigure() throws IOException {
    ScriptedArray scripted =
        new ScriptedArray()
            .then(
                items(
                    "{\"name\":\"mgmt\",\"address\":\"10.0.0.1\",\"enabled\":true,\"services\":[\"management\"]}"));
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(scripted);
      server.start();
      try (var storage =
          new FlashBladeObjectStorage(
              FlashBladeFixtures.properties(
                  server.url("/").uri(), FlashBladeFixtures.API_TOKEN, null),
              new SimpleMeterRegistry())) {
        assertThatThrownBy(storage::endpoints)
            .hasMessageContaining("portal.storage.flashblade.data-endpoint")
            .satisfies(e -> assertThat(((StorageException) e).isTransient()).isFalse());
      }
    }
  }
}
