package org.workspaceportal.workspace;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface WorkspaceClusterRepository extends JpaRepository<WorkspaceCluster, UUID> {

  List<WorkspaceCluster> findByClusterIdIn(Collection<UUID> clusterIds);
}
