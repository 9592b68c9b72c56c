package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileSystemsApiTest {

  private final FlashBladeSimulator simulator = SimulatorFixtures.shared();
  private final SimulatorClient api = SimulatorFixtures.loggedIn(simulator);

  @Test
  void aDatahubFileSystemIsCreatedWithItsNfsSettings() {
    String name = SimulatorFixtures.unique("datahub");

    var created =
        api.post(
            "/file-systems?names=" + name,
            """
            {"provisioned": 1099511627776, "hard_limit_enabled": true,
             "nfs": {"v3_enabled": true, "v4_1_enabled": false, "rules": "127.0.0.1(rw,no_root_squash)"}}\
            """);
    var duplicate = api.post("/file-systems?names=" + name, "{}");

    assertThat(created.status()).isEqualTo(200);
    var item = created.items().path(0);
    assertThat(item.path("provisioned").asLong()).isEqualTo(1099511627776L);
    assertThat(item.path("nfs").path("v3_enabled").asBoolean()).isTrue();
    assertThat(item.path("nfs").path("v4_1_enabled").asBoolean()).isFalse();
    assertThat(item.path("nfs").path("rules").asString()).isEqualTo("127.0.0.1(rw,no_root_squash)");
    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(simulator.fileSystems())
        .contains(
            new SimulatedFileSystem(
                name, false, 1099511627776L, true, false, "127.0.0.1(rw,no_root_squash)"));
  }

  @Test
  void aFileSystemWithoutRulesGetsTheArrayDefault() {
    String name = SimulatorFixtures.unique("fs");

    var created = api.post("/file-systems?names=" + name, null);

    assertThat(created.items().path(0).path("nfs").path("rules").asString())
        .isEqualTo("*(rw,no_root_squash)");
    assertThat(created.items().path(0).path("provisioned").isNull()).isTrue();
  }

  @Test
  void aFileSystemMustBeDestroyedBeforeItIsDeleted() {
    String name = SimulatorFixtures.unique("fs");
    api.post("/file-systems?names=" + name, "{\"nfs\":{\"v3_enabled\":true}}");

    var tooEarly = api.delete("/file-systems?names=" + name);
    var destroyed =
        api.patch(
            "/file-systems?names=" + name,
            "{\"destroyed\":true,\"nfs\":{\"v3_enabled\":false,\"v4_1_enabled\":false}}");
    var listed = api.get("/file-systems?destroyed=true&names=" + name);
    var deleted = api.delete("/file-systems?names=" + name);

    assertThat(tooEarly.status()).isEqualTo(400);
    assertThat(destroyed.items().path(0).path("destroyed").asBoolean()).isTrue();
    assertThat(destroyed.items().path(0).path("nfs").path("v3_enabled").asBoolean()).isFalse();
    assertThat(listed.items()).hasSize(1);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(simulator.fileSystems()).extracting(SimulatedFileSystem::name).doesNotContain(name);
  }

  @Test
  void unknownNfsFieldsAreRefused() {
    var reply =
        api.post(
            "/file-systems?names=" + SimulatorFixtures.unique("fs"),
            "{\"nfs\":{\"enabled\":true}}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.firstError()).contains("enabled");
  }
}
