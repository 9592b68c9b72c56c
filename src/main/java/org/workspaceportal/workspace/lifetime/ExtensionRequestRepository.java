package org.workspaceportal.workspace.lifetime;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExtensionRequestRepository extends JpaRepository<ExtensionRequest, UUID> {

  boolean existsByWorkspaceIdAndStatus(UUID workspaceId, ExtensionRequest.Status status);

  Optional<ExtensionRequest> findFirstByWorkspaceIdOrderByCreatedAtDesc(UUID workspaceId);

  List<ExtensionRequest> findByStatusOrderByCreatedAtAsc(ExtensionRequest.Status status);

  long countByStatus(ExtensionRequest.Status status);
}
