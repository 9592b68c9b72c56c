package org.workspaceportal.workspace;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface WorkspaceStepRepository extends JpaRepository<WorkspaceStep, Long> {

  List<WorkspaceStep> findByWorkspaceIdAndOperationOrderByOrdinalAsc(
      UUID workspaceId, Operation operation);

  List<WorkspaceStep> findByWorkspaceIdOrderByOperationAscOrdinalAsc(UUID workspaceId);

  boolean existsByWorkspaceIdAndOperation(UUID workspaceId, Operation operation);
}
