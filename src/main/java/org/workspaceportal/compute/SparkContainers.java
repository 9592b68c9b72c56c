package org.workspaceportal.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the containers of a {@link SparkCluster} from the workspace image's contract
 * (deploy/workspace-image/README.md): one image, the role and everything else by environment,
 * labels naming the cluster and role on every container, volume and network, so that a retry, a
 * restarted portal or a cleanup finds them by label.
 *
 * <p>A cluster's containers on a host share one network namespace, its <em>pod</em> (as a
 * Kubernetes pod's containers do): a tiny container that holds the cluster's address on the
 * cluster's own network and publishes the UIs the portal reaches; every role joins it, each on
 * ports of its own. Giving each container a network namespace of its own costs the engine about
 * 0.15 s more per container than joining one, one container at a time (deploy/host-setup.md), which
 * a start paid for every role. The sealing is the same: a pod holds one workspace's containers
 * only, and its network is the cluster's own.
 */
public final class SparkContainers {

  /**
   * The label every container and volume of a cluster carries: the cluster's id (the workspace's
   * id, or that of the pool cluster the workspace claimed).
   */
  public static final String WORKSPACE_LABEL = "org.workspaceportal.workspace";

  /**
   * The label naming the portal installation that made a container or volume (its id), so that a
   * portal removes as orphans only what it made itself, never another portal's on a shared host.
   */
  public static final String INSTALLATION_LABEL = "org.workspaceportal.installation";

  /** Which part of the cluster a container is: master, worker-N, notebook. */
  public static final String ROLE_LABEL = "org.workspaceportal.role";

  /** Where the notebook keeps its files inside its container (a volume). */
  public static final String NOTEBOOK_DIR = "/home/spark/work";

  /** Where the workspace's datahub (NFS file system) is mounted, when it has one. */
  public static final String DATAHUB_DIR = "/datahub";

  /** Where a worker keeps shuffle and spill files (a volume). */
  public static final String SCRATCH_DIR = "/scratch";

  /**
   * Memory a worker container needs beyond what its executors get (the worker daemon's heap and the
   * executors' overhead): a worker's limit is its executors' memory plus this.
   */
  public static final int WORKER_OVERHEAD_MB = 1024;

  /**
   * The notebook's CPU weight: four times the default of the master, the workers and every other
   * container. When a host's CPUs are contended (a cluster's JVMs all starting at once, or another
   * workspace's job) Jupyter, which the user is waiting for, gets a CPU first; its limit ({@code
   * nanoCpus}) stays what it was given.
   */
  public static final int NOTEBOOK_CPU_SHARES = 4096;

  /**
   * The ports each role listens on, at the pod's address on the cluster's network; a worker's are
   * its own ({@link #workerPort}, {@link #workerUiPort}) since the workers share the pod. Executors
   * and further Spark sessions take free ports the kernel picks.
   */
  public static final int MASTER_PORT = 7077;

  public static final int MASTER_UI_PORT = 8080;
  public static final int JUPYTER_PORT = 8888;
  public static final int DRIVER_PORT = 7079;
  public static final int BLOCK_MANAGER_PORT = 7080;
  public static final int DRIVER_UI_PORT = 4040;

  /**
   * How many processes and threads each role may have at once: the daemons' JVMs need a few hundred
   * threads, an executor's more (a worker's are its own), the notebook's kernels and driver in
   * between. A fork bomb stops there instead of at the host's limit.
   */
  public static final long MASTER_PIDS = 1024;

  public static final long WORKER_PIDS = 4096;
  public static final long NOTEBOOK_PIDS = 2048;

  /**
   * Where each role may write besides its volumes (its root file system is read-only), sized: the
   * entrypoint's settings, the user's home (Jupyter's runtime files, caches) and {@code /tmp}.
   * Spark's shuffle and spill go to the worker's scratch volume, the notebooks to theirs.
   */
  private static final Map<String, String> DAEMON_SCRATCH =
      Map.of("/opt/spark/conf", owned("1m"), "/tmp", shared("256m"), "/home/spark", owned("64m"));

  private static final Map<String, String> NOTEBOOK_SCRATCH =
      Map.of("/opt/spark/conf", owned("1m"), "/tmp", shared("512m"), "/home/spark", owned("256m"));

  /** The image's user (uid and gid 1080, its contract): the folders it owns. */
  private static String owned(String size) {
    return "size=" + size + ",uid=1080,gid=1080,mode=0755";
  }

  /**
   * {@code exec}: the JVMs unpack their compression codecs' native libraries (snappy, zstd, lz4) to
   * {@code /tmp} and load them from there; the user's code can run what it likes anyway (Python).
   */
  private static String shared(String size) {
    return "size=" + size + ",mode=1777,exec";
  }

  private SparkContainers() {}

  /** The role label of a cluster's pod: the container that holds its network namespace. */
  public static final String POD_ROLE = "pod";

  /**
   * The label naming the pod (its container id) a role's container joined: a container that joined
   * an earlier pod (removed, or made again) has lost its network and is made anew.
   */
  public static final String POD_LABEL = "org.workspaceportal.pod";

  /** The pod holds a network namespace and runs one sleeping process: it needs next to nothing. */
  static final long POD_MEMORY_BYTES = 16L * 1024 * 1024;

  static final long POD_PIDS = 8;

  /** Worker {@code n}'s RPC port (7101 for worker-1): the workers share their pod's address. */
  public static int workerPort(int n) {
    return 7100 + n;
  }

  /** Worker {@code n}'s web UI port (8101 for worker-1), reached through the master's UI. */
  public static int workerUiPort(int n) {
    return 8100 + n;
  }

  /** The deterministic name of a cluster's network on a host. */
  public static String networkName(UUID clusterId) {
    return name(clusterId, "net");
  }

  /** The cluster's network as it is made on its host. */
  public static NetworkSpec network(SparkCluster c) {
    return new NetworkSpec(
        c.network().name(), c.network().subnet(), c.network().gateway(), labelled(c.id()));
  }

  public static Map<String, String> labels(UUID clusterId, String role) {
    return Map.of(WORKSPACE_LABEL, clusterId.toString(), ROLE_LABEL, role);
  }

  /** What finds every container and volume of a cluster: its label. */
  public static Map<String, String> labelled(UUID clusterId) {
    return Map.of(WORKSPACE_LABEL, clusterId.toString());
  }

  /** The deterministic name of a container (and prefix of its volumes). */
  public static String name(UUID clusterId, String role) {
    return "wsp-" + clusterId.toString().replace("-", "").substring(0, 12) + "-" + role;
  }

  public static ContainerSpec master(SparkCluster c) {
    SparkCluster.Node m = c.master();
    List<String> env = common(c, m, "master");
    env.add("SPARK_MASTER_PORT=" + MASTER_PORT);
    env.add("SPARK_MASTER_WEBUI_PORT=" + MASTER_UI_PORT);
    return spec(c, m, env, MASTER_PIDS, List.of());
  }

  /** The signal that asks a worker to decommission itself (Spark's default for workers). */
  public static final String DECOMMISSION_SIGNAL = "PWR";

  public static ContainerSpec worker(SparkCluster c, SparkCluster.Node w) {
    List<String> env = common(c, w, "worker");
    env.add("SPARK_MASTER_URL=" + c.masterUrl());
    int n = w.number();
    env.add("SPARK_WORKER_PORT=" + workerPort(n));
    env.add("SPARK_WORKER_WEBUI_PORT=" + workerUiPort(n));
    env.add("SPARK_WORKER_CORES=" + Math.max(w.cpus(), 1));
    env.add("SPARK_WORKER_MEMORY=" + Math.max(w.memoryMb() - WORKER_OVERHEAD_MB, 512) + "m");
    env.add("SPARK_LOCAL_DIRS=" + SCRATCH_DIR);
    // SIGPWR makes the worker decommission itself: the master stops sending it work and moves
    // its executors' work elsewhere before the container goes (a cluster made smaller)
    env.add("SPARK_WORKER_OPTS=-Dspark.decommission.enabled=true");
    List<ContainerSpec.VolumeMount> mounts = new ArrayList<>();
    mounts.add(new ContainerSpec.VolumeMount(scratchVolume(c, w), SCRATCH_DIR));
    datahubMount(c, env, mounts);
    return spec(c, w, env, WORKER_PIDS, mounts);
  }

  public static ContainerSpec notebook(SparkCluster c) {
    SparkCluster.Node n = c.notebook();
    List<String> env = common(c, n, "notebook");
    env.add("JUPYTER_PORT=" + JUPYTER_PORT);
    env.add("JUPYTER_TOKEN=" + c.jupyterToken());
    env.add("NOTEBOOK_DIR=" + NOTEBOOK_DIR);
    env.add("SPARK_MASTER_URL=" + c.masterUrl());
    env.add("SPARK_DRIVER_PORT=" + DRIVER_PORT);
    env.add("SPARK_BLOCKMANAGER_PORT=" + BLOCK_MANAGER_PORT);
    env.add("SPARK_DRIVER_UI_PORT=" + DRIVER_UI_PORT);
    env.add("S3_ENDPOINT=" + c.s3().endpoint());
    env.add("S3_BUCKET=" + c.s3().bucket());
    env.add("AWS_ACCESS_KEY_ID=" + c.s3().accessKeyId());
    env.add("AWS_SECRET_ACCESS_KEY=" + c.s3().secretAccessKey());
    env.add("AWS_REGION=" + c.s3().region());
    List<ContainerSpec.VolumeMount> mounts = new ArrayList<>();
    mounts.add(new ContainerSpec.VolumeMount(notebookVolume(c), NOTEBOOK_DIR));
    datahubMount(c, env, mounts);
    return spec(c, n, env, NOTEBOOK_PIDS, mounts);
  }

  /** The volumes the cluster's containers mount, to create before them. */
  public static List<VolumeSpec> volumes(
      SparkCluster c, String scratchDriver, Map<String, String> scratchOptions) {
    List<VolumeSpec> volumes = new ArrayList<>();
    volumes.add(new VolumeSpec(notebookVolume(c), "local", Map.of(), labels(c.id(), "notebook")));
    for (SparkCluster.Node w : c.workers()) {
      volumes.add(
          new VolumeSpec(
              scratchVolume(c, w), scratchDriver, scratchOptions, labels(c.id(), w.role())));
    }
    return volumes;
  }

  /** The datahub volume, made on every host that runs the notebook or a worker; null without. */
  public static VolumeSpec datahubVolume(SparkCluster c) {
    return c.datahub() == null
        ? null
        : new VolumeSpec(
            name(c.id(), "datahub"),
            "local",
            c.datahub().volumeOptions(),
            labels(c.id(), "datahub"));
  }

  private static void datahubMount(
      SparkCluster c, List<String> env, List<ContainerSpec.VolumeMount> mounts) {
    if (c.datahub() != null) {
      mounts.add(new ContainerSpec.VolumeMount(datahubVolume(c).name(), DATAHUB_DIR));
      env.add("DATAHUB_DIR=" + DATAHUB_DIR);
    }
  }

  public static String notebookVolume(SparkCluster c) {
    return notebookVolume(c.id());
  }

  /** The volume that holds a cluster's notebook files (Jupyter's root) while it runs. */
  public static String notebookVolume(UUID clusterId) {
    return name(clusterId, "notebook") + "-work";
  }

  public static String scratchVolume(SparkCluster c, SparkCluster.Node worker) {
    return scratchVolume(c.id(), worker.role());
  }

  /** The scratch volume of a cluster's worker. */
  public static String scratchVolume(UUID clusterId, String workerRole) {
    return name(clusterId, workerRole) + "-scratch";
  }

  private static List<String> common(SparkCluster c, SparkCluster.Node node, String role) {
    List<String> env = new ArrayList<>();
    env.add("WORKSPACE_ROLE=" + role);
    env.add("SPARK_AUTH_SECRET=" + c.sparkSecret());
    env.add("SPARK_BIND_ADDRESS=" + node.address());
    return env;
  }

  /**
   * The cluster's pod on its host: its address on the cluster's network, and the only ports
   * published from outside it, on the host's address and the ports leased there: the master's UI
   * (with the workers' and the applications' UIs behind it: Spark's reverse proxy, which the image
   * turns on) and Jupyter, both for the portal's gateway. A pool cluster's pod publishes Jupyter's
   * leased port before its notebook exists: nothing answers there until a workspace claims it. It
   * runs {@code sleep} as the image's unprivileged user, hardened like every other container: a
   * tenant's code shares its network namespace but cannot signal, enter or change it (another pid
   * namespace, no capability).
   */
  public static ContainerSpec pod(SparkCluster c) {
    List<ContainerSpec.Published> ports = new ArrayList<>();
    String host = c.network().hostAddress();
    ports.add(
        new ContainerSpec.Published(host, c.master().publishedPorts().get(0), MASTER_UI_PORT));
    if (c.jupyterHostPort() > 0) {
      ports.add(new ContainerSpec.Published(host, c.jupyterHostPort(), JUPYTER_PORT));
    }
    return new ContainerSpec(
        podName(c.id()),
        c.image(),
        List.of(),
        labels(c.id(), POD_ROLE),
        c.network().name(),
        c.master().address(),
        ports,
        0,
        0,
        POD_MEMORY_BYTES,
        POD_PIDS,
        Map.of(),
        List.of(),
        List.of("sleep", "infinity"));
  }

  /** The deterministic name of a cluster's pod on a host. */
  public static String podName(UUID clusterId) {
    return name(clusterId, POD_ROLE);
  }

  /** A role's container: in its cluster's pod, nothing published of its own. */
  private static ContainerSpec spec(
      SparkCluster c,
      SparkCluster.Node node,
      List<String> env,
      long pidsLimit,
      List<ContainerSpec.VolumeMount> volumes) {
    return new ContainerSpec(
        name(c.id(), node.role()),
        c.image(),
        env,
        labels(c.id(), node.role()),
        "container:" + podName(c.id()),
        "",
        List.of(),
        Math.max(node.cpus(), 1) * 1_000_000_000L,
        node == c.notebook() ? NOTEBOOK_CPU_SHARES : 0,
        (long) node.memoryMb() * 1024 * 1024,
        pidsLimit,
        node == c.notebook() ? NOTEBOOK_SCRATCH : DAEMON_SCRATCH,
        volumes,
        List.of());
  }
}
