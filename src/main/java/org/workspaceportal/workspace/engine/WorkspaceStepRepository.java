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

  Optional<WorkspaceStep> findFirstByWorkspaceIdAndStatusOrderByIdDesc(
      UUID workspaceId, StepStatus status);
}
