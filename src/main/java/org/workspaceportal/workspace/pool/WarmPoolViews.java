package org.workspaceportal.workspace.pool;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.cluster.ClusterSpecs;
import org.workspaceportal.workspace.engine.StepStatus;
import org.workspaceportal.workspace.engine.WorkspaceStep;
import org.workspaceportal.workspace.engine.WorkspaceStepRepository;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.runtime.Footprint;
import org.workspaceportal.workspace.template.TemplateView;

/**
 * The warm pools as admins see them: on the Templates page each pool cluster, its progress and why
 * a pool is short; on the template form what a pool costs.
 */
@Service
public class WarmPoolViews {

  private final PoolClusterRepository pool;
  private final WorkspaceStepRepository steps;
  private final PoolRecords records;
  private final PoolProperties properties;
  private final ClusterSpecs specs;
  private final ClusterRuntime runtime;

  WarmPoolViews(
      PoolClusterRepository pool,
      WorkspaceStepRepository steps,
      PoolRecords records,
      PoolProperties properties,
      ClusterSpecs specs,
      ClusterRuntime runtime) {
    this.pool = pool;
    this.steps = steps;
    this.records = records;
    this.properties = properties;
    this.specs = specs;
    this.runtime = runtime;
  }

  /**
   * What a pool of {@code size} clusters of these sizes holds on the hosts (a master and the
   * default workers each, no notebook), beside what the hosts offer: its cost, on the template
   * form.
   */
  public Footprint cost(int size, int defaultWorkers, int workerCores, int workerMemoryMb) {
    return runtime
        .footprint(specs.roles(defaultWorkers, workerCores, workerMemoryMb, false))
        .times(size);
  }

  /**
   * Why each template's pool holds fewer ready clusters than its size, in words for the Templates
   * page; a template whose pool is full, or that has none, is absent.
   */
  @Transactional(readOnly = true)
  public Map<UUID, String> whyShort(List<TemplateView> templates) {
    Map<UUID, WarmPoolView> now = byTemplate();
    Map<UUID, String> why = new HashMap<>();
    Boolean waits = null;
    Boolean starting = null;
    for (TemplateView t : templates) {
      WarmPoolView v = now.get(t.id());
      int ready = v == null ? 0 : v.ready();
      if (t.poolSize() == 0 || ready >= t.poolSize()) {
        continue;
      }
      if (!t.enabled()) {
        why.put(t.id(), "No pool while the template is disabled.");
        continue;
      }
      if (!t.cluster()) {
        why.put(t.id(), "A storage-only template has no cluster to keep started.");
        continue;
      }
      StepView waiting = v == null ? null : waitingStep(v);
      if (waiting != null) {
        why.put(t.id(), "Starting: " + waiting.waitingInWords() + ".");
        continue;
      }
      if (waits == null) {
        waits = records.aWorkspaceWaitsForRoom();
        starting = records.aWorkspaceIsStarting(properties.yieldFor());
      }
      if (waits) {
        why.put(
            t.id(),
            "Not refilled while a workspace waits for room on the hosts: pools give way to"
                + " people's workspaces.");
      } else if (starting) {
        why.put(
            t.id(),
            "Refilled once the workspaces being started now are up (they get the cores first).");
      } else if (v == null || v.starting() == 0) {
        why.put(t.id(), "Refilled in a moment (the pools are tended every " + every() + ").");
      }
    }
    return why;
  }

  private String every() {
    long s = properties.interval().toSeconds();
    return s < 60 ? s + " s" : s / 60 + " min";
  }

  private static StepView waitingStep(WarmPoolView v) {
    return v.clusters().stream()
        .filter(c -> c.state().equals(PoolCluster.State.STARTING.name()))
        .map(PoolClusterView::current)
        .filter(s -> s != null && s.status() == StepStatus.WAITING && s.waitingFor() != null)
        .findFirst()
        .orElse(null);
  }

  /**
   * A template's warm pool: how many of its clusters are in each state, and each one with the steps
   * of its latest operation (provisioning, or removal).
   */
  public record WarmPoolView(
      int ready, int starting, int removing, List<PoolClusterView> clusters) {}

  /**
   * @param reason why it is being removed (or why its removal failed); null otherwise
   */
  public record PoolClusterView(UUID id, String state, String reason, List<StepView> steps) {

    /** The step it is at (the first not done), or null when every step is done. */
    public StepView current() {
      return steps.stream()
          .filter(s -> s.status() != StepStatus.SUCCEEDED)
          .findFirst()
          .orElse(null);
    }
  }

  /** Each template's warm pool as it is now; a template without pool clusters is absent. */
  @Transactional(readOnly = true)
  public Map<UUID, WarmPoolView> byTemplate() {
    Map<UUID, List<PoolCluster>> byTemplate =
        pool.findAllByOrderByCreatedAtAsc().stream()
            .collect(Collectors.groupingBy(PoolCluster::templateId));
    return byTemplate.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> view(e.getValue())));
  }

  private WarmPoolView view(List<PoolCluster> clusters) {
    return new WarmPoolView(
        count(clusters, PoolCluster.State.READY),
        count(clusters, PoolCluster.State.STARTING),
        count(clusters, PoolCluster.State.REMOVING) + count(clusters, PoolCluster.State.FAILED),
        clusters.stream()
            .map(
                p -> new PoolClusterView(p.id(), p.state().name(), p.reason(), latestSteps(p.id())))
            .toList());
  }

  private static int count(List<PoolCluster> clusters, PoolCluster.State state) {
    return (int) clusters.stream().filter(p -> p.state() == state).count();
  }

  /** The steps of its latest operation, in the order they ran. */
  private List<StepView> latestSteps(UUID poolClusterId) {
    List<WorkspaceStep> all = steps.findByWorkspaceIdOrderByIdAsc(poolClusterId);
    if (all.isEmpty()) {
      return List.of();
    }
    Operation latest = all.getLast().operation();
    return all.stream()
        .filter(s -> s.operation() == latest)
        .sorted(Comparator.comparingLong(WorkspaceStep::id))
        .map(StepView::of)
        .toList();
  }
}
