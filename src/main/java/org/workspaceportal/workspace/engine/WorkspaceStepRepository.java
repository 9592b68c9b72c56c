package org.workspaceportal.workspace.engine;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.WorkspaceStatus;

public interface WorkspaceStepRepository extends JpaRepository<WorkspaceStep, Long> {

  List<WorkspaceStep> findByWorkspaceIdAndRunAndOperationOrderByOrdinalAsc(
      UUID workspaceId, int run, Operation operation);

  List<WorkspaceStep> findByWorkspaceIdOrderByIdAsc(UUID workspaceId);

  boolean existsByWorkspaceIdAndOperation(UUID workspaceId, Operation operation);

  /**
   * Whether a workspace in one of these statuses has a step of this kind in this status (a
   * placement waiting for room); the steps of workspaces that moved on (failed, deleted) do not
   * count.
   */
  @Query(
      "select count(s) > 0 from WorkspaceStep s, Workspace w where s.workspaceId = w.id"
          + " and s.kind = :kind and s.status = :status and w.status in :workspaceStatuses")
  boolean existsStepOfWorkspacesIn(
      StepKind kind, StepStatus status, Collection<WorkspaceStatus> workspaceStatuses);

  boolean existsByWorkspaceIdAndStartedAtIsNotNull(UUID workspaceId);

  /** The steps of these workspaces of one kind in one status (placements waiting for room). */
  List<WorkspaceStep> findByWorkspaceIdInAndKindAndStatus(
      Collection<UUID> workspaceIds, StepKind kind, StepStatus status);

  /**
   * How long each kind of step usually takes: the median, in milliseconds, of those that succeeded
   * lately (the latest 200 of each kind), as rows of kind and milliseconds.
   */
  @Query(
      value =
          "select kind, percentile_cont(0.5) within group (order by ms) from ("
              + " select kind, extract(epoch from finished_at - started_at) * 1000 as ms,"
              + " row_number() over (partition by kind order by id desc) as n"
              + " from workspace_steps where status = 'SUCCEEDED'"
              + " and started_at is not null and finished_at is not null) latest"
              + " where n <= 200 group by kind",
      nativeQuery = true)
  List<Object[]> typicalMillisByKind();

  Optional<WorkspaceStep> findFirstByWorkspaceIdAndStatusOrderByIdDesc(
      UUID workspaceId, StepStatus status);
}
