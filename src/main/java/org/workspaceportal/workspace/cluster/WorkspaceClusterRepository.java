package org.workspaceportal.workspace.cluster;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface WorkspaceClusterRepository extends JpaRepository<WorkspaceCluster, UUID> {

  Optional<WorkspaceCluster> findByWorkspaceId(UUID workspaceId);

  /**
   * The cluster of a step's subject: a workspace (the cluster serving it) or a warm-pool cluster
   * (its own id). The two never collide: a cluster id is either its workspace's id or fresh.
   */
  @Query("select c from WorkspaceCluster c where c.clusterId = :id or c.workspaceId = :id")
  Optional<WorkspaceCluster> findBySubject(UUID id);

  List<WorkspaceCluster> findByClusterIdIn(Collection<UUID> clusterIds);
}
