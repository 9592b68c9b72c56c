package org.workspaceportal.workspace;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.workspaceportal.workspace.access.WorkspaceAddresses;
import org.workspaceportal.workspace.cluster.ClusterMember;
import org.workspaceportal.workspace.cluster.ClusterMemberRepository;
import org.workspaceportal.workspace.cluster.WorkspaceCluster;
import org.workspaceportal.workspace.cluster.WorkspaceClusterRepository;
import org.workspaceportal.workspace.engine.WorkspaceStep;
import org.workspaceportal.workspace.engine.WorkspaceStepRepository;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.runtime.Endpoints;
import org.workspaceportal.workspace.runtime.Role;
import org.workspaceportal.workspace.template.WorkspaceTemplate;
import org.workspaceportal.workspace.template.WorkspaceTemplateRepository;

/**
 * Turns workspaces into the read models pages and the API show. Callers hold a (read-only)
 * transaction.
 */
@Component
class WorkspaceViews {

  private final TransitionRepository transitions;
  private final WorkspaceStepRepository steps;
  private final WorkspaceTemplateRepository templates;
  private final WorkspaceClusterRepository clusters;
  private final ClusterMemberRepository members;
  private final ClusterRuntime runtime;
  private final WorkspaceAddresses addresses;

  WorkspaceViews(
      TransitionRepository transitions,
      WorkspaceStepRepository steps,
      WorkspaceTemplateRepository templates,
      WorkspaceClusterRepository clusters,
      ClusterMemberRepository members,
      ClusterRuntime runtime,
      WorkspaceAddresses addresses) {
    this.transitions = transitions;
    this.steps = steps;
    this.templates = templates;
    this.clusters = clusters;
    this.members = members;
    this.runtime = runtime;
    this.addresses = addresses;
  }

  /**
   * Everything about one workspace: its history, the steps of its latest operations and its
   * cluster; its links (on its gateway origin) only for {@code forOwner}.
   */
  WorkspaceView detailed(Workspace w, boolean forOwner) {
    List<WorkspaceView.HistoryEntry> history =
        transitions.findByWorkspaceIdOrderByIdAsc(w.id()).stream()
            .map(Transition::toEntry)
            .toList();
    return view(
        w, templateNames().get(w.templateId()), history, latestSteps(w.id()), cluster(w, forOwner));
  }

  private ClusterView cluster(Workspace w, boolean forOwner) {
    WorkspaceCluster cluster = clusters.findByWorkspaceId(w.id()).orElse(null);
    if (cluster == null) {
      return null;
    }
    Map<String, String> where = runtime.locations(cluster.clusterId());
    List<ClusterView.Member> containers =
        members.findByClusterId(cluster.clusterId()).stream()
            .sorted(Comparator.comparing(ClusterMember::role, WorkspaceViews::byRole))
            .map(
                m -> new ClusterView.Member(m.role(), where.getOrDefault(m.role(), "-"), m.state()))
            .toList();
    ClusterView.Links links = forOwner ? links(w, cluster) : null;
    return new ClusterView(
        cluster.image(),
        w.workers(),
        cluster.workersAlive(),
        cluster.notebookReadyAt() != null,
        containers,
        links,
        cluster.fromPool(),
        cluster.imagePySpark());
  }

  /**
   * The owner's links of each of these workspaces whose notebook answers (lists show <em>Open
   * Jupyter</em> on their rows); the caller checked they are the owner's.
   */
  Map<UUID, ClusterView.Links> links(List<Workspace> owned) {
    Map<UUID, ClusterView.Links> found = new java.util.HashMap<>();
    for (Workspace w : owned) {
      clusters.findByWorkspaceId(w.id()).map(c -> links(w, c)).ifPresent(l -> found.put(w.id(), l));
    }
    return found;
  }

  /**
   * The one place the owner's links are made (Jupyter and the Spark master UI on the workspace's
   * origin on the gateway): null while the notebook has not answered or the workspace is not
   * running.
   */
  private ClusterView.Links links(Workspace w, WorkspaceCluster cluster) {
    boolean live =
        w.status() == WorkspaceStatus.PROVISIONING
            || w.status() == WorkspaceStatus.STARTING
            || w.status() == WorkspaceStatus.MOVING
            || w.status() == WorkspaceStatus.RESIZING
            || w.status() == WorkspaceStatus.READY
            || w.status() == WorkspaceStatus.DEGRADED
            || w.status() == WorkspaceStatus.REPAIRING;
    if (!live || cluster.notebookReadyAt() == null) {
      return null;
    }
    Endpoints endpoints = runtime.endpoints(cluster.clusterId()).orElse(null);
    if (endpoints == null || endpoints.notebook() == null) {
      return null;
    }
    return new ClusterView.Links(addresses.jupyter(w.id()), addresses.sparkUi(w.id()));
  }

  /** master, notebook, then workers by number. */
  private static int byRole(String a, String b) {
    return Integer.compare(rank(a), rank(b)) != 0
        ? Integer.compare(rank(a), rank(b))
        : Integer.compare(a.length(), b.length()) != 0
            ? Integer.compare(a.length(), b.length())
            : a.compareTo(b);
  }

  private static int rank(String role) {
    return role.equals(Role.MASTER) ? 0 : role.equals(Role.NOTEBOOK) ? 1 : 2;
  }

  /** Workspaces for a list: no history, no steps. */
  List<WorkspaceView> summaries(List<Workspace> found) {
    Map<UUID, String> names = templateNames();
    return found.stream().map(w -> summary(w, names.get(w.templateId()))).toList();
  }

  WorkspaceView summary(Workspace w, String templateName) {
    return view(w, templateName, List.of(), List.of(), null);
  }

  /** A workspace just requested: its only history entry is its creation. */
  WorkspaceView requested(Workspace w, String templateName) {
    return view(w, templateName, List.of(w.created(w.owner()).toEntry()), List.of(), null);
  }

  /** For each operation, the steps of its latest run, in the order they ran. */
  private List<StepView> latestSteps(UUID workspaceId) {
    List<WorkspaceStep> all = steps.findByWorkspaceIdOrderByIdAsc(workspaceId);
    Map<Operation, Integer> latestRun =
        all.stream()
            .collect(Collectors.toMap(WorkspaceStep::operation, WorkspaceStep::run, Math::max));
    return all.stream()
        .filter(s -> s.run() == latestRun.get(s.operation()))
        .sorted(Comparator.comparingLong(WorkspaceStep::id))
        .map(StepView::of)
        .toList();
  }

  /** The placements of these workspaces that wait for room on the hosts now, by workspace. */
  Map<UUID, StepView> waitingForRoom(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return steps
        .findByWorkspaceIdInAndKindAndStatus(
            ids,
            org.workspaceportal.workspace.engine.StepKind.PLACE,
            org.workspaceportal.workspace.engine.StepStatus.WAITING)
        .stream()
        .collect(Collectors.toMap(WorkspaceStep::workspaceId, StepView::of, (a, b) -> b));
  }

  /** How long each kind of step usually takes (the median of the latest that succeeded). */
  Map<org.workspaceportal.workspace.engine.StepKind, java.time.Duration> typicalDurations() {
    Map<org.workspaceportal.workspace.engine.StepKind, java.time.Duration> typical =
        new java.util.EnumMap<>(org.workspaceportal.workspace.engine.StepKind.class);
    for (Object[] row : steps.typicalMillisByKind()) {
      try {
        typical.put(
            org.workspaceportal.workspace.engine.StepKind.valueOf((String) row[0]),
            java.time.Duration.ofMillis(Math.round(((Number) row[1]).doubleValue())));
      } catch (IllegalArgumentException e) {
        // a kind this version no longer has: nothing to say about it
      }
    }
    return typical;
  }

  Map<UUID, String> templateNames() {
    return templates.findAll().stream()
        .collect(Collectors.toMap(WorkspaceTemplate::id, WorkspaceTemplate::name));
  }

  private static WorkspaceView view(
      Workspace w,
      String template,
      List<WorkspaceView.HistoryEntry> history,
      List<StepView> steps,
      ClusterView cluster) {
    return new WorkspaceView(
        w.id(),
        w.name(),
        w.description(),
        w.owner(),
        template,
        w.workers(),
        w.datahub(),
        w.retention(),
        w.expiresAt(),
        w.status(),
        w.statusReason(),
        w.createdAt(),
        w.updatedAt(),
        history,
        steps,
        cluster,
        w.bucketQuotaGiB());
  }
}
