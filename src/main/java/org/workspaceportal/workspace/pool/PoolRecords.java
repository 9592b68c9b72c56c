package org.workspaceportal.workspace.pool;

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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.workspace.WorkspaceEvents.PoolClusterRemoved;
import org.workspaceportal.workspace.WorkspaceFacts;
import org.workspaceportal.workspace.WorkspaceRepository;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.cluster.ClusterState;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepStatus;
import org.workspaceportal.workspace.engine.WorkspaceStepRepository;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.template.WorkspaceTemplate;
import org.workspaceportal.workspace.template.WorkspaceTemplateRepository;

/**
 * The warm pools' records, each change in its own short transaction. Claiming locks one READY pool
 * cluster with {@code for update skip locked}: two approvals at once, on one portal instance or
 * two, never get the same cluster.
 */
@Component
class PoolRecords {

  private static final Logger log = LoggerFactory.getLogger(PoolRecords.class);

  /** The statuses in which a workspace's containers are being started. */
  private static final Set<WorkspaceStatus> STARTING =
      EnumSet.of(
          WorkspaceStatus.APPROVED,
          WorkspaceStatus.PROVISIONING,
          WorkspaceStatus.STARTING,
          WorkspaceStatus.MOVING,
          WorkspaceStatus.RESIZING,
          WorkspaceStatus.REPAIRING);

  private final PoolClusterRepository pool;
  private final ClusterState clusters;
  private final WorkspaceTemplateRepository templates;
  private final WorkspaceStepRepository steps;
  private final WorkspaceRepository workspaces;
  private final ClusterRuntime runtime;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  PoolRecords(
      PoolClusterRepository pool,
      ClusterState clusters,
      WorkspaceTemplateRepository templates,
      WorkspaceStepRepository steps,
      WorkspaceRepository workspaces,
      ClusterRuntime runtime,
      Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.pool = pool;
    this.clusters = clusters;
    this.templates = templates;
    this.steps = steps;
    this.workspaces = workspaces;
    this.runtime = runtime;
    this.clock = clock;
  }

  /**
   * Makes a READY pool cluster of the workspace's template its cluster, if one fits: same image,
   * sizes and number of workers (pool clusters mount no datahub). The cluster, its room on the
   * hosts and its Spark secret become the workspace's; its notebook gets a fresh Jupyter token.
   * Empty when nothing fits or the workspace already has a cluster.
   */
  @Transactional
  Optional<UUID> claim(WorkspaceFacts ws) {
    if (!ws.mayClaim() || clusters.hasCluster(ws.id())) {
      return Optional.empty();
    }
    WorkspaceTemplate t = templates.findById(ws.templateId()).orElseThrow();
    Optional<PoolCluster> found =
        pool.lockClaimable(
            t.id(), t.image(), t.defaultWorkers(), t.workerCores(), t.workerMemoryMb());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    PoolCluster claimed = found.get();
    pool.delete(claimed);
    clusters.claim(claimed.id(), ws.id());
    runtime.claimed(claimed.id());
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

  /**
   * A new pool cluster of the template (STARTING: its job provisions it), with its cluster record
   * and its own Spark secret.
   */
  @Transactional
  PoolCluster add(WorkspaceTemplate template) {
    UUID id = UUID.randomUUID();
    clusters.createForPool(id, template.image());
    return pool.save(new PoolCluster(id, template, clock.instant()));
  }

  /**
   * Marks it for teardown, unless it is being claimed (then it is the workspace's) or gone; the
   * audit trail gets the pool's size before and after, and whether it gave way to a workspace.
   */
  @Transactional
  boolean removing(UUID id, String why, boolean gaveWay) {
    return pool.lockIfFree(id)
        .filter(
            p -> p.state() != PoolCluster.State.REMOVING && p.state() != PoolCluster.State.FAILED)
        .map(
            p -> {
              int before = activeOf(p.templateId());
              p.removing(why, clock.instant());
              String template =
                  templates.findById(p.templateId()).map(WorkspaceTemplate::name).orElse("?");
              events.publishEvent(
                  new PoolClusterRemoved(template, p.id(), why, gaveWay, before, before - 1));
              return true;
            })
        .orElse(false);
  }

  /** How many of the template's pool clusters are READY or STARTING. */
  private int activeOf(UUID templateId) {
    return (int)
        pool.findAllByOrderByCreatedAtAsc().stream()
            .filter(
                c ->
                    c.templateId().equals(templateId)
                        && (c.state() == PoolCluster.State.READY
                            || c.state() == PoolCluster.State.STARTING))
            .count();
  }

  /** A pool cluster whose teardown failed, tried again. */
  @Transactional
  boolean retryTeardown(UUID id) {
    return pool.lockIfFree(id)
        .filter(p -> p.state() == PoolCluster.State.FAILED)
        .map(
            p -> {
              p.removing("removing it again: " + p.reason(), clock.instant());
              return true;
            })
        .orElse(false);
  }
}
