package org.workspaceportal.workspace;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.host.CapacityService;
import org.workspaceportal.host.Placement;
import org.workspaceportal.secrets.SecretCipher;

/**
 * The warm pools' records, each change in its own short transaction (the engines are asked in
 * between, outside any). Claiming locks one READY pool cluster with {@code for update skip locked}:
 * two approvals at once, on one portal instance or two, never get the same cluster.
 */
@Component
class WarmPool {

  private static final Logger log = LoggerFactory.getLogger(WarmPool.class);

  /** The statuses in which a workspace's containers are being started. */
  private static final Set<WorkspaceStatus> STARTING =
      EnumSet.of(
          WorkspaceStatus.APPROVED,
          WorkspaceStatus.PROVISIONING,
          WorkspaceStatus.STARTING,
          WorkspaceStatus.RESIZING,
          WorkspaceStatus.REPAIRING);

  private final PoolClusterRepository pool;
  private final WorkspaceClusterRepository clusters;
  private final WorkspaceTemplateRepository templates;
  private final WorkspaceStepRepository steps;
  private final WorkspaceRepository workspaces;
  private final CapacityService capacity;
  private final ClusterPlans plans;
  private final SecretCipher cipher;
  private final Clock clock;

  WarmPool(
      PoolClusterRepository pool,
      WorkspaceClusterRepository clusters,
      WorkspaceTemplateRepository templates,
      WorkspaceStepRepository steps,
      WorkspaceRepository workspaces,
      CapacityService capacity,
      ClusterPlans plans,
      SecretCipher cipher,
      Clock clock) {
    this.pool = pool;
    this.clusters = clusters;
    this.templates = templates;
    this.steps = steps;
    this.workspaces = workspaces;
    this.capacity = capacity;
    this.plans = plans;
    this.cipher = cipher;
    this.clock = clock;
  }

  /**
   * Makes a READY pool cluster of the workspace's template its cluster, if one fits: same image,
   * sizes and number of workers, and no datahub (pool clusters mount none). Its leases, ports and
   * Spark secret become the workspace's; the notebook gets a fresh Jupyter token. Empty when
   * nothing fits or the workspace already has a cluster.
   */
  @Transactional
  Optional<UUID> claim(WorkspaceFacts ws) {
    // a workspace with a cluster record or with leases (an earlier placement) keeps what it has
    if (ws.datahub() || clusters.existsById(ws.id()) || !capacity.placementsOf(ws.id()).isEmpty()) {
      return Optional.empty();
    }
    WorkspaceTemplate t = templates.findById(ws.templateId()).orElseThrow();
    if (!t.enabled() || t.poolSize() == 0 || ws.workers() != t.defaultWorkers()) {
      return Optional.empty();
    }
    Optional<PoolCluster> found =
        pool.lockClaimable(
            t.id(), t.image(), t.defaultWorkers(), t.workerCores(), t.workerMemoryMb());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    PoolCluster claimed = found.get();
    pool.delete(claimed);
    capacity.transfer(claimed.id(), ws.id());
    clusters.save(
        new WorkspaceCluster(
            ws.id(),
            claimed.id(),
            claimed.image(),
            claimed.sparkSecretCiphertext(),
            cipher.encrypt(ClusterState.randomSecret()),
            clock.instant()));
    log.info(
        "Workspace {} claimed pool cluster {} of template {}", ws.id(), claimed.id(), t.name());
    return Optional.of(claimed.id());
  }

  /** Every pool cluster, oldest first. */
  @Transactional(readOnly = true)
  List<PoolCluster> all() {
    return pool.findAllByOrderByCreatedAtAsc();
  }

  /** Whether a workspace waits for room on the hosts: pools then give way instead of filling. */
  @Transactional(readOnly = true)
  boolean aWorkspaceWaitsForRoom() {
    return steps.existsStepOfWorkspacesIn(
        StepKind.PLACE,
        StepStatus.WAITING,
        EnumSet.of(WorkspaceStatus.PROVISIONING, WorkspaceStatus.RESIZING));
  }

  /**
   * Whether a workspace's containers are being started (provisioned, started, resized, repaired): a
   * refill then waits, because its JVMs would take the cores that workspace's notebook and daemons
   * are waiting for. One that has been at it for longer than {@code patience} since its last change
   * (an image pull, a wait for room) no longer holds refills back.
   */
  @Transactional(readOnly = true)
  boolean aWorkspaceIsStarting(Duration patience) {
    return workspaces.existsByStatusInAndUpdatedAtAfter(STARTING, clock.instant().minus(patience));
  }

  /** Every template, by id. */
  @Transactional(readOnly = true)
  Map<UUID, WorkspaceTemplate> templates() {
    return templates.findAll().stream()
        .collect(Collectors.toMap(WorkspaceTemplate::id, Function.identity()));
  }

  /** A new pool cluster for the template, with its own Spark secret; not placed yet. */
  @Transactional
  PoolCluster add(WorkspaceTemplate template) {
    return pool.save(
        new PoolCluster(template, cipher.encrypt(ClusterState.randomSecret()), clock.instant()));
  }

  /** Places the pool cluster on the hosts; throws NoCapacityException when there is no room. */
  @Transactional
  List<Placement> place(PoolCluster cluster) {
    return capacity.placePoolCluster(
        cluster.id(), plans.poolDemands(templates.findById(cluster.templateId()).orElseThrow()));
  }

  /** STARTING → READY, unless it is being claimed or is gone or leaving. */
  @Transactional
  boolean ready(UUID id) {
    return pool.lockIfFree(id)
        .filter(p -> p.state() == PoolCluster.State.STARTING)
        .map(
            p -> {
              p.ready(clock.instant());
              return true;
            })
        .orElse(false);
  }

  /** Marks it for removal, unless it is being claimed (then it is the workspace's) or gone. */
  @Transactional
  boolean removing(UUID id, String why) {
    return pool.lockIfFree(id)
        .filter(p -> p.state() != PoolCluster.State.REMOVING)
        .map(
            p -> {
              p.removing(why, clock.instant());
              return true;
            })
        .orElse(false);
  }

  /** Its containers are gone: gives back what it held and forgets it. */
  @Transactional
  void removed(UUID id) {
    capacity.release(id);
    pool.deleteById(id);
  }
}
