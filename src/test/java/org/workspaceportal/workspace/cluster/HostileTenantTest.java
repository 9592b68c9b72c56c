package org.workspaceportal.workspace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.compute.ClusterProbe;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.access.WorkspaceAddresses;
import org.workspaceportal.workspace.access.WorkspaceDoor;
import org.workspaceportal.workspace.access.WorkspaceDoors;
import org.workspaceportal.workspace.template.TemplateService;
import tools.jackson.databind.JsonNode;

/**
 * A data scientist runs arbitrary code in her notebook (a terminal, a kernel) and on her workers
 * (her executors). Each test is one attack, from inside her containers as her code runs there (the
 * image's unprivileged user), and must fail: nothing outside her own workspace is within reach. Her
 * own use must keep working. Two real workspaces on the machine's engine: hers and bob's.
 */
@PortalIntegrationTest
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileTenantTest {

  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired FlashBladeSimulator simulator;
  @Autowired Environment environment;
  @Autowired WorkspaceAddresses origins;
  @Autowired WorkspaceDoors doors;
  @Autowired ClusterProbe probe;

  private LiveWorkspaces alice;
  private LiveWorkspaces bob;
  private WorkspaceView hers;
  private WorkspaceView his;

  @BeforeAll
  void twoWorkspaces() {
    alice = LiveWorkspaces.ofThisCheckout(workspaces, templates, identity, jdbc);
    bob = LiveWorkspaces.ofThisCheckout(workspaces, templates, identity, jdbc);
    hers = alice.ready("hostile", 1);
    his = bob.ready("victim", 1);
  }

  @AfterAll
  void leaveNothingBehind() {
    alice.cleanUp();
    bob.cleanUp();
  }

  @Test
  void herCodeCannotReachThePortalsDatabase() {
    int port = URI.create(environment.getProperty("spring.datasource.url").substring(5)).getPort();
    for (String from : herContainers()) {
      assertClosed(from, "127.0.0.1", port);
      assertClosed(from, gatewayOf(hers.id()), port);
    }
  }

  @Test
  void herCodeCannotReachTheWorkspaceGatewaysPort() {
    // the port in the workspaces' links: the one the gateway listens on (loopback in the tests)
    int bound = URI.create(origins.jupyter(hers.id())).getPort();
    assertThat(bound).isPositive();
    for (String from : herContainers()) {
      assertClosed(from, "127.0.0.1", bound);
      assertClosed(from, gatewayOf(hers.id()), bound);
    }
  }

  @Test
  void herCodeCannotReachTheStorageArraysManagementApi() {
    int port = simulator.managementUri().getPort();
    for (String from : herContainers()) {
      assertClosed(from, "127.0.0.1", port);
      assertClosed(from, gatewayOf(hers.id()), port);
    }
  }

  @Test
  void herCodeCannotReachAnotherWorkspacesMasterWorkersOrNotebook() {
    // his pod's address, where all his roles listen
    String pod = address(subnetOf(his.id()), 2);
    for (String from : herContainers()) {
      assertClosed(from, pod, SparkContainers.MASTER_PORT);
      assertClosed(from, pod, SparkContainers.MASTER_UI_PORT);
      assertClosed(from, pod, SparkContainers.JUPYTER_PORT);
      assertClosed(from, pod, SparkContainers.workerPort(1));
    }
  }

  @Test
  void herCodeCannotReachAnotherWorkspacesPublishedNotebook() {
    List<Integer> published =
        jdbc.queryForList(
            // both ports his pod publishes, leased with his master: the master's UI and Jupyter
            "select p.port from host_ports p join workspace_clusters c on c.cluster_id ="
                + " p.workspace_id where c.workspace_id = ? and p.role = 'master' order by p.port",
            Integer.class,
            his.id());
    assertThat(published).hasSize(2);
    for (String from : herContainers()) {
      for (int port : published) {
        assertClosed(from, "127.0.0.1", port);
        assertClosed(from, gatewayOf(hers.id()), port);
      }
    }
  }

  /**
   * His master's UI is the one Spark port Docker publishes (on the host's address in production,
   * where anyone on the hosts' network reaches it). Whoever reaches it without his cluster's secret
   * gets nothing: not unsigned, not with a forged signature, not signed with her own cluster's
   * secret (which her code can read), not through the master's proxy to his worker.
   */
  @Test
  void anotherWorkspacesPublishedSparkUiAnswersOnlyItsOwnSecret() {
    WorkspaceDoor hisDoor = doors.byId(his.id()).orElseThrow();
    WorkspaceDoor herDoor = doors.byId(hers.id()).orElseThrow();
    assertThat(probe.status(hisDoor.sparkUi())).isEqualTo(403);
    assertThat(probe.status(hisDoor.sparkUi() + "json/")).isEqualTo(403);
    assertThat(probe.status(hisDoor.sparkUi() + "proxy/worker-1/")).isEqualTo(403);
    assertThat(probe.masterStatus(hisDoor.sparkUi(), herDoor.sparkKey()))
        .as("signed with her own cluster's secret")
        .isNull();
    assertThat(probe.masterStatus(hisDoor.sparkUi(), "forged-" + herDoor.sparkKey())).isNull();
    assertThat(probe.masterStatus(hisDoor.sparkUi(), hisDoor.sparkKey()))
        .as("the portal, signing with his secret, still reads it")
        .isNotNull();
  }

  @Test
  void herKeyCannotCreateABucketThatWouldOutliveHerWorkspace() {
    NotebookContainer notebook =
        new NotebookContainer(SparkContainers.name(clusterOf(hers.id()), "notebook"));
    DockerCli.Result created =
        notebook.bash(
            Duration.ofSeconds(60),
            "curl -s -o /dev/null -w '%{http_code}' --aws-sigv4 \"aws:amz:$AWS_REGION:s3\""
                + " --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\""
                + " -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD'"
                + " -X PUT \"${S3_ENDPOINT%/}/stolen-$(date +%s)\"");
    assertThat(created.output().strip()).as(created.output()).isEqualTo("403");
  }

  @Test
  void herContainersHaveNoCapabilityAndCannotGainOne() {
    for (String from : herContainers()) {
      DockerCli.Result status = DockerCli.run("exec", from, "cat", "/proc/self/status");
      assertThat(status.output())
          .contains("CapEff:\t0000000000000000")
          .contains("CapBnd:\t0000000000000000")
          .contains("NoNewPrivs:\t1");
    }
  }

  @Test
  void herContainersHaveNoSetuidProgramAndNoCompilerToBuildOneWith() {
    for (String from : herContainers()) {
      DockerCli.Result found =
          DockerCli.run(
              "exec",
              from,
              "bash",
              "-c",
              "find / -xdev -type f -perm /6000 2>/dev/null; for t in gcc cc c++ as ld; do"
                  + " command -v $t; done; echo checked");
      assertThat(found.output().strip()).as(from).isEqualTo("checked");
    }
  }

  @Test
  void aForkBombOnHerWorkerStopsAtItsProcessLimit() {
    String worker = SparkContainers.name(clusterOf(hers.id()), "worker-1");
    DockerCli.Result bomb =
        DockerCli.run(
            "exec",
            worker,
            "python3",
            "-c",
            String.join(
                "\n",
                "import os, signal, time",
                "pids = []",
                "try:",
                "    while len(pids) < 6000:",
                "        pid = os.fork()",
                "        if pid == 0:",
                "            time.sleep(60)",
                "            os._exit(0)",
                "        pids.append(pid)",
                "except OSError as e:",
                "    print('refused:', e.strerror)",
                "print('started=%d' % len(pids))",
                "for f in ('/sys/fs/cgroup/pids.max', '/sys/fs/cgroup/pids/pids.max'):",
                "    if os.path.exists(f):",
                "        print('limit=' + open(f).read().strip())",
                "for p in pids:",
                "    os.kill(p, signal.SIGKILL)"));
    String started =
        bomb.output()
            .lines()
            .filter(l -> l.startsWith("started="))
            .findFirst()
            .orElseThrow(() -> new AssertionError(bomb.output()));
    int n = Integer.parseInt(started.substring("started=".length()));
    assertThat(n)
        .as("processes the bomb got before the worker's limit refused more")
        .isLessThan((int) SparkContainers.WORKER_PIDS);
    assertThat(bomb.output())
        .contains("refused: Resource temporarily unavailable")
        .contains("limit=" + SparkContainers.WORKER_PIDS);
  }

  @Test
  void herOwnClusterStillRunsHerJobsOnHerBucket() {
    NotebookContainer notebook =
        new NotebookContainer(SparkContainers.name(clusterOf(hers.id()), "notebook"));
    DockerCli.Result job =
        notebook.bash(
            Duration.ofMinutes(4),
            "spark-submit --name hers" + NotebookContainer.SMALL_JOB + "hers 2>/tmp/driver.log");
    assertThat(job.exitCode()).as(job.output() + notebook.tail("/tmp/driver.log")).isZero();
    JsonNode result = NotebookContainer.resultOf(job.output());
    assertThat(result.get("check").get("passed").asBoolean()).as(result.toString()).isTrue();
  }

  @Test
  void theSparkDaemonsRunEncryptedWithUisThatKillNoJobAndDumpNoThreads() {
    UUID cluster = clusterOf(his.id());
    for (String role : List.of("master", "worker-1")) {
      DockerCli.Result java =
          DockerCli.run(
              "exec", SparkContainers.name(cluster, role), "ps", "-o", "args=", "-C", "java");
      assertThat(java.output())
          .as(role)
          .contains("-Dspark.network.crypto.enabled=true")
          .contains("-Dspark.ui.killEnabled=false")
          .contains("-Dspark.ui.threadDumpsEnabled=false");
    }
    DockerCli.Result driver =
        DockerCli.run(
            "exec",
            SparkContainers.name(cluster, "notebook"),
            "bash",
            "-c",
            "grep -E '^spark\\.(network\\.crypto\\.enabled|ui\\.killEnabled)'"
                + " $SPARK_CONF_DIR/spark-defaults.conf");
    assertThat(driver.output())
        .containsPattern("spark.network.crypto.enabled\\s+true")
        .containsPattern("spark.ui.killEnabled\\s+false");
  }

  @Test
  void herKernelsTalkToTheirServerOverUnixSocketsNotTcpPorts() {
    NotebookContainer notebook =
        new NotebookContainer(SparkContainers.name(clusterOf(hers.id()), "notebook"));
    DockerCli.Result kernel =
        notebook.bash(
            Duration.ofMinutes(1),
            // as the gateway does it: a signed request, with Jupyter's XSRF cookie and header
            SIGN_AS_THE_GATEWAY
                + "B=http://$SPARK_BIND_ADDRESS:$JUPYTER_PORT;"
                + " curl -s -c /tmp/cj -H \"X-Workspace-Identity: $SIG\" $B/tree >/dev/null;"
                + " X=$(awk '$6==\"_xsrf\"{print $7}' /tmp/cj);"
                + " curl -s -b /tmp/cj -H \"X-Workspace-Identity: $SIG\" -H \"X-XSRFToken: $X\""
                + " -X POST -H 'Content-Type: application/json' -d '{}' $B/api/kernels"
                + " >/dev/null; sleep 3; python3 -c \"import glob, json, os;"
                + " files = glob.glob(os.path.expanduser('~/.local/share/jupyter/runtime/kernel-*.json'));"
                + " print('kernels=%d' % len(files));"
                + " print(sorted({json.load(open(f))['transport'] for f in files}))\"");
    assertThat(kernel.output()).as(kernel.output()).doesNotContain("kernels=0").contains("['ipc']");
  }

  /**
   * Sets SIG to what the gateway puts on a request to her Jupyter: she can compute it, with the key
   * in her notebook's environment, for her own Jupyter only.
   */
  private static final String SIGN_AS_THE_GATEWAY =
      "SIG=$(python3 -c \"import hashlib, hmac, os, time; s = 'her;%d' % (time.time() + 60);"
          + " print(s + ';' + hmac.new(os.environ['JUPYTER_TOKEN'].encode(), s.encode(),"
          + " hashlib.sha256).hexdigest())\"); ";

  @Test
  void aJupyterTokenOpensNothingOnlyTheGatewaysSignatureDoes() {
    NotebookContainer notebook =
        new NotebookContainer(SparkContainers.name(clusterOf(hers.id()), "notebook"));
    DockerCli.Result tried =
        notebook.bash(
            Duration.ofMinutes(1),
            SIGN_AS_THE_GATEWAY
                + "B=http://$SPARK_BIND_ADDRESS:$JUPYTER_PORT;"
                + " echo token=$(curl -s -o /dev/null -w '%{http_code}' \"$B/api/status?token=$JUPYTER_TOKEN\");"
                + " echo header=$(curl -s -o /dev/null -w '%{http_code}' -H \"Authorization: token $JUPYTER_TOKEN\" $B/api/status);"
                + " echo login=$(curl -s -o /dev/null -w '%{http_code}' -X POST -d \"password=$JUPYTER_TOKEN\" $B/login);"
                + " echo forged=$(curl -s -o /dev/null -w '%{http_code}' -H \"X-Workspace-Identity: her;9999999999;00\" $B/api/status);"
                + " echo metrics=$(curl -s -o /dev/null -w '%{http_code}' $B/metrics);"
                + " echo page=$(curl -s -H \"X-Workspace-Identity: $SIG\" $B/tree | grep -c \"$JUPYTER_TOKEN\");"
                + " echo signed=$(curl -s -o /dev/null -w '%{http_code}' -H \"X-Workspace-Identity: $SIG\" $B/api/status)");
    assertThat(tried.output())
        .as(tried.output())
        .contains("token=403", "header=403", "login=403", "forged=403", "signed=200")
        .as("Jupyter's pages carry no token (its own is empty), its metrics need a signature")
        .contains("metrics=403", "page=0");
  }

  /** Her notebook (her kernels and terminals) and her worker (her executors). */
  private List<String> herContainers() {
    UUID cluster = clusterOf(hers.id());
    return List.of(
        SparkContainers.name(cluster, "notebook"), SparkContainers.name(cluster, "worker-1"));
  }

  private UUID clusterOf(UUID workspaceId) {
    return jdbc.queryForObject(
        "select cluster_id from workspace_clusters where workspace_id = ?",
        UUID.class,
        workspaceId);
  }

  private String subnetOf(UUID workspaceId) {
    return jdbc.queryForObject(
        "select subnet from host_subnets where holder_id = ?",
        String.class,
        clusterOf(workspaceId));
  }

  private String gatewayOf(UUID workspaceId) {
    return address(subnetOf(workspaceId), 1);
  }

  private static String address(String subnet, int n) {
    String base = subnet.substring(0, subnet.indexOf('/'));
    return base.substring(0, base.lastIndexOf('.') + 1) + n;
  }

  /** A TCP connection from inside the container to host:port is refused or never answered. */
  private static void assertClosed(String container, String host, int port) {
    assertThat(new NotebookContainer(container).opens(host, port))
        .as(
            "%s reaching %s:%d (a workspace network reaches another only if this machine forwards"
                + " between them: IP forwarding must be off where no firewall isolates the bridges,"
                + " deploy/host-setup.md)",
            container, host, port)
        .isFalse();
  }
}
