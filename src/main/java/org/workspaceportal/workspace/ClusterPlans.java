package org.workspaceportal.workspace;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.workspaceportal.compute.SparkCluster;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.host.CapacityService;
import org.workspaceportal.host.Demand;
import org.workspaceportal.host.Placement;
import org.workspaceportal.secrets.SecretCipher;
import org.workspaceportal.storage.FileSystemMount;
import org.workspaceportal.storage.ObjectStorage;

/**
 * What a workspace's cluster needs from the hosts, and the cluster as it is to run, put together
 * from the template, the placements and the storage credentials. Outside any transaction.
 */
@Component
class ClusterPlans {

  static final String MASTER = "master";
  static final String NOTEBOOK = "notebook";

  /** Ports per role: master RPC and UI; worker RPC and UI; notebook, driver, blocks, driver UI. */
  private static final int MASTER_PORTS = 2;

  private static final int WORKER_PORTS = 2;
  private static final int NOTEBOOK_PORTS = 4;

  private final WorkspaceTemplateRepository templates;
  private final WorkspaceStorageRepository storage;
  private final ClusterState state;
  private final CapacityService capacity;
  private final SecretCipher cipher;
  private final ObjectStorage objectStorage;
  private final org.workspaceportal.storage.BucketAccessCheck region;
  private final ClusterProperties properties;

  ClusterPlans(
      WorkspaceTemplateRepository templates,
      WorkspaceStorageRepository storage,
      ClusterState state,
      CapacityService capacity,
      SecretCipher cipher,
      ObjectStorage objectStorage,
      org.workspaceportal.storage.BucketAccessCheck region,
      ClusterProperties properties) {
    this.templates = templates;
    this.storage = storage;
    this.state = state;
    this.capacity = capacity;
    this.cipher = cipher;
    this.objectStorage = objectStorage;
    this.region = region;
    this.properties = properties;
  }

  static String worker(int i) {
    return "worker-" + i;
  }

  /** The number in a worker's role ({@code worker-3} is 3); 0 for the master and the notebook. */
  static int workerNumber(String role) {
    return role.startsWith("worker-") ? Integer.parseInt(role.substring("worker-".length())) : 0;
  }

  /**
   * Master first, then the notebook, then the workers (spread over the hosts): only workers reserve
   * cores, everything reserves its memory (a worker: what its executors get, plus the daemon's).
   */
  List<Demand> demands(WorkspaceTemplate template, int workers) {
    List<Demand> demands = new java.util.ArrayList<>();
    demands.add(new Demand(MASTER, 0, properties.masterMemoryMb(), MASTER_PORTS, false));
    demands.add(new Demand(NOTEBOOK, 0, properties.notebookMemoryMb(), NOTEBOOK_PORTS, false));
    for (int i = 1; i <= workers; i++) {
      demands.add(
          new Demand(
              worker(i),
              template.workerCores(),
              template.workerMemoryMb() + SparkContainers.WORKER_OVERHEAD_MB,
              WORKER_PORTS,
              true));
    }
    return demands;
  }

  WorkspaceTemplate template(WorkspaceFacts ws) {
    return templates.findById(ws.templateId()).orElseThrow();
  }

  /** The cluster as placed, with its secrets decrypted: for the container and readiness steps. */
  SparkCluster cluster(WorkspaceFacts ws) {
    WorkspaceCluster cluster = state.cluster(ws.id()).orElseThrow();
    Map<String, Placement> placed =
        capacity.placementsOf(ws.id()).stream()
            .collect(Collectors.toMap(Placement::role, Function.identity()));
    WorkspaceStorage s = storage.findById(ws.id()).orElseThrow();
    return new SparkCluster(
        cluster.clusterId(),
        cluster.image(),
        cipher.decrypt(cluster.sparkSecretCiphertext()),
        cipher.decrypt(cluster.jupyterTokenCiphertext()),
        node(placed.get(MASTER)),
        workers(placed, ws.workers()),
        node(placed.get(NOTEBOOK)),
        new SparkCluster.S3Access(
            s.s3Endpoint(),
            s.bucket(),
            s.accessKeyId(),
            cipher.decrypt(s.secretCiphertext()),
            region.region()),
        datahub(s));
  }

  /** How the hosts mount the workspace's datahub, when it has one. */
  private SparkCluster.Datahub datahub(WorkspaceStorage s) {
    if (s.datahub() == null) {
      return null;
    }
    FileSystemMount mount = objectStorage.mountOf(s.datahub());
    return new SparkCluster.Datahub(mount.source(), mount.volumeOptions());
  }

  /** A pool cluster's demands: the master and the template's default workers, no notebook. */
  List<Demand> poolDemands(WorkspaceTemplate template) {
    return demands(template, template.defaultWorkers()).stream()
        .filter(d -> !NOTEBOOK.equals(d.role()))
        .toList();
  }

  /** A pool cluster as placed: master and workers with its own secret, nothing of any user. */
  SparkCluster poolCluster(PoolCluster pool) {
    Map<String, Placement> placed = placements(pool.id());
    return new SparkCluster(
        pool.id(),
        pool.image(),
        cipher.decrypt(pool.sparkSecretCiphertext()),
        null,
        node(placed.get(MASTER)),
        workers(placed, pool.workers()),
        null,
        null,
        null);
  }

  /** Where each role was placed. */
  Map<String, Placement> placements(UUID workspaceId) {
    return capacity.placementsOf(workspaceId).stream()
        .collect(Collectors.toMap(Placement::role, Function.identity()));
  }

  /** Workers 1 to {@code n} as placed. */
  private List<SparkCluster.Node> workers(Map<String, Placement> placed, int n) {
    return java.util.stream.IntStream.rangeClosed(1, n)
        .mapToObj(i -> node(placed.get(worker(i))))
        .toList();
  }

  private SparkCluster.Node node(Placement p) {
    if (p == null) {
      throw new IllegalStateException("a role of the cluster has no placement");
    }
    int memory = p.memoryMb();
    int cpus = p.cpus() > 0 ? p.cpus() : MASTER.equals(p.role()) ? 1 : properties.notebookCpus();
    return new SparkCluster.Node(p.role(), p.address(), p.ports(), cpus, memory);
  }
}
