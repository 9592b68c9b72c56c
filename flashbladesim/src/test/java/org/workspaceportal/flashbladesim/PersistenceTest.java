package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.node.ObjectNode;

class PersistenceTest {

  @TempDir Path dataDir;

  @Test
  void aRestartKeepsAccountsUsersKeysBucketsFileSystemsObjectsAndTheApiToken() {
    SimulatorFixtures.Tenant tenant;
    String token;
    try (var first = FlashBladeSimulator.start(SimulatorSettings.persistent(dataDir))) {
      var api = SimulatorFixtures.loggedIn(first);
      tenant = SimulatorFixtures.tenant(api);
      api.post("/file-systems?names=datahub", "{\"nfs\":{\"v4_1_enabled\":true}}");
      api.patch("/buckets?names=" + tenant.bucket(), "{\"versioning\":\"enabled\"}");
      try (S3Client s3 =
          S3Clients.forKey(first.s3Endpoint(), tenant.accessKeyId(), tenant.secret())) {
        s3.putObject(
            b -> b.bucket(tenant.bucket()).key("kept.txt"), RequestBody.fromString("still here"));
      }
      token = first.apiToken();
    }

    try (var second = FlashBladeSimulator.start(SimulatorSettings.persistent(dataDir))) {
      var api = SimulatorFixtures.loggedIn(second);

      assertThat(second.apiToken()).isEqualTo(token);
      assertThat(second.accounts())
          .extracting(SimulatedAccount::name)
          .containsExactly(tenant.account());
      assertThat(second.accessKeyIds(tenant.user())).containsExactly(tenant.accessKeyId());
      assertThat(second.buckets())
          .containsExactly(new SimulatedBucket(tenant.bucket(), tenant.account(), false));
      assertThat(second.fileSystems())
          .extracting(SimulatedFileSystem::name)
          .containsExactly("datahub");
      assertThat(
              api.get("/buckets?names=" + tenant.bucket())
                  .items()
                  .path(0)
                  .path("versioning")
                  .asString())
          .isEqualTo("enabled");
      try (S3Client s3 =
          S3Clients.forKey(second.s3Endpoint(), tenant.accessKeyId(), tenant.secret())) {
        assertThat(
                s3.getObjectAsBytes(b -> b.bucket(tenant.bucket()).key("kept.txt")).asUtf8String())
            .isEqualTo("still here");
      }
      assertThat(second.caCertificate()).isEqualTo(dataDir.resolve("ca.pem"));
      assertThat(Files.exists(dataDir.resolve("state.json"))).isTrue();
    }
  }

  @Test
  void grantedAccessPoliciesSurviveARestartAndStillRuleTheDataPlane() {
    SimulatorFixtures.Tenant tenant;
    try (var first = FlashBladeSimulator.start(SimulatorSettings.persistent(dataDir))) {
      tenant = SimulatorFixtures.tenant(SimulatorFixtures.loggedIn(first), List.of("object-write"));
    }

    try (var second = FlashBladeSimulator.start(SimulatorSettings.persistent(dataDir));
        S3Client s3 =
            S3Clients.forKey(second.s3Endpoint(), tenant.accessKeyId(), tenant.secret())) {
      s3.putObject(b -> b.bucket(tenant.bucket()).key("w"), RequestBody.fromString("w"));

      assertThat(second.users())
          .singleElement()
          .satisfies(u -> assertThat(u.policies()).containsExactly("pure:policy/object-write"));
      assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket(tenant.bucket())))
          .isInstanceOfSatisfying(
              S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }
  }

  /**
   * A state file written before access policies were simulated knows only {@code fullAccess}: a
   * user made with {@code full_access=true} keeps full access, one made without keeps none.
   */
  @Test
  void aStateFileFromBeforeAccessPoliciesStillLoadsAndKeepsFullAccess() throws Exception {
    SimulatorFixtures.Tenant full;
    String bare;
    try (var first = FlashBladeSimulator.start(SimulatorSettings.persistent(dataDir))) {
      var api = SimulatorFixtures.loggedIn(first);
      full = SimulatorFixtures.tenant(api);
      bare = full.account() + "/bare";
      api.post("/object-store-users?names=" + bare, null);
    }
    Path stateFile = dataDir.resolve("state.json");
    var state = (ObjectNode) SimulatorClient.JSON.readTree(Files.readString(stateFile));
    assertThat(state.withArray("users").valueStream())
        .allMatch(user -> user.has("policies") && user.has("fullAccess"))
        .noneMatch(user -> user.has("grants"));
    state.withArray("users").forEach(user -> ((ObjectNode) user).remove("policies"));
    Files.writeString(stateFile, SimulatorClient.JSON.writeValueAsString(state));

    try (var second = FlashBladeSimulator.start(SimulatorSettings.persistent(dataDir));
        S3Client s3 = S3Clients.forKey(second.s3Endpoint(), full.accessKeyId(), full.secret())) {
      String made = SimulatorFixtures.unique("old");
      s3.createBucket(b -> b.bucket(made));

      assertThat(second.users())
          .extracting(SimulatedUser::name, SimulatedUser::policies)
          .containsExactlyInAnyOrder(
              tuple(full.user(), List.of("pure:policy/full-access")), tuple(bare, List.of()));
      assertThat(second.buckets()).extracting(SimulatedBucket::name).contains(made);
    }
  }

  /**
   * A portal in another container reads the CA file once, at its start: a restarted simulator must
   * still present a certificate that CA signed.
   */
  @Test
  void aRestartKeepsTheCaSoThatAClientWhichReadItBeforeStillTrustsTheArray() throws Exception {
    SSLContext trustedBefore;
    String caBefore;
    try (var first = FlashBladeSimulator.start(SimulatorSettings.persistent(dataDir))) {
      trustedBefore = SimulatorClient.trusting(first.caCertificate());
      caBefore = Files.readString(first.caCertificate());
    }

    try (var second = FlashBladeSimulator.start(SimulatorSettings.persistent(dataDir))) {
      var client = new SimulatorClient(second.managementUri(), trustedBefore, "2.17");

      assertThat(Files.readString(second.caCertificate())).isEqualTo(caBefore);
      assertThat(client.login(second.apiToken()).get("/arrays").status()).isEqualTo(200);
      assertThat(Files.getPosixFilePermissions(dataDir.resolve("ca-key.pem")))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
  }

  @Test
  void theEmbeddedDefaultFallsBackToMemoryWhenItsDataDirectoryIsTaken() {
    try (var first = FlashBladeSimulator.start(SimulatorSettings.persistent(dataDir));
        var second =
            EmbeddedSimulator.startOrFallBackToMemory(SimulatorSettings.persistent(dataDir))) {
      assertThat(second.settings().dataDir()).isNull();
      assertThat(second.caCertificate()).isNotEqualTo(first.caCertificate());
      assertThat(SimulatorFixtures.loggedIn(second).get("/arrays").status()).isEqualTo(200);
    }
  }

  @Test
  void twoSimulatorsCannotShareADataDirectory() {
    try (var first = FlashBladeSimulator.start(SimulatorSettings.persistent(dataDir))) {
      assertThatThrownBy(() -> FlashBladeSimulator.start(SimulatorSettings.persistent(dataDir)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use");
      assertThat(SimulatorFixtures.loggedIn(first).get("/arrays").status()).isEqualTo(200);
    }
  }
}
