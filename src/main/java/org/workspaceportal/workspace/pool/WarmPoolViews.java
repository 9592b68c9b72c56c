package org.workspaceportal.workspace.pool;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.engine.StepStatus;
import org.workspaceportal.workspace.engine.WorkspaceStep;
import org.workspaceportal.workspace.engine.WorkspaceStepRepository;

/** The warm pools as admins see them on the Templates page: each pool cluster and its progress. */
@Service
public class WarmPoolViews {

  private final PoolClusterRepository pool;
  private final WorkspaceStepRepository steps;

  WarmPoolViews(PoolClusterRepository pool, WorkspaceStepRepository steps) {
    this.pool = pool;
    this.steps = steps;
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
