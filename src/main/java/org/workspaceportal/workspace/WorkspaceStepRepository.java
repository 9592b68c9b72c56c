package org.workspaceportal.workspace;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface WorkspaceStepRepository extends JpaRepository<WorkspaceStep, Long> {

  List<WorkspaceStep> findByWorkspaceIdAndRunAndOperationOrderByOrdinalAsc(
      UUID workspaceId, int run, Operation operation);

  List<WorkspaceStep> findByWorkspaceIdOrderByIdAsc(UUID workspaceId);

  boolean existsByWorkspaceIdAndOperation(UUID workspaceId, Operation operation);

  /** Whether any workspace's step of this kind is in this status (a placement waiting for room). */
  boolean existsByKindAndStatus(StepKind kind, StepStatus status);

  boolean existsByWorkspaceIdAndStartedAtIsNotNull(UUID workspaceId);

  java.util.Optional<WorkspaceStep> findFirstByWorkspaceIdAndStatusOrderByIdDesc(
      UUID workspaceId, StepStatus status);
}
