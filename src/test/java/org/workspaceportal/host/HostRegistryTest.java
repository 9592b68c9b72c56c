package org.workspaceportal.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workspaceportal.testsupport.Pause.sleep;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.HttpApi;
import org.workspaceportal.HttpApi.Auth;
import org.workspaceportal.HttpApi.Reply;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.identity.IdentityFixtures;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.testsupport.Requirement;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.testsupport.TestPki;
import org.workspaceportal.testsupport.TlsDockerEngine;
import tools.jackson.databind.JsonNode;

/**
 * The host registry against real engines: the machine's engine on its unix socket, and a second
 * dockerd over TCP with TLS and client certificates ({@link TlsDockerEngine}), registered through
 * the REST API like an admin's script would.
 */
@PortalIntegrationTest
@RequiresDocker
@ExtendWith(OutputCaptureExtension.class)
class HostRegistryTest {

  private static final String LOCAL_SOCKET = "unix:///var/run/docker.sock";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired CapacityService capacity;

  private HttpApi api;
  private Auth admin;
  private TlsDockerEngine tlsEngine;

  @BeforeEach
  void adminAndSecondEngine() {
    Requirement.require("a second Docker engine", TlsDockerEngine.whatIsMissing());
    tlsEngine = TlsDockerEngine.shared();
    tlsEngine.start();
    api = new HttpApi(port);
    IdentityFixtures.ensureBootstrapAdmin(identity);
    Reply token =
        api.post(
            "/api/v1/tokens",
            Auth.basic(PortalIntegrationTest.ADMIN_USERNAME, PortalIntegrationTest.ADMIN_PASSWORD),
            Map.of("name", "host test"));
    assertThat(token.status()).as("%s", token).isEqualTo(201);
    admin = Auth.bearer(token.json().path("token").asString());
  }

  @Test
  void bothEnginesRegisteredThroughTheApiAreUpWithTheirCapacity(CapturedOutput output) {
    JsonNode local = localHost();
    JsonNode remote = register(tlsHost(unique("tls")));

    for (JsonNode host : new JsonNode[] {local, remote}) {
      JsonNode checked =
          awaitHost(host.path("id").asString(), h -> "UP".equals(h.path("status").asString()));
      assertThat(checked.path("engineCpus").asInt()).isPositive();
      assertThat(checked.path("offeredCpus").asInt()).isEqualTo(checked.path("engineCpus").asInt());
      assertThat(checked.path("engineMemoryBytes").asLong()).isGreaterThan(256L << 20);
      assertThat(checked.path("apiVersion").asString()).isNotBlank();
      assertThat(checked.path("lastError").isNull() || checked.path("lastError").isMissingNode())
          .isTrue();
    }
    // the local engine's word on forwarding is this machine's setting (CI turns it off)
    boolean forwards;
    try {
      forwards =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_forward"))
              .strip()
              .equals("1");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(
            awaitHost(local.path("id").asString(), h -> "UP".equals(h.path("status").asString()))
                .path("ipv4Forwarding")
                .asBoolean())
        .isEqualTo(forwards);
    assertThat(remote.path("tls").asBoolean()).isTrue();
    assertThat(remote.path("address").asString())
        .as("the address in its endpoint: its own, in a network namespace of its own")
        .isEqualTo(TlsDockerEngine.shared().address());

    // the client key is a secret: never in answers, logs, or the database in clear
    Reply list = api.get("/api/v1/admin/hosts", admin);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).doesNotContain("PRIVATE KEY").doesNotContain("BEGIN CERTIFICATE");
    assertThat(output.getAll()).doesNotContain(keyBody(tlsEngine.clientKeyPem()));
    String stored =
        jdbc.queryForObject(
            "select tls_key_ciphertext from hosts where id = ?",
            String.class,
            UUID.fromString(remote.path("id").asString()));
    assertThat(stored).startsWith("v1:").doesNotContain(keyBody(tlsEngine.clientKeyPem()));
    remove(remote);
  }

  @Test
  void aCaThatDidNotSignTheEnginesCertificateGivesCertificateNotTrusted() {
    Map<String, Object> body = tlsHost(unique("wrong-ca"));
    body.put("tlsCa", TestPki.create("some-other-ca").caPem());

    JsonNode host = register(body);

    assertThat(host.path("status").asString()).isEqualTo("DOWN");
    assertThat(host.path("lastError").asString()).startsWith("certificate not trusted");
    remove(host);
  }

  @Test
  void aClientCertificateTheEngineDoesNotTrustIsRefusedClearly() {
    TestPki.Issued stranger = TestPki.create("stranger-ca").client("stranger");
    Map<String, Object> body = tlsHost(unique("bad-client"));
    body.put("tlsCert", stranger.certificatePem());
    body.put("tlsKey", stranger.privateKeyPem());

    JsonNode host = register(body);

    assertThat(host.path("status").asString()).isEqualTo("DOWN");
    assertThat(host.path("lastError").asString()).startsWith("client certificate refused");
    remove(host);
  }

  @Test
  void aMissingClientCertificateIsRefusedAtRegistrationNamingTheField() {
    Map<String, Object> body = tlsHost(unique("no-cert"));
    body.remove("tlsCert");

    Reply reply = api.post("/api/v1/admin/hosts", admin, body);

    assertThat(reply.status()).as("%s", reply).isEqualTo(400);
    assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("tlsCert");
    assertThat(reply.body()).contains("client certificate is missing");
  }

  @Test
  void aClosedPortGivesConnectionRefused() {
    Map<String, Object> body = tlsHost(unique("closed"));
    body.put("endpoint", "tcp://127.0.0.1:1");

    JsonNode host = register(body);

    assertThat(host.path("status").asString()).isEqualTo("DOWN");
    assertThat(host.path("lastError").asString()).startsWith("connection refused");
    remove(host);
  }

  @Test
  void aStoppedEngineIsDownWithinTheGraceAndUpAgainWhenItReturns() {
    JsonNode host = register(tlsHost(unique("flaky")));
    String id = host.path("id").asString();
    assertThat(host.path("status").asString()).isEqualTo("UP");

    tlsEngine.stop();
    try {
      // grace 3 s + check every 1 s in tests
      JsonNode down =
          awaitHost(id, h -> "DOWN".equals(h.path("status").asString()), Duration.ofSeconds(20));
      assertThat(down.path("lastError").asString()).contains("connection refused");
    } finally {
      tlsEngine.start();
    }
    JsonNode up =
        awaitHost(id, h -> "UP".equals(h.path("status").asString()), Duration.ofSeconds(30));
    assertThat(up.path("lastError").isNull()).isTrue();
    assertThat(audited("host.down", up.path("name").asString())).isTrue();
    assertThat(audited("host.up", up.path("name").asString())).isTrue();
    remove(up);
  }

  @Test
  void aDrainedHostSaysSoAndEveryChangeIsAudited() {
    JsonNode host = register(tlsHost(unique("drain")));
    String id = host.path("id").asString();
    String name = host.path("name").asString();

    Reply drained = api.post("/api/v1/admin/hosts/" + id + "/drain", admin, null);
    assertThat(drained.json().path("drained").asBoolean()).isTrue();
    assertThat(drained.json().path("acceptsWorkspaces").asBoolean()).isFalse();
    Reply undrained = api.post("/api/v1/admin/hosts/" + id + "/undrain", admin, null);
    assertThat(undrained.json().path("drained").asBoolean()).isFalse();

    Map<String, Object> edit = tlsHost(name);
    edit.remove("tlsCa");
    edit.remove("tlsCert");
    edit.remove("tlsKey");
    edit.put("cpus", 1);
    edit.put("labels", List.of("rack=b"));
    Reply updated = api.sendJson("PUT", "/api/v1/admin/hosts/" + id, admin, edit);
    assertThat(updated.status()).as("%s", updated).isEqualTo(200);
    assertThat(updated.json().path("offeredCpus").asInt()).isEqualTo(1);
    assertThat(updated.json().path("status").asString())
        .as("blank TLS fields keep the stored certificates")
        .isEqualTo("UP");

    remove(updated.json());
    for (String action :
        new String[] {
          "host.registered", "host.drained", "host.undrained", "host.updated", "host.removed"
        }) {
      assertThat(audited(action, name)).as(action).isTrue();
    }
  }

  @Test
  void aHostThatStillRunsWorkspacesCannotBeRemoved() {
    JsonNode host = register(tlsHost(unique("busy")));
    UUID id = UUID.fromString(host.path("id").asString());
    UUID workspace = UUID.randomUUID();
    jdbc.update(
        "insert into host_leases (host_id, workspace_id, role, cpus, memory_mb, created_at)"
            + " values (?, ?, 'worker-1', 1, 1024, now())",
        id,
        workspace);

    Reply refused = api.delete("/api/v1/admin/hosts/" + id, admin);
    assertThat(refused.status()).as("%s", refused).isEqualTo(409);
    assertThat(refused.problemType()).isEqualTo("host-in-use");
    assertThat(refused.json().path("detail").asString()).contains("still runs 1 workspace");
    JsonNode listed = api.get("/api/v1/admin/hosts/" + id, admin).json();
    assertThat(listed.path("usedCpus").asInt()).isEqualTo(1);
    assertThat(listed.path("usedMemoryMb").asInt()).isEqualTo(1024);

    jdbc.update("delete from host_leases where workspace_id = ?", workspace);
    remove(host);
  }

  /**
   * A cluster let go of a host that does not answer (moved off it): its containers there may hold
   * their ports and network when it answers again, so no new cluster gets those until nothing of
   * the cluster is left there; removing the host forgets them.
   */
  @Test
  void whatAClusterLetGoOfOnASilentHostStaysLeasedUntilNothingOfItIsThere() {
    Map<String, Object> body = tlsHost(unique("silent"));
    body.put("endpoint", "tcp://127.0.0.1:1");
    JsonNode host = register(body);
    assertThat(host.path("status").asString()).isEqualTo("DOWN");
    UUID hostId = UUID.fromString(host.path("id").asString());
    String address = host.path("address").asString();
    UUID cluster = UUID.randomUUID();
    jdbc.update(
        "insert into host_leases (host_id, workspace_id, role, cpus, memory_mb, created_at)"
            + " values (?, ?, 'master', 1, 1024, now())",
        hostId,
        cluster);
    jdbc.update(
        "insert into host_ports (address, port, host_id, workspace_id, role)"
            + " values (?, 39001, ?, ?, 'master'), (?, 39002, ?, ?, 'master')",
        address,
        hostId,
        cluster,
        address,
        hostId,
        cluster);
    jdbc.update(
        "insert into host_subnets (host_id, holder_id, subnet, created_at)"
            + " values (?, ?, '10.254.9.0/24', now())",
        hostId,
        cluster);

    capacity.release(cluster);

    assertThat(capacity.placementsOf(cluster)).as("the cluster holds nothing").isEmpty();
    assertThat(leftBehind(hostId, "host_ports p", "p.workspace_id", "p.port"))
        .containsExactly("39001", "39002");
    assertThat(leftBehind(hostId, "host_subnets s", "s.holder_id", "s.subnet"))
        .containsExactly("10.254.9.0/24");
    assertThat(capacity.releaseLeftBehind(hostId, Set.of(cluster)))
        .as("its containers are still there")
        .isEmpty();
    assertThat(leftBehind(hostId, "host_ports p", "p.workspace_id", "p.port")).hasSize(2);

    // removing the host forgets them (the host answers no more)
    remove(host);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from host_ports where host_id = ?", Long.class, hostId))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from host_left_behind where cluster_id = ?", Long.class, cluster))
        .isZero();
  }

  @Test
  void whatAClusterLeftBehindIsFreeOnceTheHostShowsNothingOfIt() {
    JsonNode host = register(tlsHost(unique("back")));
    UUID hostId = UUID.fromString(host.path("id").asString());
    UUID cluster = UUID.randomUUID();
    UUID holder = leaveBehind(host, cluster, 39003);

    capacity.releaseLeftBehindOnCleared(cluster, Set.of(UUID.randomUUID()));
    assertThat(leftBehind(hostId, "host_ports p", "p.workspace_id", "p.port"))
        .as("cleared on another host only")
        .containsExactly("39003");
    assertThat(capacity.releaseLeftBehind(hostId, Set.of(cluster)))
        .as("the host still shows some of it")
        .isEmpty();

    assertThat(capacity.releaseLeftBehind(hostId, Set.of(UUID.randomUUID())))
        .containsExactly(cluster);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from host_ports where workspace_id = ?", Long.class, holder))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from host_left_behind where holder_id = ?", Long.class, holder))
        .isZero();
    remove(host);
  }

  @Test
  void whatAClusterLeftBehindIsFreeOnceARemovalOfTheClusterClearedTheHost() {
    JsonNode host = register(tlsHost(unique("cleared")));
    UUID hostId = UUID.fromString(host.path("id").asString());
    UUID cluster = UUID.randomUUID();
    UUID holder = leaveBehind(host, cluster, 39004);

    capacity.releaseLeftBehindOnCleared(cluster, Set.of(hostId));

    assertThat(
            jdbc.queryForObject(
                "select count(*) from host_ports where workspace_id = ?", Long.class, holder))
        .isZero();
    remove(host);
  }

  /**
   * One port of the host, left behind by the cluster under a holder of its own, which it returns.
   */
  private UUID leaveBehind(JsonNode host, UUID cluster, int port) {
    UUID hostId = UUID.fromString(host.path("id").asString());
    UUID holder = UUID.randomUUID();
    jdbc.update(
        "insert into host_ports (address, port, host_id, workspace_id, role)"
            + " values (?, ?, ?, ?, 'master')",
        host.path("address").asString(),
        port,
        hostId,
        holder);
    jdbc.update(
        "insert into host_left_behind (holder_id, host_id, cluster_id, left_at)"
            + " values (?, ?, ?, now())",
        holder,
        hostId,
        cluster);
    return holder;
  }

  private List<String> leftBehind(UUID hostId, String table, String holder, String column) {
    return jdbc.queryForList(
        "select "
            + column
            + "::text from "
            + table
            + " join host_left_behind l on l.holder_id = "
            + holder
            + " where l.host_id = ? order by 1",
        String.class,
        hostId);
  }

  @Test
  void badRegistrationsAreRefusedWithTheirField() {
    Reply badEndpoint =
        api.post(
            "/api/v1/admin/hosts",
            admin,
            Map.of("name", unique("bad"), "endpoint", "http://example.org"));
    assertThat(badEndpoint.status()).isEqualTo(400);
    assertThat(badEndpoint.body()).contains("endpoint");

    Reply plainRemote =
        api.post(
            "/api/v1/admin/hosts",
            admin,
            Map.of("name", unique("bad"), "endpoint", "tcp://10.1.2.3:2375"));
    assertThat(plainRemote.status()).isEqualTo(400);
    assertThat(plainRemote.body()).contains("needs TLS");

    Map<String, Object> garbledCa = tlsHost(unique("bad"));
    garbledCa.put("tlsCa", "not a certificate");
    Reply garbled = api.post("/api/v1/admin/hosts", admin, garbledCa);
    assertThat(garbled.status()).isEqualTo(400);
    assertThat(garbled.json().path("errors").get(0).path("field").asString()).isEqualTo("tlsCa");

    Reply badName =
        api.post(
            "/api/v1/admin/hosts", admin, Map.of("name", "Bad Name!", "endpoint", LOCAL_SOCKET));
    assertThat(badName.status()).isEqualTo(400);
  }

  // ---- helpers

  private JsonNode localHost() {
    JsonNode hosts = api.get("/api/v1/admin/hosts", admin).json();
    for (JsonNode h : hosts) {
      if (LOCAL_SOCKET.equals(h.path("endpoint").asString())) {
        return h;
      }
    }
    return register(new HashMap<>(Map.of("name", unique("local"), "endpoint", LOCAL_SOCKET)));
  }

  private Map<String, Object> tlsHost(String name) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("endpoint", tlsEngine.endpoint());
    body.put("tlsCa", tlsEngine.caPem());
    body.put("tlsCert", tlsEngine.clientCertificatePem());
    body.put("tlsKey", tlsEngine.clientKeyPem());
    return body;
  }

  private JsonNode register(Map<String, Object> body) {
    Reply reply = api.post("/api/v1/admin/hosts", admin, body);
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.header("Location")).endsWith(reply.json().path("id").asString());
    return reply.json();
  }

  private void remove(JsonNode host) {
    Reply reply = api.delete("/api/v1/admin/hosts/" + host.path("id").asString(), admin);
    assertThat(reply.status()).as("%s", reply).isEqualTo(204);
  }

  private JsonNode awaitHost(String id, Predicate<JsonNode> condition) {
    return awaitHost(id, condition, Duration.ofSeconds(15));
  }

  private JsonNode awaitHost(String id, Predicate<JsonNode> condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode host = api.get("/api/v1/admin/hosts/" + id, admin).json();
    while (!condition.test(host) && Instant.now().isBefore(deadline)) {
      sleep(200);
      host = api.get("/api/v1/admin/hosts/" + id, admin).json();
    }
    assertThat(condition.test(host)).as("host %s", host).isTrue();
    return host;
  }

  private boolean audited(String action, String target) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from audit_events where action = ? and target = ?",
            Long.class,
            action,
            target);
    return n != null && n > 0;
  }

  private static String keyBody(String pem) {
    return pem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
  }

  private static String unique(String prefix) {
    return prefix + "-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
  }
}
