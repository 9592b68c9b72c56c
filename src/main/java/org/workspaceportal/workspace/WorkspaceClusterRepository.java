package org.workspaceportal.workspace;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface WorkspaceClusterRepository extends JpaRepository<WorkspaceCluster, UUID> {}
