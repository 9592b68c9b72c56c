package org.workspaceportal.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The containers of a cluster follow the workspace image's contract. */
class SparkContainersTest {

  private static final UUID ID = UUID.fromString("12345678-9abc-def0-1234-56789abcdef0");

  private static SparkCluster cluster(SparkCluster.Datahub datahub) {
    return new SparkCluster(
        ID,
        "workspace-portal/spark:4.0",
        "spark-secret",
        "jupyter-token",
        new SparkCluster.Network(
            "wsp-123456789abc-net", "10.242.7.0/24", "10.242.7.1", "192.0.2.5"),
        new SparkCluster.Node("master", 0, "10.242.7.2", List.of(20000, 20004), 1, 1024),
        List.of(
            new SparkCluster.Node("worker-1", 1, "10.242.7.2", List.of(), 2, 3072),
            new SparkCluster.Node("worker-2", 2, "10.242.7.2", List.of(), 2, 3072)),
        new SparkCluster.Node("notebook", 0, "10.242.7.2", List.of(), 1, 2048),
        new SparkCluster.S3Access("http://10.0.0.9", "b", "KEY", "s3-secret-value", "us-east-1"),
        datahub);
  }

  @Test
  void
      everyRoleJoinsItsClustersPodWhichAloneIsOnTheClustersNetworkAndPublishesWhatThePortalReaches() {
    SparkCluster c = cluster(null);
    ContainerSpec pod = SparkContainers.pod(c);
    ContainerSpec master = SparkContainers.master(c);
    ContainerSpec worker = SparkContainers.worker(c, c.workers().get(0));
    ContainerSpec notebook = SparkContainers.notebook(c);

    assertThat(pod.network()).isEqualTo("wsp-123456789abc-net");
    assertThat(pod.address()).isEqualTo("10.242.7.2");
    assertThat(pod.name()).isEqualTo("wsp-123456789abc-pod");
    assertThat(pod.published())
        .as("the master's UI and Jupyter, on the host's address, for the gateway")
        .containsExactly(
            new ContainerSpec.Published("192.0.2.5", 20000, SparkContainers.MASTER_UI_PORT),
            new ContainerSpec.Published("192.0.2.5", 20004, SparkContainers.JUPYTER_PORT));
    assertThat(pod.entrypoint()).containsExactly("sleep", "infinity");
    assertThat(pod.pidsLimit()).isPositive();
    assertThat(pod.memoryBytes()).isPositive();
    assertThat(pod.environment()).as("no secret in the pod").isEmpty();
    for (ContainerSpec spec : List.of(master, worker, notebook)) {
      assertThat(spec.network()).isEqualTo("container:wsp-123456789abc-pod");
      assertThat(spec.address()).isEmpty();
      assertThat(spec.published()).as("only the pod publishes").isEmpty();
      assertThat(spec.pidsLimit()).isPositive();
      assertThat(spec.entrypoint()).as("the image's own").isEmpty();
    }
    assertThat(SparkContainers.network(c).subnet()).isEqualTo("10.242.7.0/24");
    assertThat(c.masterUi()).isEqualTo("http://192.0.2.5:20000/");
    assertThat(c.notebookUrl()).isEqualTo("http://192.0.2.5:20004/");
  }

  @Test
  void aPoolClustersPodPublishesJupytersPortBeforeItHasANotebook() {
    SparkCluster full = cluster(null);
    SparkCluster pool =
        new SparkCluster(
            ID,
            full.image(),
            full.sparkSecret(),
            null,
            full.network(),
            full.master(),
            full.workers(),
            null,
            null,
            null);
    assertThat(SparkContainers.pod(pool).published())
        .extracting(ContainerSpec.Published::containerPort)
        .containsExactly(SparkContainers.MASTER_UI_PORT, SparkContainers.JUPYTER_PORT);
  }

  @Test
  void aClusterPlacedBeforePodsHasJupytersPortWithItsNotebook() {
    SparkCluster c =
        new SparkCluster(
            ID,
            "img",
            "s",
            "t",
            new SparkCluster.Network("n", "10.242.7.0/24", "10.242.7.1", "192.0.2.5"),
            new SparkCluster.Node("master", 0, "10.242.7.2", List.of(20000), 1, 1024),
            List.of(),
            new SparkCluster.Node("notebook", 0, "10.242.7.2", List.of(20007), 1, 2048),
            null,
            null);
    assertThat(c.jupyterHostPort()).isEqualTo(20007);
    assertThat(c.notebookUrl()).isEqualTo("http://192.0.2.5:20007/");
  }

  @Test
  void theWorkersShareTheirPodOnPortsOfTheirOwn() {
    SparkCluster c = cluster(null);
    assertThat(SparkContainers.worker(c, c.workers().get(0)).environment())
        .contains("SPARK_WORKER_PORT=7101", "SPARK_WORKER_WEBUI_PORT=8101");
    assertThat(SparkContainers.worker(c, c.workers().get(1)).environment())
        .contains("SPARK_WORKER_PORT=7102", "SPARK_WORKER_WEBUI_PORT=8102");
  }

  @Test
  void everyContainerGetsItsRoleTheSecretItsAddressAndLabels() {
    SparkCluster c = cluster(null);
    ContainerSpec master = SparkContainers.master(c);
    ContainerSpec worker = SparkContainers.worker(c, c.workers().get(0));
    ContainerSpec notebook = SparkContainers.notebook(c);

    assertThat(master.name()).isEqualTo("wsp-123456789abc-master");
    assertThat(master.environment())
        .contains(
            "WORKSPACE_ROLE=master",
            "SPARK_AUTH_SECRET=spark-secret",
            "SPARK_BIND_ADDRESS=10.242.7.2",
            "SPARK_MASTER_PORT=7077",
            "SPARK_MASTER_WEBUI_PORT=8080");
    assertThat(worker.environment())
        .contains(
            "SPARK_MASTER_URL=spark://10.242.7.2:7077",
            "SPARK_WORKER_CORES=2",
            "SPARK_WORKER_MEMORY=2048m",
            "SPARK_BIND_ADDRESS=10.242.7.2");
    assertThat(worker.nanoCpus()).isEqualTo(2_000_000_000L);
    assertThat(worker.memoryBytes()).isEqualTo(3072L << 20);
    assertThat(notebook.environment())
        .contains(
            "JUPYTER_PORT=8888",
            "JUPYTER_TOKEN=jupyter-token",
            "SPARK_BIND_ADDRESS=10.242.7.2",
            "SPARK_DRIVER_PORT=7079",
            "AWS_SECRET_ACCESS_KEY=s3-secret-value",
            "S3_BUCKET=b");
    assertThat(notebook.cpuShares())
        .as("the notebook, which the user waits for, weighs more when the CPUs are busy")
        .isEqualTo(SparkContainers.NOTEBOOK_CPU_SHARES)
        .isGreaterThan(1024);
    assertThat(master.cpuShares()).isZero();
    assertThat(worker.cpuShares()).isZero();
    assertThat(master.environment()).noneMatch(e -> e.contains("SECRET_ACCESS_KEY"));
    assertThat(worker.environment()).noneMatch(e -> e.contains("SECRET_ACCESS_KEY"));
    assertThat(notebook.labels())
        .isEqualTo(
            Map.of(
                SparkContainers.WORKSPACE_LABEL,
                ID.toString(),
                SparkContainers.ROLE_LABEL,
                "notebook"));
    assertThat(notebook.toString())
        .doesNotContain("jupyter-token")
        .doesNotContain("spark-secret")
        .doesNotContain("s3-secret-value");
  }

  @Test
  void aDatahubIsMountedInTheNotebookAndTheWorkersOnly() {
    SparkCluster c =
        cluster(
            new SparkCluster.Datahub(
                "10.0.0.9:/hub", Map.of("type", "nfs", "o", "addr=10.0.0.9", "device", ":/hub")));

    assertThat(SparkContainers.notebook(c).volumes())
        .extracting(ContainerSpec.VolumeMount::path)
        .containsExactly(SparkContainers.NOTEBOOK_DIR, SparkContainers.DATAHUB_DIR);
    assertThat(SparkContainers.worker(c, c.workers().get(0)).volumes())
        .extracting(ContainerSpec.VolumeMount::path)
        .containsExactly(SparkContainers.SCRATCH_DIR, SparkContainers.DATAHUB_DIR);
    assertThat(SparkContainers.master(c).volumes()).isEmpty();
    assertThat(SparkContainers.notebook(c).environment()).contains("DATAHUB_DIR=/datahub");
    assertThat(SparkContainers.datahubVolume(c).options()).containsEntry("type", "nfs");
  }
}
