package org.workspaceportal.workspace.cluster;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ClusterMemberRepository extends JpaRepository<ClusterMember, ClusterMember.Key> {

  List<ClusterMember> findByClusterId(UUID clusterId);
}
