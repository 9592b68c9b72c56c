package org.workspaceportal.workspace;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClusterMemberRepository extends JpaRepository<ClusterMember, ClusterMember.Key> {

  List<ClusterMember> findByClusterId(UUID clusterId);
}
