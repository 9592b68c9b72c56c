package org.workspaceportal.workspace.health;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.workspace.TransitionRepository;
import org.workspaceportal.workspace.Workspace;
import org.workspaceportal.workspace.WorkspaceEvents.OrphanRemoved;
import org.workspaceportal.workspace.WorkspaceRepository;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceTransitions;
import org.workspaceportal.workspace.cluster.ClusterMember;
import org.workspaceportal.workspace.cluster.ClusterMemberRepository;
import org.workspaceportal.workspace.cluster.WorkspaceCluster;
import org.workspaceportal.workspace.cluster.WorkspaceClusterRepository;
import org.workspaceportal.workspace.pool.PoolClusterRepository;
import org.workspaceportal.workspace.runtime.Census;

/**
 * The reconciler's reads and status moves, each in its own short transaction (the engines are asked
 * in between, outside any). A move is made only if the workspace is still exactly as the reconciler
 * read it, so that a stop, a deletion or a step that ran meanwhile always wins.
 */
@Component
class ReconcilerMoves {

  /** The statuses whose containers should all run: the reconciler compares them with the hosts. */
  static final Set<WorkspaceStatus> WATCHED =
      EnumSet.of(WorkspaceStatus.READY, WorkspaceStatus.DEGRADED, WorkspaceStatus.UNREACHABLE);

  private final WorkspaceRepository workspaces;
  private final ClusterMemberRepository members;
  private final WorkspaceClusterRepository clusters;
  private final PoolClusterRepository pool;
  private final TransitionRepository history;
  private final WorkspaceTransitions transitions;
  private final ApplicationEventPublisher events;
  private final ReconcilerProperties properties;
  private final Clock clock;

  ReconcilerMoves(
      WorkspaceRepository workspaces,
      ClusterMemberRepository members,
      WorkspaceClusterRepository clusters,
      PoolClusterRepository pool,
      TransitionRepository history,
      WorkspaceTransitions transitions,
      ApplicationEventPublisher events,
      ReconcilerProperties properties,
      Clock clock) {
    this.workspaces = workspaces;
    this.members = members;
    this.clusters = clusters;
    this.pool = pool;
    this.history = history;
    this.transitions = transitions;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * A workspace as the reconciler read it, with the roles of its cluster.
   *
   * @param clusterId its cluster's
   */
  record Watched(
      UUID id, UUID clusterId, WorkspaceStatus status, Instant updatedAt, List<String> roles) {}

  /** Every watched workspace that has a cluster (storage-only ones have nothing to compare). */
  @Transactional(readOnly = true)
  List<Watched> watched() {
    return watched(workspaces.findAllById(workspaces.findIdsByStatusIn(WATCHED)));
  }

  /** The workspace as {@link #watched()} reads it, if it is watched and has a cluster. */
  @Transactional(readOnly = true)
  Optional<Watched> watched(UUID id) {
    return watched(
            workspaces.findById(id).filter(w -> WATCHED.contains(w.status())).stream().toList())
        .stream()
        .findFirst();
  }

  private List<Watched> watched(List<Workspace> found) {
    List<Watched> watched = new ArrayList<>();
    for (Workspace w : found) {
      clusters
          .findByWorkspaceId(w.id())
          .ifPresent(
              c -> {
                List<String> roles =
                    members.findByClusterId(c.clusterId()).stream()
                        .map(ClusterMember::role)
                        .toList();
                if (!roles.isEmpty()) {
                  watched.add(new Watched(w.id(), c.clusterId(), w.status(), w.updatedAt(), roles));
                }
              });
    }
    return watched;
  }

  /**
   * The status of the workspace each of these cluster ids serves: a workspace's own id, the id of
   * the cluster it has, or a warm-pool cluster not claimed yet (which counts as PROVISIONING: it is
   * being kept for a workspace to come). An id the portal does not know is absent.
   */
  @Transactional(readOnly = true)
  Map<UUID, WorkspaceStatus> statuses(Collection<UUID> ids) {
    Map<UUID, WorkspaceStatus> known = new HashMap<>();
    // pool clusters first: a claim that commits between two reads (each statement sees what has
    // committed by then) moves a cluster from the pool to a workspace, never out of sight
    pool.findAllById(ids).forEach(p -> known.put(p.id(), WorkspaceStatus.PROVISIONING));
    workspaces.findAllById(ids).forEach(w -> known.put(w.id(), w.status()));
    Map<UUID, UUID> serving = new HashMap<>();
    for (WorkspaceCluster c : clusters.findByClusterIdIn(ids)) {
      if (c.workspaceId() == null) {
        known.put(c.clusterId(), WorkspaceStatus.PROVISIONING);
      } else {
        serving.put(c.workspaceId(), c.clusterId());
      }
    }
    workspaces
        .findAllById(serving.keySet())
        .forEach(w -> known.put(serving.get(w.id()), w.status()));
    return known;
  }

  /** Moves the workspace if it is still as read; says whether it moved. */
  @Transactional
  boolean move(Watched read, WorkspaceStatus target, String reason) {
    Workspace ws = workspaces.findById(read.id()).orElse(null);
    if (ws == null || ws.status() != read.status() || !ws.updatedAt().equals(read.updatedAt())) {
      return false;
    }
    transitions.move(ws, target, "reconciled", WorkspaceTransitions.PORTAL, reason);
    return true;
  }

  /** DEGRADED, naming what does not run; its members' records say what the runtime said. */
  @Transactional
  boolean degraded(Watched read, List<Census.Absent> absent) {
    if (!move(read, WorkspaceStatus.DEGRADED, ClusterCensus.reason(absent))) {
      return false;
    }
    for (Census.Absent a : absent) {
      members
          .findById(new ClusterMember.Key(read.clusterId(), a.role()))
          .ifPresent(member -> member.seen(null, a.what(), clock.instant()));
    }
    return true;
  }

  /**
   * Starts a repair of a DEGRADED workspace, unless the portal already started as many as it may
   * within the window: then it stays DEGRADED with its reason until someone presses Repair.
   */
  @Transactional
  boolean repairAutomatically(UUID id) {
    Workspace ws = workspaces.findById(id).orElse(null);
    if (ws == null || ws.status() != WorkspaceStatus.DEGRADED) {
      return false;
    }
    long started =
        history.countMovesSince(
            id,
            WorkspaceStatus.REPAIRING,
            WorkspaceTransitions.PORTAL,
            clock.instant().minus(properties.repairWindow()));
    if (started >= properties.maxAutomaticRepairs()) {
      return false;
    }
    transitions.move(
        ws,
        WorkspaceStatus.REPAIRING,
        "repaired",
        WorkspaceTransitions.PORTAL,
        "Automatic repair "
            + (started + 1)
            + " of "
            + properties.maxAutomaticRepairs()
            + ". "
            + (ws.statusReason() == null ? "" : ws.statusReason()));
    return true;
  }

  /** Audits an orphan's removal (the event's listener writes the row in this transaction). */
  @Transactional
  void orphanRemoved(String host, String kind, String name, UUID workspaceId, WorkspaceStatus s) {
    events.publishEvent(new OrphanRemoved(host, kind, name, workspaceId, s));
  }
}
